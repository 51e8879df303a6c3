import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  type MfaRequirement,
  mayManageSecurity,
  mfaRequiredBy,
  mfaRequirements,
  type SecurityPolicyDto,
  sensitiveReviewRoles,
  type UpdateSecurityPolicyInput,
} from '#domain/auth/security-policy.ts';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import {
  memberships,
  mfaFactors,
  participants,
  partnershipSecurityPolicies,
  sessionMfaStates,
  sessions,
  users,
} from '../db/schema/index.ts';
import type { Ctx, MemberCtx } from '../http/context.ts';
import { assertSettingsVersion } from '../http/versions.ts';
import { partnershipAccess } from '../partnership/access.ts';

/**
 * Route access for a partnership's security settings: a partnership the person does not belong to
 * is not found (404); anyone but its admins is forbidden (403).
 */
export async function securityAccess(ctx: Ctx, params: { partnershipId: string }): Promise<MemberCtx> {
  const member = await partnershipAccess('viewPartnership')(ctx, params);
  if (!mayManageSecurity(member.membership.role)) throw AppError.forbidden();
  return member;
}

async function findPolicyRow(q: Queryable, partnershipId: string) {
  const [row] = await q
    .select({ policy: partnershipSecurityPolicies, updatedByName: users.name })
    .from(partnershipSecurityPolicies)
    .leftJoin(users, eq(users.id, partnershipSecurityPolicies.updatedBy))
    .where(eq(partnershipSecurityPolicies.partnershipId, partnershipId));
  return row ?? null;
}

/** The partnership's security policy; a partnership that never set one requires nobody (version 1). */
export async function getSecurityPolicy(ctx: MemberCtx): Promise<SecurityPolicyDto> {
  const row = await findPolicyRow(ctx.tx, ctx.membership.partnershipId);
  return {
    requireMfaFor: (row?.policy.requireMfaFor ?? []) as MfaRequirement[],
    version: row?.policy.version ?? 1,
    updatedAt: row ? row.policy.updatedAt.toISOString() : null,
    updatedBy:
      row?.policy.updatedBy && row.updatedByName
        ? { id: row.policy.updatedBy, name: row.updatedByName }
        : null,
    options: (Object.keys(mfaRequirements) as MfaRequirement[]).map((value) => ({
      value,
      label: mfaRequirements[value],
    })),
    sensitiveReviewRoles: sensitiveReviewRoles.map((role) => ({ role, label: reviewRoles[role] })),
    abilities: { update: mayManageSecurity(ctx.membership.role) },
  };
}

/**
 * Changes who must use two-step verification in the partnership. Based on a version: a stale
 * change is refused with the policy as it is now. Anyone now required who has not set it up is
 * asked to at once, in every session they have open.
 */
export async function updateSecurityPolicy(
  ctx: MemberCtx,
  input: UpdateSecurityPolicyInput,
): Promise<SecurityPolicyDto> {
  const partnershipId = ctx.membership.partnershipId;
  const [locked] = await ctx.tx
    .select()
    .from(partnershipSecurityPolicies)
    .where(eq(partnershipSecurityPolicies.partnershipId, partnershipId))
    .for('update');
  const currentVersion = await assertSettingsVersion(
    input.version,
    locked,
    'Someone else changed the security policy while you were working on it. Check the current policy and try again.',
    () => getSecurityPolicy(ctx),
  );
  const previous = (locked?.requireMfaFor ?? []) as MfaRequirement[];
  const next = input.requireMfaFor;
  const unchanged = previous.length === next.length && next.every((r) => previous.includes(r));
  if (unchanged) return getSecurityPolicy(ctx);
  const values = {
    requireMfaFor: next,
    version: currentVersion + 1,
    updatedAt: ctx.now,
    updatedBy: ctx.principal.userId,
  };
  if (locked) {
    await ctx.tx
      .update(partnershipSecurityPolicies)
      .set(values)
      .where(eq(partnershipSecurityPolicies.partnershipId, partnershipId));
  } else {
    await ctx.tx.insert(partnershipSecurityPolicies).values({ partnershipId, ...values });
  }
  const asked = await askForEnrolmentNow(ctx.tx, partnershipId);
  await auditAction(ctx, {
    action: 'security_policy.updated',
    entityType: 'security_policy',
    entityId: partnershipId,
    details: { requireMfaFor: next, previous, sessionsAskedToEnrol: asked },
  });
  return getSecurityPolicy(ctx);
}

/** Whether any partnership the person belongs to requires two-step verification of them. */
export async function mfaRequiredFor(q: Queryable, userId: string): Promise<boolean> {
  const rows = await q
    .select({
      partnershipId: memberships.partnershipId,
      role: memberships.role,
      requireMfaFor: partnershipSecurityPolicies.requireMfaFor,
    })
    .from(memberships)
    .innerJoin(
      partnershipSecurityPolicies,
      eq(partnershipSecurityPolicies.partnershipId, memberships.partnershipId),
    )
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)));
  for (const row of rows) {
    const requireMfaFor = row.requireMfaFor as MfaRequirement[];
    if (requireMfaFor.length === 0) continue;
    const roles = requireMfaFor.includes('sensitive_review_roles')
      ? await q
          .select({ role: participants.role })
          .from(participants)
          .where(
            and(
              eq(participants.userId, userId),
              eq(participants.partnershipId, row.partnershipId),
              eq(participants.active, true),
            ),
          )
      : [];
    const person = {
      partnershipRole: row.role as PartnershipRole,
      reviewRoles: roles.map((r) => r.role as ReviewRole),
    };
    if (mfaRequiredBy(requireMfaFor, person)) return true;
  }
  return false;
}

/** Puts every open, complete session of the partnership's people who now need two-step verification and lack it on hold. */
async function askForEnrolmentNow(q: Queryable, partnershipId: string): Promise<number> {
  const people = await q
    .selectDistinct({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(sessions, eq(sessions.userId, memberships.userId))
    .leftJoin(mfaFactors, and(eq(mfaFactors.userId, memberships.userId), eq(mfaFactors.status, 'active')))
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.active, true),
        isNull(mfaFactors.userId),
      ),
    );
  const needing: string[] = [];
  for (const p of people) if (await mfaRequiredFor(q, p.userId)) needing.push(p.userId);
  if (needing.length === 0) return 0;
  const open = await q
    .select({ id: sessions.id })
    .from(sessions)
    .leftJoin(sessionMfaStates, eq(sessionMfaStates.sessionId, sessions.id))
    .where(and(inArray(sessions.userId, needing), isNull(sessionMfaStates.sessionId)));
  if (open.length === 0) return 0;
  await q
    .insert(sessionMfaStates)
    .values(open.map((s) => ({ sessionId: s.id, state: 'mfa_enrolment_required' })))
    .onConflictDoNothing();
  return open.length;
}
