import { mayOpenDocuments } from '#domain/document/document.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Ctx } from '../http/context.ts';
import { type ReviewCtx, reviewAccess } from '../review/access.ts';

const seeReview = reviewAccess('viewReview');

/**
 * Route access for reading documents: the review team side with `viewDocuments`, and case group
 * members, who see only documents shared with the case group; anyone else in the review gets 403.
 */
export async function documentReadAccess(
  ctx: Ctx,
  params: { partnershipId: string; reviewId: string },
): Promise<ReviewCtx> {
  const review = await seeReview(ctx, params);
  if (!mayOpenDocuments(review.actor)) throw AppError.forbidden();
  return review;
}
