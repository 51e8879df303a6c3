import { mayEditLetterTemplates } from '#domain/letter/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Ctx, MemberCtx } from '../http/context.ts';
import { findMembership } from '../partnership/access.ts';

/**
 * Route access for the partnership's letter templates: every member may read them (lead reviewers
 * are often plain members of the partnership); changing them is for partnership admins and
 * business managers (403 otherwise). Another partnership's templates are not found (404).
 */
export function letterTemplateAccess(intent: 'view' | 'edit') {
  return async (ctx: Ctx, params: { partnershipId: string }): Promise<MemberCtx> => {
    if (!ctx.principal) throw AppError.unauthenticated();
    const membership = await findMembership(ctx.tx, ctx.principal.userId, params.partnershipId);
    if (!membership) throw AppError.notFound('partnership');
    if (intent === 'edit' && !mayEditLetterTemplates(membership.role)) throw AppError.forbidden();
    return { ...ctx, principal: ctx.principal, membership };
  };
}
