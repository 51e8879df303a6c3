import { and, eq } from 'drizzle-orm';
import type { AuditAction } from '#domain/audit/audit.ts';
import { type MfaSessionState, secondStepAfterPassword } from '#domain/auth/mfa.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { memberships, mfaFactors, sessionMfaStates } from '../db/schema/index.ts';
import { mfaRequiredFor } from './security-policy.service.ts';

/**
 * The person's authenticator, pending or active, if they have one; locked for the rest of the
 * transaction when asked, so two requests cannot both spend the same code.
 */
export async function findMfaFactor(q: Queryable, userId: string, options: { lock?: boolean } = {}) {
  const query = q.select().from(mfaFactors).where(eq(mfaFactors.userId, userId));
  const [factor] = options.lock ? await query.for('update') : await query;
  return factor ?? null;
}

/** Whether the person has two-step verification turned on. */
export async function hasActiveMfa(q: Queryable, userId: string): Promise<boolean> {
  const factor = await findMfaFactor(q, userId);
  return factor?.status === 'active';
}

/** What a new session of the person needs before it is complete: the code, setting it up, or nothing. */
export async function secondStepFor(q: Queryable, userId: string): Promise<MfaSessionState | null> {
  return secondStepAfterPassword({
    hasMfa: await hasActiveMfa(q, userId),
    mfaRequired: await mfaRequiredFor(q, userId),
  });
}

/** Where a session stands with two-step verification (null: complete). */
export async function sessionMfaState(q: Queryable, sessionId: string): Promise<MfaSessionState | null> {
  const [row] = await q.select().from(sessionMfaStates).where(eq(sessionMfaStates.sessionId, sessionId));
  return (row?.state as MfaSessionState | undefined) ?? null;
}

/** Puts a session on hold until two-step verification is done (or set up), or lets it go on (null). */
export async function setSessionMfaState(
  q: Queryable,
  sessionId: string,
  state: MfaSessionState | null,
): Promise<void> {
  await q.delete(sessionMfaStates).where(eq(sessionMfaStates.sessionId, sessionId));
  if (state) await q.insert(sessionMfaStates).values({ sessionId, state });
}

/** Records something about a person's own account in the audit log of each partnership they belong to. */
export async function auditForPerson(
  q: Queryable,
  userId: string,
  action: AuditAction,
  at: Date,
  details: Record<string, unknown> = {},
): Promise<void> {
  const rows = await q
    .select({ partnershipId: memberships.partnershipId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)));
  for (const m of rows) {
    await recordAudit(q, {
      partnershipId: m.partnershipId,
      actorUserId: userId,
      action,
      entityType: 'user',
      entityId: userId,
      details,
      at,
    });
  }
}
