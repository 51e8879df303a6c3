/** `sightlines send-reminders`: emails the reminders that are due (for cron); `serve` also runs it daily. */
export async function runSendReminders(_args: string[]): Promise<number> {
  console.error('sightlines send-reminders: not available yet');
  return 1;
}
