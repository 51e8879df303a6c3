import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { addCalendarMonths } from '#domain/calendar/working-days.ts';
import { mostPressing } from '#domain/review/deadlines.ts';
import { mayCommission, type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import {
  type CommissionReviewInput,
  type ReviewSummaryDto,
  type ReviewType,
  type ReviewVariant,
  reviewTypes,
  reviewVariants,
  type UpdateReviewInput,
} from '#domain/review/review.ts';
import { type ReviewStage, reviewStages } from '#domain/review/stages.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import {
  agencies,
  participants,
  rapidReviews,
  researchQuestions,
  reviewAgencies,
  reviews,
  reviewTransitions,
} from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { refreshLibraryForReview } from '../library/library-sync.ts';
import { assertVersion, type ReviewCtx, type ReviewRow } from './access.ts';
import { reviewDeadlines } from './deadlines.ts';
import { presentReview } from './review.presenter.ts';

async function assertAgencies(q: Queryable, partnershipId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  const found = await q
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.partnershipId, partnershipId), inArray(agencies.id, [...ids])));
  if (found.length !== new Set(ids).size) {
    throw AppError.invalid([{ path: 'agencyIds', message: 'Choose agencies from this partnership' }]);
  }
}

async function replaceAgencies(q: Queryable, review: ReviewRow, ids: readonly string[]) {
  await assertAgencies(q, review.partnershipId, ids);
  await q.delete(reviewAgencies).where(eq(reviewAgencies.reviewId, review.id));
  const unique = [...new Set(ids)];
  if (unique.length) {
    await q
      .insert(reviewAgencies)
      .values(
        unique.map((agencyId) => ({ reviewId: review.id, agencyId, partnershipId: review.partnershipId })),
      );
  }
}

/**
 * Sets the review's research questions to the texts given, in order. A question whose text is
 * unchanged keeps its row (and id), only moving position, so what links to it (a finding that
 * answers it) survives a reorder; removed questions go and new ones are added.
 */
async function replaceQuestions(q: Queryable, review: ReviewRow, texts: readonly string[]) {
  const existing = await q
    .select()
    .from(researchQuestions)
    .where(eq(researchQuestions.reviewId, review.id))
    .orderBy(asc(researchQuestions.position));
  const unused = [...existing];
  const kept: Array<{ id: string; position: number; was: number }> = [];
  const added: Array<{ text: string; position: number }> = [];
  texts.forEach((text, i) => {
    const at = unused.findIndex((r) => r.text === text);
    const match = at >= 0 ? unused.splice(at, 1)[0] : undefined;
    if (match) kept.push({ id: match.id, position: i + 1, was: match.position });
    else added.push({ text, position: i + 1 });
  });
  if (unused.length)
    await q.delete(researchQuestions).where(
      inArray(
        researchQuestions.id,
        unused.map((r) => r.id),
      ),
    );
  for (const k of kept)
    if (k.position !== k.was)
      await q.update(researchQuestions).set({ position: k.position }).where(eq(researchQuestions.id, k.id));
  if (added.length) {
    await q.insert(researchQuestions).values(
      added.map(({ text, position }) => ({
        reviewId: review.id,
        partnershipId: review.partnershipId,
        position,
        text,
      })),
    );
  }
}

/** Commissions a review, directly or from a rapid review's decision, starting at commissioning and set-up. */
export async function commissionReview(ctx: MemberCtx, input: CommissionReviewInput) {
  const partnershipId = ctx.membership.partnershipId;
  let decisionRationale = input.decisionRationale ?? null;
  let decisionDate = input.decisionDate ?? null;
  if (input.rapidReviewId) {
    const [rr] = await ctx.tx
      .select()
      .from(rapidReviews)
      .where(and(eq(rapidReviews.id, input.rapidReviewId), eq(rapidReviews.partnershipId, partnershipId)));
    if (!rr)
      throw AppError.invalid([
        { path: 'rapidReviewId', message: 'Choose a rapid review from this partnership' },
      ]);
    const [already] = await ctx.tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(eq(reviews.rapidReviewId, rr.id));
    if (already)
      throw AppError.invalid([
        { path: 'rapidReviewId', message: 'A review has already been commissioned from this rapid review' },
      ]);
    decisionRationale ??= rr.decisionRationale;
    decisionDate ??= rr.decisionDate;
  }
  const variant = reviewVariants[input.variant];
  const [review] = await ctx.tx
    .insert(reviews)
    .values({
      partnershipId,
      rapidReviewId: input.rapidReviewId ?? null,
      title: input.title,
      type: input.type,
      variant: input.variant,
      stage: 'commissioning',
      purposeStatement: input.purposeStatement ?? null,
      scopeFrom: input.scopeFrom ?? null,
      scopeTo: input.scopeTo ?? null,
      proportionalityRationale: input.proportionalityRationale ?? null,
      decisionRationale,
      decisionDate,
      initiatedDate: input.initiatedDate,
      targetPublicationDate: input.targetPublicationDate ?? addCalendarMonths(input.initiatedDate, 6),
      qualityAssurer: input.qualityAssurer ?? null,
      signOffChain: input.signOffChain ?? [],
      plannedReviewTeamMeetings: input.plannedReviewTeamMeetings ?? variant.reviewTeamMeetings,
      plannedJointMeetings: input.plannedJointMeetings ?? variant.jointMeetings,
      createdBy: ctx.principal.userId,
    })
    .returning();
  if (!review) throw new Error('insert returned nothing');
  await replaceAgencies(ctx.tx, review, input.agencyIds ?? []);
  await replaceQuestions(ctx.tx, review, input.researchQuestions ?? []);
  await ctx.tx.insert(reviewTransitions).values({
    partnershipId,
    reviewId: review.id,
    fromStage: null,
    toStage: 'commissioning',
    action: 'commission',
    reason: decisionRationale,
    actorUserId: ctx.principal.userId,
    at: ctx.now,
  });
  await auditAction(ctx, {
    action: 'review.commissioned',
    entityType: 'review',
    entityId: review.id,
    details: { type: review.type, variant: review.variant, rapidReviewId: review.rapidReviewId },
  });
  const reviewContext = {
    ...ctx,
    review,
    actor: { reviewRoles: [], partnershipRole: ctx.membership.role },
    participantIds: [],
  };
  return presentReview(reviewContext, review);
}

