import { addDays, formatISO, parseISO } from 'date-fns';
import { and, eq, inArray, isNotNull, lte, notInArray } from 'drizzle-orm';
import type { ActionStatus } from '#domain/action/action.ts';
import { dueSoonDays } from '#domain/action/rules.ts';
import { actionReminderEmail, deadlineReminderEmail } from '#domain/email/messages.ts';
import { type Recipient, type Reminder, remindersDue } from '#domain/email/reminders.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import type { Db, Queryable } from '../db/client.ts';
import {
  actions,
  memberships,
  participants,
  partnerships,
  remindersSent,
  reviews,
  users,
} from '../db/schema/index.ts';
import { reviewDeadlines } from '../review/deadlines.ts';
import { linkBase, queueEmail } from './outbox.ts';

export type ReminderCounts = { actionReminders: number; deadlineReminders: number; emails: number };

const publishedStages = ['action_monitoring', 'closed'];

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
}

async function loadFacts(q: Queryable, now: Date) {
  const today = londonDate(now);
  const horizon = formatISO(addDays(parseISO(today), dueSoonDays), { representation: 'date' });
  const actionRows = await q
    .select({
      id: actions.id,
      partnershipId: actions.partnershipId,
      reviewId: actions.reviewId,
      dueOn: actions.dueOn,
      status: actions.status,
      ownerName: actions.ownerName,
    })
    .from(actions)
    .where(
      and(
        inArray(actions.status, ['open', 'in_progress']),
        isNotNull(actions.dueOn),
        lte(actions.dueOn, horizon),
      ),
    );
  const reviewRows = await q
    .select({
      id: reviews.id,
      partnershipId: reviews.partnershipId,
      stage: reviews.stage,
      targetPublicationDate: reviews.targetPublicationDate,
    })
    .from(reviews)
    .where(notInArray(reviews.stage, publishedStages));
  const reviewFacts = reviewRows.map((r) => ({
    id: r.id,
    partnershipId: r.partnershipId,
    deadlines: reviewDeadlines(r, now),
  }));
  const partnershipIds = [...new Set([...actionRows, ...reviewRows].map((r) => r.partnershipId))];
  const reviewIds = [...new Set([...actionRows.map((a) => a.reviewId), ...reviewRows.map((r) => r.id)])];
  const peopleRows = partnershipIds.length
    ? await q
        .select({
          partnershipId: memberships.partnershipId,
          userId: users.id,
          name: users.name,
          email: users.email,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(inArray(memberships.partnershipId, partnershipIds), eq(memberships.active, true)))
    : [];
  const managerRows = reviewIds.length
    ? await q
        .select({
          reviewId: participants.reviewId,
          userId: users.id,
          name: users.name,
          email: users.email,
        })
        .from(participants)
        .innerJoin(users, eq(users.id, participants.userId))
        .innerJoin(
          memberships,
          and(
            eq(memberships.userId, participants.userId),
            eq(memberships.partnershipId, participants.partnershipId),
            eq(memberships.active, true),
          ),
        )
        .where(
          and(
            inArray(participants.reviewId, reviewIds),
            eq(participants.role, 'business_manager'),
            eq(participants.active, true),
          ),
        )
    : [];
  const recipient = (r: Recipient): Recipient => ({ userId: r.userId, name: r.name, email: r.email });
  return {
    today,
    actions: actionRows.map((a) => ({ ...a, status: a.status as ActionStatus })),
    reviews: reviewFacts,
    people: new Map([...groupBy(peopleRows, (r) => r.partnershipId)].map(([k, v]) => [k, v.map(recipient)])),
    businessManagers: new Map(
      [...groupBy(managerRows, (r) => r.reviewId)].map(([k, v]) => [k, v.map(recipient)]),
    ),
    partnershipIds,
  };
}

function messageFor(reminder: Reminder, to: Recipient, partnershipName: string, base: string) {
  const review = `${base}/partnerships/${reminder.partnershipId}/reviews/${reminder.reviewId}`;
  if (reminder.kind === 'deadline') {
    return {
      kind: 'deadline_reminder' as const,
      ...deadlineReminderEmail({
        name: to.name,
        partnershipName,
        label: reminder.label,
        date: reminder.date,
        daysLeft: reminder.daysLeft,
        link: review,
      }),
    };
  }
  return {
    kind: 'action_reminder' as const,
    ...actionReminderEmail({
      name: to.name,
      partnershipName,
      dueOn: reminder.dueOn,
      overdue: reminder.kind === 'action_overdue',
      toOwner: reminder.toOwner,
      link: `${review}/actions`,
    }),
  };
}

/**
 * Queues the reminders that are due, each occasion once: actions due within 14 days or overdue (to
 * their owner) and review deadlines that are near or passed (to the review's business managers).
 * Each occasion is recorded in `reminders_sent`, each reminded action gets `last_reminded_at`, and
 * each partnership's audit log records how many were sent. Runs in one transaction.
 */
export async function sendReminders(db: Db, config: Config, now: Date): Promise<ReminderCounts> {
  return db.transaction(async (tx) => {
    const facts = await loadFacts(tx, now);
    const candidates = remindersDue({ ...facts, alreadySent: new Set() });
    const counts: ReminderCounts = { actionReminders: 0, deadlineReminders: 0, emails: 0 };
    if (candidates.length === 0) return counts;
    const names = new Map(
      (
        await tx
          .select({ id: partnerships.id, name: partnerships.name })
          .from(partnerships)
          .where(inArray(partnerships.id, facts.partnershipIds))
      ).map((p) => [p.id, p.name]),
    );
    const base = linkBase(config);
    const byPartnership = new Map<string, ReminderCounts>();
    for (const reminder of candidates) {
      // Recording the occasion first means a second run at the same time sends nothing twice.
      const [fresh] = await tx
        .insert(remindersSent)
        .values({ partnershipId: reminder.partnershipId, reminderKey: reminder.key, sentAt: now })
        .onConflictDoNothing()
        .returning({ id: remindersSent.id });
      if (!fresh) continue;
      const tally = byPartnership.get(reminder.partnershipId) ?? {
        actionReminders: 0,
        deadlineReminders: 0,
        emails: 0,
      };
      for (const to of reminder.to) {
        const message = messageFor(
          reminder,
          to,
          names.get(reminder.partnershipId) ?? 'your partnership',
          base,
        );
        await queueEmail(tx, config, { to: to.email, partnershipId: reminder.partnershipId, ...message });
        tally.emails++;
      }
      if (reminder.kind === 'deadline') tally.deadlineReminders++;
      else {
        tally.actionReminders++;
        await tx.update(actions).set({ lastRemindedAt: now }).where(eq(actions.id, reminder.actionId));
      }
      byPartnership.set(reminder.partnershipId, tally);
    }
    for (const [partnershipId, tally] of byPartnership) {
      await recordAudit(tx, {
        partnershipId,
        actorUserId: null,
        action: 'email.reminders_sent',
        entityType: 'partnership',
        entityId: partnershipId,
        details: tally,
        at: now,
      });
      counts.actionReminders += tally.actionReminders;
      counts.deadlineReminders += tally.deadlineReminders;
      counts.emails += tally.emails;
    }
    return counts;
  });
}
