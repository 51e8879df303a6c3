import { and, eq } from 'drizzle-orm';
import { mayManageRetention } from '#domain/retention/rules.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Queryable } from '../db/client.ts';
import { reviewErasures, reviews } from '../db/schema/index.ts';
import type { Ctx, MemberCtx } from '../http/context.ts';
import { partnershipAccess } from '../partnership/access.ts';

/**
 * Route access for retention, erasure and subject access: a partnership the person does not belong
 * to is not found (404); anyone but its admins is forbidden (403).
 */
export async function retentionAccess(ctx: Ctx, params: { partnershipId: string }): Promise<MemberCtx> {
  const member = await partnershipAccess('viewPartnership')(ctx, params);
  if (!mayManageRetention(member.membership.role)) throw AppError.forbidden();
  return member;
}

export type ErasureCtx = MemberCtx & { review: typeof reviews.$inferSelect };

/**
 * Route access for erasing one review's personal data: the review must be in the partnership (404
 * otherwise, as for a partnership the person does not belong to); only its admins may (403). The
 * review row is locked, so nothing else writes to the review while it is erased.
 */
export async function reviewErasureAccess(
  ctx: Ctx,
  params: { partnershipId: string; reviewId: string },
): Promise<ErasureCtx> {
  if (!ctx.principal) throw AppError.unauthenticated();
  const member = await partnershipAccess('viewPartnership')(ctx, params).catch((error: unknown) => {
    throw error instanceof AppError && error.code === 'not_found' ? AppError.notFound('review') : error;
  });
  const [review] = await ctx.tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.id, params.reviewId), eq(reviews.partnershipId, params.partnershipId)))
    .for('update');
  if (!review) throw AppError.notFound('review');
  if (!mayManageRetention(member.membership.role)) throw AppError.forbidden();
  return { ...member, review };
}

/** The tombstone of a review whose personal data was erased, or null. */
export async function findErasure(q: Queryable, reviewId: string) {
  const [row] = await q.select().from(reviewErasures).where(eq(reviewErasures.reviewId, reviewId));
  return row ?? null;
}

/** Refuses (409) any change to a review whose personal data has been erased. */
export async function refuseIfErased(q: Queryable, reviewId: string): Promise<void> {
  if (await findErasure(q, reviewId)) {
    throw new AppError(
      'conflict',
      'This review’s personal data has been erased, so it can no longer be changed.',
      { reason: 'review_erased' },
    );
  }
}
