import { and, count, desc, eq } from 'drizzle-orm';
import { rapidReviewDueDate } from '#domain/intake/deadlines.ts';
import type {
  CreateRapidReviewInput,
  RapidReviewDecision,
  UpdateRapidReviewInput,
} from '#domain/intake/intake.ts';
import type { RapidReviewDto, RapidReviewList } from '#domain/intake/intake-dto.ts';
import { rapidReviewProblems } from '#domain/intake/rules.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { notifications, rapidReviewAgencyRequests, rapidReviews } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertVersion } from '../review/access.ts';
import { partnershipCalendar } from './calendar.service.ts';
import { presentCtx, presentRapidReviewSummary, type RapidReviewRow } from './intake.presenter.ts';
import { loadRapidReview, presentRapidReview } from './rapid-review.read.ts';

/** How many agencies each of the partnership's rapid reviews asked for a summary, and how many replied. */
async function agencyCounts(q: Queryable, partnershipId: string) {
  const rows = await q
    .select({
      rapidReviewId: rapidReviewAgencyRequests.rapidReviewId,
      asked: count(),
      replied: count(rapidReviewAgencyRequests.repliedDate),
    })
    .from(rapidReviewAgencyRequests)
    .where(eq(rapidReviewAgencyRequests.partnershipId, partnershipId))
    .groupBy(rapidReviewAgencyRequests.rapidReviewId);
  return new Map(rows.map((r) => [r.rapidReviewId, { asked: r.asked, replied: r.replied }]));
}

/** Lists the partnership's rapid reviews, most recent first, with their due dates and decisions. */
export async function listRapidReviews(ctx: MemberCtx): Promise<RapidReviewList> {
  const partnershipId = ctx.membership.partnershipId;
  const rows = await ctx.tx
    .select({ review: rapidReviews, childPseudonym: notifications.childPseudonym })
    .from(rapidReviews)
    .innerJoin(notifications, eq(notifications.id, rapidReviews.notificationId))
    .where(eq(rapidReviews.partnershipId, partnershipId))
    .orderBy(desc(rapidReviews.startedDate), desc(rapidReviews.createdAt));
  const counts = rows.length > 0 ? await agencyCounts(ctx.tx, partnershipId) : new Map();
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  return {
    rapidReviews: rows.map((r) =>
      presentRapidReviewSummary(
        p,
        r.review,
        r.childPseudonym,
        counts.get(r.review.id) ?? { asked: 0, replied: 0 },
      ),
    ),
  };
}

/** A rapid review of the partnership with its agency requests and meetings. */
export async function getRapidReview(ctx: MemberCtx, rapidReviewId: string): Promise<RapidReviewDto> {
  const { review, notification } = await loadRapidReview(ctx, rapidReviewId);
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, ctx.membership.partnershipId));
  return presentRapidReview(p, review, notification);
}

/**
 * Starts the rapid review of a notification, due 15 working days after the notification. A
 * notification has one rapid review; asking for a second is a conflict.
 */
export async function createRapidReview(
  ctx: MemberCtx,
  notificationId: string,
  input: CreateRapidReviewInput,
): Promise<RapidReviewDto> {
  const partnershipId = ctx.membership.partnershipId;
  const [notification] = await ctx.tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, notificationId), eq(notifications.partnershipId, partnershipId)))
    .for('update');
  if (!notification) throw AppError.notFound('notification');
  const [existing] = await ctx.tx
    .select({ id: rapidReviews.id })
    .from(rapidReviews)
    .where(eq(rapidReviews.notificationId, notification.id));
  if (existing)
    throw new AppError('conflict', 'The rapid review for this notification has already started.', {
      rapidReviewId: existing.id,
    });
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  const startedDate = input.startedDate ?? p.today;
  const problems = rapidReviewProblems(
    { ...emptyReview, awareDate: notification.awareDate, startedDate },
    p.today,
  );
  if (problems.length > 0) throw AppError.invalid(problems);
  const [row] = await ctx.tx
    .insert(rapidReviews)
    .values({
      partnershipId,
      notificationId: notification.id,
      startedDate,
      dueDate: rapidReviewDueDate(p.calendar, notification),
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await auditAction(ctx, {
    action: 'rapid_review.started',
    entityType: 'rapid_review',
    entityId: row.id,
    details: { notificationId: notification.id, dueDate: row.dueDate },
  });
  return presentRapidReview(p, row, notification);
}

const emptyReview = {
  decision: null,
  decisionRationale: null,
  decisionDate: null,
  sentToPanelDate: null,
  panelResponseDate: null,
  panelAgrees: null,
  panelResponse: null,
};
const textFields = ['immediateActions', 'learningIdentified', 'decisionRationale', 'panelResponse'];

/** Records the rapid review's progress: actions, learning, the decision and its reasons, and the panel's reply. */
export async function updateRapidReview(
  ctx: MemberCtx,
  rapidReviewId: string,
  input: UpdateRapidReviewInput,
): Promise<RapidReviewDto> {
  const partnershipId = ctx.membership.partnershipId;
  const { review: current, notification } = await loadRapidReview(ctx, rapidReviewId, true);
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  if (current.version !== input.version) {
    const now = await presentRapidReview(p, current, notification);
    assertVersion(current, input.version, 'rapid review', () => now);
  }

  const { version: _version, ...fields } = input;
  const changes: Partial<RapidReviewRow> = {};
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
    if (value === undefined) continue;
    const next = textFields.includes(key) ? (value as string | null)?.trim() || null : value;
    if (next !== current[key]) Object.assign(changes, { [key]: next });
  }
  const merged = { ...current, ...changes };
  const problems = rapidReviewProblems({ ...merged, awareDate: notification.awareDate }, p.today);
  if (problems.length > 0) throw AppError.invalid(problems);
  // Reopening a review that had been sent puts its deadline back on the calendar as it is now.
  if ('sentToPanelDate' in changes && !merged.sentToPanelDate)
    changes.dueDate = rapidReviewDueDate(p.calendar, notification);

  const [row] = await ctx.tx
    .update(rapidReviews)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(rapidReviews.id, current.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await auditAction(ctx, {
    action: 'rapid_review.updated',
    entityType: 'rapid_review',
    entityId: row.id,
    details: {
      changed: Object.keys(changes).filter((k) => k !== 'dueDate'),
      version: row.version,
      ...('decision' in changes ? { decision: row.decision } : {}),
    },
  });
  return presentRapidReview(p, row, notification);
}

/**
 * A rapid review's decision, for commissioning a review from it (the commissioning form copies the
 * rationale); null when the partnership has no such rapid review.
 */
export async function findRapidReviewForCommissioning(q: Queryable, partnershipId: string, id: string) {
  const [row] = await q
    .select({
      id: rapidReviews.id,
      decision: rapidReviews.decision,
      decisionRationale: rapidReviews.decisionRationale,
      decisionDate: rapidReviews.decisionDate,
      childPseudonym: notifications.childPseudonym,
    })
    .from(rapidReviews)
    .innerJoin(notifications, eq(notifications.id, rapidReviews.notificationId))
    .where(and(eq(rapidReviews.id, id), eq(rapidReviews.partnershipId, partnershipId)));
  return row ? { ...row, decision: row.decision as RapidReviewDecision | null } : null;
}
