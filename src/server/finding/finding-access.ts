import { and, eq } from 'drizzle-orm';
import { mayInReview, type ReviewAction } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { findings } from '../db/schema/index.ts';
import type { Ctx } from '../http/context.ts';
import { type ReviewCtx, reviewAccess } from '../review/access.ts';

export type FindingRow = typeof findings.$inferSelect;

/** A finding of this review, or 404 (as if it did not exist). */
export async function loadFinding(
  ctx: ReviewCtx,
  findingId: string,
  options: { lock?: boolean } = {},
): Promise<FindingRow> {
  const query = ctx.tx
    .select()
    .from(findings)
    .where(and(eq(findings.id, findingId), eq(findings.reviewId, ctx.review.id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw AppError.notFound('finding');
  return row;
}

/**
 * Route access for the findings: the review must be visible (404), the person must be allowed the
 * action (403), and then the finding named in the path must be one of this review's (404). A removal
 * says `mayBeGone`: removing a finding that is already gone changes nothing, as DELETE should.
 */
export function findingAccess(action: ReviewAction, options: { lock?: boolean; mayBeGone?: boolean } = {}) {
  const inner = reviewAccess('viewReview', options);
  return async (
    ctx: Ctx,
    params: { partnershipId: string; reviewId: string; findingId?: string },
  ): Promise<ReviewCtx> => {
    const r = await inner(ctx, params);
    if (!mayInReview(r.actor, action)) throw AppError.forbidden();
    if (params.findingId && !options.mayBeGone) await loadFinding(r, params.findingId);
    return r;
  };
}