/** Changes a review's terms of reference, refusing a change based on an old version. */
export async function updateReview(ctx: ReviewCtx, input: UpdateReviewInput) {
  const current = ctx.review;
  assertVersion(current, input.version, 'review', () => ({ version: current.version }));
  const { agencyIds, researchQuestions: questions, version: _v, ...fields } = input;
  const scopeFrom = fields.scopeFrom !== undefined ? fields.scopeFrom : current.scopeFrom;
  const scopeTo = fields.scopeTo !== undefined ? fields.scopeTo : current.scopeTo;
  if (scopeFrom && scopeTo && scopeFrom > scopeTo) {
    throw AppError.invalid([
      { path: 'scopeTo', message: 'The end of the scope period must be on or after its start' },
    ]);
  }
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const [review] = await ctx.tx
    .update(reviews)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(reviews.id, current.id))
    .returning();
  if (!review) throw new Error('update returned nothing');
  if (agencyIds) await replaceAgencies(ctx.tx, review, agencyIds);
  if (questions) await replaceQuestions(ctx.tx, review, questions);
  const changed = [
    ...Object.keys(changes),
    ...(agencyIds ? ['agencyIds'] : []),
    ...(questions ? ['researchQuestions'] : []),
  ];
  await refreshLibraryForReview(ctx.tx, review.id, ctx.now);
  await auditAction(ctx, {
    action: 'review.updated',
    entityType: 'review',
    entityId: review.id,
    details: { changed, version: review.version },
  });
  return presentReview({ ...ctx, review }, review);
}

/**
 * Lists reviews: the whole partnership's for those who run reviews (`all`), or the ones the person
 * has a role in (`mine`), each with its stage and most pressing deadline.
 */
export async function listReviews(ctx: MemberCtx, scope: 'all' | 'mine' | undefined) {
  const runsReviews = mayCommission(ctx.membership.role);
  const effective = scope ?? (runsReviews ? 'all' : 'mine');
  if (effective === 'all' && !runsReviews)
    throw AppError.forbidden('Only business managers and partnership admins see every review.');
  const mine = await ctx.tx
    .select({ reviewId: participants.reviewId, role: participants.role })
    .from(participants)
    .where(
      and(
        eq(participants.partnershipId, ctx.membership.partnershipId),
        eq(participants.userId, ctx.principal.userId),
        eq(participants.active, true),
      ),
    );
  const rolesByReview = new Map<string, string[]>();
  for (const m of mine)
    rolesByReview.set(m.reviewId, [
      ...(rolesByReview.get(m.reviewId) ?? []),
      reviewRoles[m.role as ReviewRole],
    ]);
  const where = [eq(reviews.partnershipId, ctx.membership.partnershipId)];
  if (effective === 'mine') {
    if (rolesByReview.size === 0) return { reviews: [], abilities: { commission: runsReviews } };
    where.push(inArray(reviews.id, [...rolesByReview.keys()]));
  }
  const rows = await ctx.tx
    .select()
    .from(reviews)
    .where(and(...where))
    .orderBy(desc(reviews.initiatedDate));
  const summaries: ReviewSummaryDto[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type as ReviewType,
    typeLabel: reviewTypes[r.type as ReviewType],
    variant: r.variant as ReviewVariant,
    variantLabel: reviewVariants[r.variant as ReviewVariant].label,
    stage: r.stage as ReviewStage,
    stageLabel: reviewStages[r.stage as ReviewStage],
    initiatedDate: r.initiatedDate,
    targetPublicationDate: r.targetPublicationDate,
    nextDeadline: mostPressing(reviewDeadlines(r, ctx.now)),
    myRoles: rolesByReview.get(r.id) ?? [],
  }));
  return { reviews: summaries, abilities: { commission: runsReviews } };
}
