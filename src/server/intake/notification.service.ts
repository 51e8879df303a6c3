import { and, desc, eq } from 'drizzle-orm';
import { notificationDueDate, rapidReviewDueDate } from '#domain/intake/deadlines.ts';
import type { CreateNotificationInput, UpdateNotificationInput } from '#domain/intake/intake.ts';
import type { NotificationDto, NotificationList } from '#domain/intake/intake-dto.ts';
import { notificationProblems } from '#domain/intake/rules.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { notifications, rapidReviews } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertVersion } from '../review/access.ts';
import { partnershipCalendar } from './calendar.service.ts';
import { mayManage, type NotificationRow, presentCtx, presentNotification } from './intake.presenter.ts';

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Lists the partnership's serious incident notifications, most recent first, with their deadlines. */
export async function listNotifications(ctx: MemberCtx): Promise<NotificationList> {
  const partnershipId = ctx.membership.partnershipId;
  const rows = await ctx.tx
    .select({ notification: notifications, rapidReview: rapidReviews })
    .from(notifications)
    .leftJoin(rapidReviews, eq(rapidReviews.notificationId, notifications.id))
    .where(eq(notifications.partnershipId, partnershipId))
    .orderBy(desc(notifications.awareDate), desc(notifications.createdAt));
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  const may = mayManage(ctx);
  return {
    notifications: rows.map((r) => presentNotification(p, r.notification, r.rapidReview)),
    abilities: { create: may, manageCalendar: may },
  };
}

/** Records a serious incident notification; its due date is 5 working days after the local authority became aware. */
export async function createNotification(
  ctx: MemberCtx,
  input: CreateNotificationInput,
): Promise<NotificationDto> {
  const partnershipId = ctx.membership.partnershipId;
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  const submittedDate = input.submittedDate ?? null;
  const problems = notificationProblems({ ...input, submittedDate }, p.today);
  if (problems.length > 0) throw AppError.invalid(problems);
  const [row] = await ctx.tx
    .insert(notifications)
    .values({
      partnershipId,
      childPseudonym: input.childPseudonym,
      summary: blankToNull(input.summary),
      incidentDate: input.incidentDate,
      awareDate: input.awareDate,
      dueDate: notificationDueDate(p.calendar, input.awareDate),
      submittedDate,
      outcome: input.outcome,
      abuseOrNeglect: input.abuseOrNeglect,
      lookedAfter: input.lookedAfter,
      recipients: input.recipients,
      reference: blankToNull(input.reference),
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await auditAction(ctx, {
    action: 'notification.created',
    entityType: 'notification',
    entityId: row.id,
    details: { dueDate: row.dueDate, sent: Boolean(row.submittedDate) },
  });
  return presentNotification(p, row, null);
}

async function loadNotification(ctx: MemberCtx, notificationId: string, lock = false) {
  const query = ctx.tx
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.id, notificationId),
        eq(notifications.partnershipId, ctx.membership.partnershipId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw AppError.notFound('notification');
  const [rapidReview] = await ctx.tx
    .select()
    .from(rapidReviews)
    .where(eq(rapidReviews.notificationId, row.id));
  return { row, rapidReview: rapidReview ?? null };
}

/** A notification of the partnership, with its deadline and its rapid review if one has started. */
export async function getNotification(ctx: MemberCtx, notificationId: string): Promise<NotificationDto> {
  const { row, rapidReview } = await loadNotification(ctx, notificationId);
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, ctx.membership.partnershipId));
  return presentNotification(p, row, rapidReview);
}

const textFields = ['summary', 'reference'] as const;

/**
 * Changes a notification, refusing a change based on an out-of-date version. A new aware date
 * moves the notification's due date; a new aware or sent date moves an open rapid review's.
 */
export async function updateNotification(
  ctx: MemberCtx,
  notificationId: string,
  input: UpdateNotificationInput,
): Promise<NotificationDto> {
  const partnershipId = ctx.membership.partnershipId;
  const { row: current, rapidReview } = await loadNotification(ctx, notificationId, true);
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  assertVersion(current, input.version, 'notification', () => presentNotification(p, current, rapidReview));

  const { version: _version, ...fields } = input;
  const changes: Partial<NotificationRow> = {};
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
    if (value === undefined) continue;
    const next = (textFields as readonly string[]).includes(key)
      ? blankToNull(value as string | null)
      : value;
    if (JSON.stringify(next) !== JSON.stringify(current[key])) Object.assign(changes, { [key]: next });
  }
  const merged = { ...current, ...changes };
  const problems = notificationProblems(merged, p.today);
  if (problems.length > 0) throw AppError.invalid(problems);
  if (changes.awareDate) changes.dueDate = notificationDueDate(p.calendar, merged.awareDate);

  const [row] = await ctx.tx
    .update(notifications)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(notifications.id, current.id))
    .returning();
  if (!row) throw new Error('update returned nothing');

  let review = rapidReview;
  if (review && !review.sentToPanelDate && ('awareDate' in changes || 'submittedDate' in changes)) {
    const dueDate = rapidReviewDueDate(p.calendar, row);
    if (dueDate !== review.dueDate) {
      const [moved] = await ctx.tx
        .update(rapidReviews)
        .set({ dueDate })
        .where(eq(rapidReviews.id, review.id))
        .returning();
      review = moved ?? review;
    }
  }
  await auditAction(ctx, {
    action: 'notification.updated',
    entityType: 'notification',
    entityId: row.id,
    details: { changed: Object.keys(changes).filter((k) => k !== 'dueDate'), version: row.version },
  });
  return presentNotification(p, row, review);
}
