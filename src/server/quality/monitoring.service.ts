import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { londonDate } from '#domain/intake/deadlines.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import type {
  DraftRequestDto,
  DraftRequestList,
  MonitoringDto,
  markDraftReceivedInput,
  Rating,
  recordDraftRequestInput,
} from '#domain/quality/quality.ts';
import {
  addCounts,
  deadlinePicture,
  draftReceivedProblems,
  draftRequestProblems,
  monitoredDeadlines,
  qualityCounts,
} from '#domain/quality/rules.ts';
import { deadlineStatus } from '#domain/review/deadlines.ts';
import { type ReviewStage, reviewStages } from '#domain/review/stages.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { draftRequests, qualityAssessments, reviews, users } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import type { ReviewCtx } from '../review/access.ts';
import { reviewDeadlines } from '../review/deadlines.ts';

type DraftRow = typeof draftRequests.$inferSelect;

const newestFirst = [desc(draftRequests.requestedOn), desc(draftRequests.createdAt)];

/** The requests for a draft of one review's report, newest first, as the rules read them. */
export async function listDraftRequestRows(q: Queryable, reviewId: string) {
  return q
    .select({
      requestedOn: draftRequests.requestedOn,
      dueOn: draftRequests.dueOn,
      receivedOn: draftRequests.receivedOn,
    })
    .from(draftRequests)
    .where(eq(draftRequests.reviewId, reviewId))
    .orderBy(...newestFirst);
}

const present = (row: DraftRow, requestedByName: string | null): DraftRequestDto => ({
  id: row.id,
  requestedOn: row.requestedOn,
  dueOn: row.dueOn,
  note: row.note,
  receivedOn: row.receivedOn,
  requestedByName,
  createdAt: row.createdAt.toISOString(),
});

/** Requests for a draft with who made them: of the given reviews, newest first. */
async function draftRequestsOf(q: Queryable, reviewIds: string[]) {
  if (!reviewIds.length) return [];
  return q
    .select({ row: draftRequests, name: users.name })
    .from(draftRequests)
    .leftJoin(users, eq(users.id, draftRequests.requestedBy))
    .where(inArray(draftRequests.reviewId, reviewIds))
    .orderBy(...newestFirst);
}

/** Whether the person is one of the partnership's admins or business managers, who monitor its reviews. */
export const mayMonitor = (ctx: MemberCtx) =>
  mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'monitorReviews');

/**
 * Every review of the partnership that is not closed, most pressing target first: its stage, dates,
 * days to the target publication date, deadlines missed and the next one, its quality-marker
 * ratings and the latest request for a draft; with the ratings added up across them.
 */
export async function getMonitoring(ctx: MemberCtx): Promise<MonitoringDto> {
  const pid = ctx.membership.partnershipId;
  const rows = await ctx.tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.partnershipId, pid), ne(reviews.stage, 'closed')))
    .orderBy(asc(reviews.targetPublicationDate), asc(reviews.title));
  const ids = rows.map((r) => r.id);
  const ratings = ids.length
    ? await ctx.tx
        .select({
          reviewId: qualityAssessments.reviewId,
          marker: qualityAssessments.markerNumber,
          rating: qualityAssessments.rating,
        })
        .from(qualityAssessments)
        .where(inArray(qualityAssessments.reviewId, ids))
    : [];
  const drafts = await draftRequestsOf(ctx.tx, ids);
  const today = londonDate(ctx.now);
  const rowsOut = rows.map((review) => {
    const own = drafts.filter((d) => d.row.reviewId === review.id);
    const target = reviewDeadlines(review, ctx.now)[0] ?? null;
    const picture = deadlinePicture(
      monitoredDeadlines(
        target,
        own.map((d) => d.row),
      ),
      today,
    );
    const byMarker = new Map(
      ratings.filter((r) => r.reviewId === review.id).map((r) => [r.marker, r.rating as Rating | null]),
    );
    const latest = own[0];
    return {
      reviewId: review.id,
      title: review.title,
      stage: review.stage,
      stageLabel: reviewStages[review.stage as ReviewStage] ?? review.stage,
      initiatedDate: review.initiatedDate,
      targetPublicationDate: review.targetPublicationDate,
      daysToTarget: deadlineStatus('Publication', review.targetPublicationDate, ctx.now).daysLeft,
      overdueDeadlines: picture.overdue,
      nextDeadline: picture.next,
      quality: qualityCounts(byMarker).counts,
      latestDraftRequest: latest ? present(latest.row, latest.name) : null,
    };
  });
  return { reviews: rowsOut, totals: addCounts(rowsOut.map((r) => r.quality)) };
}

/** The requests for a draft of the review's report, newest first, and whether the person may record them. */
export async function listDraftRequests(ctx: ReviewCtx): Promise<DraftRequestList> {
  const rows = await draftRequestsOf(ctx.tx, [ctx.review.id]);
  return { requests: rows.map((r) => present(r.row, r.name)), abilities: { record: mayMonitor(ctx) } };
}

/**
 * Records a written request by the partners for a draft of the review's report: made today or
 * earlier, due (if a date is given) no earlier than it was made. The audit row holds the dates, not
 * the note.
 */
export async function recordDraftRequest(
  ctx: ReviewCtx,
  input: z.output<typeof recordDraftRequestInput>,
): Promise<DraftRequestDto> {
  const problems = draftRequestProblems(input, londonDate(ctx.now));
  if (problems.length) throw AppError.invalid(problems);
  const [row] = await ctx.tx
    .insert(draftRequests)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      requestedOn: input.requestedOn,
      dueOn: input.dueOn ?? null,
      note: input.note?.trim() || null,
      requestedBy: ctx.principal.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('draft request not stored');
  await auditAction(ctx, {
    action: 'draft_request.recorded',
    entityType: 'draft_request',
    entityId: row.id,
    details: { reviewId: ctx.review.id, requestedOn: row.requestedOn, dueOn: row.dueOn },
  });
  return present(row, ctx.principal.name);
}

/**
 * Records the day a requested draft arrived: not before it was requested and not in the future. A
 * later call corrects the date. The request must be this review's (404 otherwise).
 */
export async function markDraftReceived(
  ctx: ReviewCtx,
  requestId: string,
  input: z.output<typeof markDraftReceivedInput>,
): Promise<DraftRequestDto> {
  const [found] = await ctx.tx
    .select({ row: draftRequests, name: users.name })
    .from(draftRequests)
    .leftJoin(users, eq(users.id, draftRequests.requestedBy))
    .where(and(eq(draftRequests.id, requestId), eq(draftRequests.reviewId, ctx.review.id)));
  if (!found) throw AppError.notFound('request for a draft');
  const problems = draftReceivedProblems(input.receivedOn, found.row.requestedOn, londonDate(ctx.now));
  if (problems.length) throw AppError.invalid(problems);
  const [row] = await ctx.tx
    .update(draftRequests)
    .set({ receivedOn: input.receivedOn })
    .where(eq(draftRequests.id, requestId))
    .returning();
  await auditAction(ctx, {
    action: 'draft_request.received',
    entityType: 'draft_request',
    entityId: requestId,
    details: {
      reviewId: ctx.review.id,
      receivedOn: input.receivedOn,
      ...(found.row.receivedOn ? { receivedOnWas: found.row.receivedOn } : {}),
    },
  });
  return present(row ?? found.row, found.name);
}
