import { loadConfig } from '#server/config.ts';
import { sendReminders } from '#server/email/reminders.service.ts';
import { createMailTransport, sendPendingEmail } from '#server/email/sender.ts';
import { withDatabase } from './commands.ts';

/** `sightlines send-reminders`: emails the reminders that are due (for cron); `serve` also runs it daily. */
export async function runSendReminders(_args: string[]): Promise<number> {
  const config = loadConfig();
  const transport = createMailTransport(config);
  if (!transport) {
    console.error('sightlines send-reminders: email is off. Set SIGHTLINES_SMTP_URL to send reminders.');
    return 1;
  }
  try {
    return await withDatabase(async (database) => {
      const counts = await sendReminders(database.db, config, new Date());
      const sent = await sendPendingEmail(database.db, config, transport);
      console.log(
        `Reminders: ${counts.actionReminders} about actions and ${counts.deadlineReminders} about review deadlines, in ${counts.emails} emails.`,
      );
      console.log(`Outbox: ${sent.sent} sent, ${sent.retrying} to try again later, ${sent.failed} given up.`);
      return sent.retrying || sent.failed ? 1 : 0;
    });
  } finally {
    transport.close();
  }
}
