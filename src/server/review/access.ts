import { and, eq, sql } from 'drizzle-orm';
import { refusedWhenErased } from '#domain/retention/rules.ts';
import {
  canSeeReview,
  mayInReview,
  type ReviewAction,
  type ReviewActor,
  type ReviewRole,
} from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import type { Queryable } from '../db/client.ts';
import { prebuilt } from '../db/prebuilt.ts';
import { memberships, participants, reviewErasures, reviews } from '../db/schema/index.ts';
import type { Ctx, MemberCtx } from '../http/context.ts';
import { refuseIfErased } from '../retention/access.ts';

export type ReviewRow = typeof reviews.$inferSelect;

/** A request inside one review: the review row, the person's roles in it, and their participant ids. */
export type ReviewCtx = MemberCtx & {
  review: ReviewRow;
  actor: ReviewActor;
  /** The person's own participant records in this review (one per role). */
  participantIds: string[];
};

/** The person's active roles in a review. */
export async function rolesInReview(q: Queryable, reviewId: string, userId: string) {
  return q
    .select({ id: participants.id, role: participants.role })
    .from(participants)
    .where(
      and(
        eq(participants.reviewId, reviewId),
        eq(participants.userId, userId),
        eq(participants.active, true),
      ),
    );
}

/**
 * One query: the review, the person's active membership of its partnership, their active roles in
 * it and whether its personal data was erased. Either missing is the same 404. Built once per process.
 */
function reviewAccessQuery(q: Queryable) {
  const userId = sql.placeholder('userId');
  return q
    .select({
      review: reviews,
      role: memberships.role,
      agencyId: memberships.agencyId,
      mine: sql<{ id: string; role: string }[]>`coalesce((
        select json_agg(json_build_object('id', p.id, 'role', p.role) order by p.created_at)
        from ${participants} p
        where p.review_id = ${reviews.id} and p.user_id = ${userId} and p.active
      ), '[]'::json)`,
      erased: sql<boolean>`exists (select 1 from ${reviewErasures} e where e.review_id = ${reviews.id})`,
    })
    .from(reviews)
    .innerJoin(
      memberships,
      and(
        eq(memberships.partnershipId, reviews.partnershipId),
        eq(memberships.userId, userId),
        eq(memberships.active, true),
      ),
    )
    .where(
      and(
        eq(reviews.id, sql.placeholder('reviewId')),
        eq(reviews.partnershipId, sql.placeholder('partnershipId')),
      ),
    );
}

const findReviewAccess = prebuilt('review_access', reviewAccessQuery);
const findReviewAccessForUpdate = prebuilt('review_access_lock', (q) =>
  reviewAccessQuery(q).for('update', { of: reviews }),
);

/**
 * Route access for an action in a review: a review in another partnership, or one the person has
 * no part in, is not found (404); an action their roles do not allow is forbidden (403). The review
 * row is locked for writes so concurrent changes queue rather than interleave.
 */
export function reviewAccess(action: ReviewAction, options: { lock?: boolean } = {}) {
  return async (ctx: Ctx, params: { partnershipId: string; reviewId: string }): Promise<ReviewCtx> => {
    if (!ctx.principal) throw AppError.unauthenticated();
    const userId = ctx.principal.userId;
    const find = options.lock ? findReviewAccessForUpdate : findReviewAccess;
    const [row] = await find(ctx.tx, { ...params, userId });
    if (!row) throw AppError.notFound('review');
    const { review } = row;
    const mine = typeof row.mine === 'string' ? (JSON.parse(row.mine) as typeof row.mine) : row.mine;
    const membership = {
      partnershipId: review.partnershipId,
      role: row.role as PartnershipRole,
      agencyId: row.agencyId,
    };
    const actor: ReviewActor = {
      reviewRoles: mine.map((m) => m.role as ReviewRole),
      partnershipRole: membership.role,
    };
    if (!canSeeReview(actor)) throw AppError.notFound('review');
    if (!mayInReview(actor, action)) throw AppError.forbidden();
    if (row.erased && refusedWhenErased(action)) await refuseIfErased(ctx.tx, review.id);
    return {
      ...ctx,
      principal: ctx.principal,
      membership,
      review,
      actor,
      participantIds: mine.map((m) => m.id),
    };
  };
}

/** The review context a route's access step produced. */
export function reviewCtx(ctx: Ctx): ReviewCtx {
  const r = ctx as Partial<ReviewCtx>;
  if (!r.review || !r.actor || !r.membership || !r.principal)
    throw new Error('route has no review access step');
  return r as ReviewCtx;
}

/** Refuses a write based on an out-of-date version of a record, with the record as it is now. */
export function assertVersion(
  current: { version: number },
  given: number,
  what: string,
  present: () => unknown,
): void {
  if (current.version !== given) {
    throw new AppError(
      'stale_version',
      `Someone else changed the ${what} while you were working on it. Check the current details and try again.`,
      { current: present() },
    );
  }
}
