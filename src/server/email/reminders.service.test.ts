import { addDays, formatISO, parseISO } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import { givenAction } from '../action/testing.ts';
import { actions, auditEvents, emailOutbox, remindersSent } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  createTestApp,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type TestApp,
} from '../testing/harness.ts';
import { sendReminders } from './reminders.service.ts';
import { createMailTransport, sendPendingEmail } from './sender.ts';
import { type SmtpCapture, startSmtpCapture } from './smtp-testing.ts';

let t: TestApp;
let smtp: SmtpCapture;
beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: 'https://sightlines.example.org' });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const now = new Date();
const today = londonDate(now);
const inDays = (n: number) => formatISO(addDays(parseISO(today), n), { representation: 'date' });

describe('reminders', () => {
  it('email each occasion once: actions to their owner, deadlines to the business managers', async () => {
    const p = await givenPartnership(t, 'Westmoor Partnership');
    const review = await givenReview(t, p.id, {
      stage: 'analysis',
      title: 'Child R',
      targetPublicationDate: inDays(5),
    });
    const manager = await givenMember(t, p.id, 'business_manager', { name: 'Mo Manager' });
    await givenParticipant(t, review, 'business_manager', manager);
    const owner = await givenMember(t, p.id, 'member', { name: 'Olu Owner' });
    const finding = await givenFinding(t, review);
    const dueSoon = await givenAction(t, review, finding.id, { ownerName: 'Olu Owner', dueOn: inDays(10) });
    const overdue = await givenAction(t, review, finding.id, {
      ownerName: 'Head of children’s services',
      dueOn: inDays(-3),
    });
    await givenAction(t, review, finding.id, { ownerName: 'Olu Owner', dueOn: inDays(30) });
    await givenAction(t, review, finding.id, { ownerName: 'Olu Owner', dueOn: inDays(-1), status: 'done' });

    expect(await sendReminders(t.database.db, t.config, now)).toEqual({
      actionReminders: 2,
      deadlineReminders: 1,
      emails: 3,
    });
    const transport = createMailTransport(t.config)!;
    try {
      expect((await sendPendingEmail(t.database.db, t.config, transport)).sent).toBe(3);
    } finally {
      transport.close();
    }
    const messages = await smtp.waitFor(3);
    const to = (address: string) =>
      messages
        .filter((m) => m.to[0] === address)
        .map((m) => m.subject)
        .sort();
    expect(to(owner.email)).toEqual(['An action you own is due soon']);
    expect(to(manager.email)).toEqual([
      'A review’s publication date is near',
      'An action in your review is overdue',
    ]);
    for (const m of messages) {
      expect(m.text).toContain(`https://sightlines.example.org/partnerships/${p.id}/reviews/${review.id}`);
      expect(m.text).not.toContain('Child R');
      expect(m.text).not.toContain('non-mobile baby');
    }
    expect(messages.find((m) => m.to[0] === owner.email)!.text).toContain(`/reviews/${review.id}/actions`);

    const [reminded] = await t.database.db.select().from(actions).where(eq(actions.id, dueSoon.id));
    expect(reminded!.lastRemindedAt?.getTime()).toBe(now.getTime());
    const keys = (
      await t.database.db.select().from(remindersSent).where(eq(remindersSent.partnershipId, p.id))
    )
      .map((r) => r.reminderKey)
      .sort();
    expect(keys).toEqual(
      [
        `action_due:${dueSoon.id}:${inDays(10)}`,
        `action_overdue:${overdue.id}:${inDays(-3)}`,
        `deadline:${review.id}:publication:${inDays(5)}:7_days`,
      ].sort(),
    );
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnershipId, p.id), eq(auditEvents.action, 'email.reminders_sent')));
    expect(audit!.details).toEqual({ actionReminders: 2, deadlineReminders: 1, emails: 3 });

    // The same day again: nothing new.
    expect(await sendReminders(t.database.db, t.config, now)).toEqual({
      actionReminders: 0,
      deadlineReminders: 0,
      emails: 0,
    });
    // A week later the deadline has passed (a new occasion); the action due soon is still the same one.
    const later = new Date(now.getTime() + 7 * 86_400_000);
    expect(await sendReminders(t.database.db, t.config, later)).toEqual({
      actionReminders: 0,
      deadlineReminders: 1,
      emails: 1,
    });
    const pending = await t.database.db.select().from(emailOutbox).where(eq(emailOutbox.status, 'pending'));
    expect(pending.map((e) => [e.toAddress, e.subject])).toEqual([
      [manager.email, 'A review’s publication date has passed'],
    ]);
  });
});
