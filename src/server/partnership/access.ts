import { and, eq } from 'drizzle-orm';
import { mayInPartnership, type PartnershipAction } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import type { Queryable } from '../db/client.ts';
import { memberships } from '../db/schema/index.ts';
import type { Ctx, MemberCtx, Membership } from '../http/context.ts';

/** The person's active membership of a partnership, or nothing when they are not a member. */
export async function findMembership(
  q: Queryable,
  userId: string,
  partnershipId: string,
): Promise<Membership | null> {
  const [m] = await q
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.active, true),
      ),
    );
  return m ? { partnershipId: m.partnershipId, role: m.role as PartnershipRole, agencyId: m.agencyId } : null;
}

/**
 * Route access for a partnership-level action: a partnership the person does not belong to is not
 * found (404), and an action their role does not allow is forbidden (403).
 */
export function partnershipAccess(action: PartnershipAction) {
  return async (ctx: Ctx, params: { partnershipId: string }): Promise<MemberCtx> => {
    if (!ctx.principal) throw AppError.unauthenticated();
    const membership = await findMembership(ctx.tx, ctx.principal.userId, params.partnershipId);
    if (!membership) throw AppError.notFound('partnership');
    if (!mayInPartnership({ userId: ctx.principal.userId, role: membership.role }, action))
      throw AppError.forbidden();
    return { ...ctx, principal: ctx.principal, membership };
  };
}

/** The member context a partnership route's access step produced. */
export function memberCtx(ctx: Ctx): MemberCtx {
  const m = ctx as Partial<MemberCtx>;
  if (!m.principal || !m.membership) throw new Error('route has no partnership access step');
  return m as MemberCtx;
}
