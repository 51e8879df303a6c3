import { eq } from 'drizzle-orm';
import type { TransitionReviewInput } from '#domain/review/review.ts';
import {
  type ActiveStage,
  planTransition,
  type ReviewStage,
  type TransitionAction,
} from '#domain/review/stages.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { reviews, reviewTransitions } from '../db/schema/index.ts';
import { assertVersion, type ReviewCtx } from './access.ts';
import { loadReviewFacts, presentReview } from './review.presenter.ts';

/**
 * Moves a review between stages as the state machine allows, recording who, when and why. A move
 * that is not allowed, or whose checks fail, is refused with 409 naming what is still needed, and
 * nothing changes.
 */
export async function transitionReview(ctx: ReviewCtx, input: TransitionReviewInput) {
  const current = ctx.review;
  assertVersion(current, input.version, 'review', () => ({ version: current.version, stage: current.stage }));
  const action: TransitionAction =
    input.action === 'return' ? { kind: 'return', to: input.to as ActiveStage } : { kind: input.action };
  const facts = await loadReviewFacts(ctx.tx, current);
  const plan = planTransition(
    { stage: current.stage as ReviewStage, resumeStage: (current.resumeStage as ActiveStage | null) ?? null },
    action,
    facts,
    input.reason,
  );
  if (!plan.ok) {
    if (plan.reason === 'reason_required')
      throw AppError.invalid([{ path: 'reason', message: plan.message }]);
    throw new AppError('conflict', plan.message, { reason: plan.reason, unmet: plan.unmet });
  }
  const [review] = await ctx.tx
    .update(reviews)
    .set({
      stage: plan.to,
      resumeStage: plan.resumeStage,
      pauseReason: plan.to === 'paused' ? (input.reason ?? null) : null,
      version: current.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(reviews.id, current.id))
    .returning();
  if (!review) throw new Error('update returned nothing');
  await ctx.tx.insert(reviewTransitions).values({
    partnershipId: review.partnershipId,
    reviewId: review.id,
    fromStage: plan.from,
    toStage: plan.to,
    action: input.action,
    reason: input.reason ?? null,
    actorUserId: ctx.principal.userId,
    at: ctx.now,
  });
  await auditAction(ctx, {
    action: 'review.transitioned',
    entityType: 'review',
    entityId: review.id,
    details: { from: plan.from, to: plan.to, action: input.action },
  });
  return presentReview({ ...ctx, review }, review);
}
