import { randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import {
  type DisableMfaInput,
  formatRecoveryCode,
  MFA_ISSUER,
  type MfaEnrolmentDto,
  type MfaVerificationDto,
  otpauthUrl,
  RECOVERY_CODE_COUNT,
  recoveryCodeFrom,
  totpSettings,
  type VerifyMfaInput,
} from '#domain/auth/mfa.ts';
import { type MfaResetResult, mfaResetRefusal } from '#domain/auth/mfa-reset.ts';
import type { SessionDto } from '#domain/auth/session.ts';
import { matchTotp, newTotpSecret } from '#domain/auth/totp.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction, recordAudit } from '../audit/audit.service.ts';
import { openSecret, sealSecret } from '../crypto/secret-box.ts';
import { memberships, mfaFactors, mfaRecoveryCodes, sessions, users } from '../db/schema/index.ts';
import type { AuthedCtx, MemberCtx } from '../http/context.ts';
import { mfaThrottle, noteMfaAttempt } from './mfa-attempts.ts';
import {
  auditForPerson,
  findMfaFactor,
  secondStepFor,
  sessionMfaState,
  setSessionMfaState,
} from './mfa-state.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { auditSignedIn, describeSession, renewSession } from './session.service.ts';

/** What a second-step call ends with: returned rather than thrown, so failed attempts are kept. */
export type MfaOutcome<T> = { ok: true; value: T; sessionToken?: string } | { ok: false; error: AppError };

type Factor = { code?: string | undefined; recoveryCode?: string | undefined };
type Step = 'sign_in' | 'enrolment' | 'turning_off';

const wrongCode = (factor: Factor) =>
  factor.recoveryCode !== undefined
    ? AppError.invalid([
        { path: 'recoveryCode', message: 'That recovery code is not correct or has already been used' },
      ])
    : AppError.invalid([
        {
          path: 'code',
          message: 'The code is not correct. Check the code your authenticator app shows now and try again',
        },
      ]);

/**
 * Starts setting up two-step verification: a new secret, waiting for its first code. Starting
 * again replaces a secret that was never confirmed; one already on must be turned off first.
 */
export async function enrolMfa(ctx: AuthedCtx): Promise<MfaEnrolmentDto> {
  const factor = await findMfaFactor(ctx.tx, ctx.principal.userId);
  if (factor?.status === 'active') {
    throw new AppError(
      'conflict',
      'Two-step verification is already on. Turn it off first if you want to set it up with another app.',
    );
  }
  const secret = newTotpSecret();
  const row = {
    secret: sealSecret(ctx.config, secret),
    status: 'pending',
    lastUsedStep: null,
    createdAt: ctx.now,
    confirmedAt: null,
  };
  await ctx.tx
    .insert(mfaFactors)
    .values({ userId: ctx.principal.userId, ...row })
    .onConflictDoUpdate({ target: mfaFactors.userId, set: row });
  return {
    secret,
    otpauthUrl: otpauthUrl(ctx.principal.email, secret),
    issuer: MFA_ISSUER,
    accountName: ctx.principal.email,
    digits: totpSettings.digits,
    periodSeconds: totpSettings.periodSeconds,
  };
}

/** Checks the code (or a recovery code, which is spent) against the person's authenticator. */
async function checkFactor(
  ctx: AuthedCtx,
  factor: { secret: string; lastUsedStep: number | null },
  input: Factor,
): Promise<'code' | 'recovery_code' | null> {
  if (input.code !== undefined) {
    const secret = openSecret(ctx.config, factor.secret);
    const step = matchTotp(secret, input.code, ctx.now, factor.lastUsedStep);
    if (step === null) return null;
    // A secret stored before encryption (read back as it is) is sealed now.
    const resealed = secret === factor.secret ? { secret: sealSecret(ctx.config, secret) } : {};
    await ctx.tx
      .update(mfaFactors)
      .set({ lastUsedStep: step, ...resealed })
      .where(eq(mfaFactors.userId, ctx.principal.userId));
    return 'code';
  }
  if (input.recoveryCode === undefined) return null;
  const unused = await ctx.tx
    .select()
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, ctx.principal.userId), isNull(mfaRecoveryCodes.usedAt)))
    .for('update');
  const given = input.recoveryCode;
  const matches = await Promise.all(unused.map((c) => verifyPassword(c.codeHash, given)));
  const spent = unused[matches.indexOf(true)];
  if (!spent) return null;
  await ctx.tx.update(mfaRecoveryCodes).set({ usedAt: ctx.now }).where(eq(mfaRecoveryCodes.id, spent.id));
  return 'recovery_code';
}

type Attempted = 'code' | 'recovery_code' | 'password';
const attempted = (input: Factor): Attempted => (input.recoveryCode !== undefined ? 'recovery_code' : 'code');

/** Notes a failed attempt and its audit row, and answers with the error. */
async function refuse(
  ctx: AuthedCtx,
  step: Step,
  what: Attempted,
  error: AppError,
): Promise<MfaOutcome<never>> {
  await noteMfaAttempt(ctx.tx, ctx, false);
  await auditForPerson(ctx.tx, ctx.principal.userId, 'mfa.failed', ctx.now, { step, with: what });
  return { ok: false, error };
}

/** Ten new recovery codes, replacing any the person had; only their hashes are kept. */
async function issueRecoveryCodes(ctx: AuthedCtx): Promise<string[]> {
  const pool = randomBytes(RECOVERY_CODE_COUNT * 40);
  let next = 0;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    recoveryCodeFrom(() => pool[next++] ?? randomBytes(1)[0]!),
  );
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  await ctx.tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, ctx.principal.userId));
  await ctx.tx
    .insert(mfaRecoveryCodes)
    .values(hashes.map((codeHash) => ({ userId: ctx.principal.userId, codeHash, createdAt: ctx.now })));
  return codes.map(formatRecoveryCode);
}

/** Ends the person's other sessions, as a change to how they sign in should. */
async function endOtherSessions(ctx: AuthedCtx, keep: string): Promise<void> {
  await ctx.tx.delete(sessions).where(and(eq(sessions.userId, ctx.principal.userId), ne(sessions.id, keep)));
}

/**
 * Takes the code from the authenticator app (or a recovery code at sign-in). While signing in it
 * completes the second step and renews the session; while setting up it turns two-step
 * verification on and returns ten recovery codes, shown this once. Wrong codes count towards the
 * same limits as wrong passwords.
 */
export async function verifyMfa(
  ctx: AuthedCtx,
  input: VerifyMfaInput,
): Promise<MfaOutcome<MfaVerificationDto>> {
  const throttled = await mfaThrottle(ctx);
  if (throttled) return { ok: false, error: throttled };
  const userId = ctx.principal.userId;
  const state = await sessionMfaState(ctx.tx, ctx.principal.sessionId);
  const factor = await findMfaFactor(ctx.tx, userId, { lock: true });

  if (state === 'mfa_pending') {
    if (factor?.status !== 'active') {
      throw new AppError(
        'conflict',
        'Two-step verification is no longer on for this account. Sign out and sign in again.',
      );
    }
    const used = await checkFactor(ctx, factor, input);
    if (!used) return refuse(ctx, 'sign_in', attempted(input), wrongCode(input));
    await noteMfaAttempt(ctx.tx, ctx, true);
    const renewed = await renewSession(ctx.tx, ctx.principal.sessionId, userId, ctx.now);
    if (used === 'recovery_code') {
      const left = await ctx.tx
        .select({ id: mfaRecoveryCodes.id })
        .from(mfaRecoveryCodes)
        .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
      await auditForPerson(ctx.tx, userId, 'mfa.recovery_code_used', ctx.now, {
        recoveryCodesLeft: left.length,
      });
    } else {
      await auditForPerson(ctx.tx, userId, 'mfa.verified', ctx.now);
    }
    await auditSignedIn(ctx.tx, userId, ctx.now, { secondStep: used });
    const session = await describeSession(ctx.tx, renewed.id, ctx.config.session);
    return { ok: true, value: { session, recoveryCodes: null }, sessionToken: renewed.token };
  }

  if (factor?.status !== 'pending') {
    throw new AppError(
      'conflict',
      factor?.status === 'active'
        ? 'Two-step verification is already on.'
        : 'Start setting up two-step verification before entering a code.',
    );
  }
  if (input.recoveryCode !== undefined) {
    throw AppError.invalid([
      { path: 'recoveryCode', message: 'Enter the code from your authenticator app to finish setting it up' },
    ]);
  }
  const used = await checkFactor(ctx, factor, input);
  if (!used) return refuse(ctx, 'enrolment', attempted(input), wrongCode(input));
  await noteMfaAttempt(ctx.tx, ctx, true);
  await ctx.tx
    .update(mfaFactors)
    .set({ status: 'active', confirmedAt: ctx.now })
    .where(eq(mfaFactors.userId, userId));
  const recoveryCodes = await issueRecoveryCodes(ctx);
  await auditForPerson(ctx.tx, userId, 'mfa.enrolled', ctx.now);
  // Sessions opened before, with the password alone, end; this one goes on (renewed if it was on hold).
  await endOtherSessions(ctx, ctx.principal.sessionId);
  let sessionId = ctx.principal.sessionId;
  let sessionToken: string | undefined;
  if (state === 'mfa_enrolment_required') {
    const renewed = await renewSession(ctx.tx, sessionId, userId, ctx.now);
    sessionId = renewed.id;
    sessionToken = renewed.token;
    await auditSignedIn(ctx.tx, userId, ctx.now, { secondStep: 'enrolment' });
  }
  const session = await describeSession(ctx.tx, sessionId, ctx.config.session);
  return { ok: true, value: { session, recoveryCodes }, ...(sessionToken ? { sessionToken } : {}) };
}

/**
 * Turns two-step verification off, given the current password and a code (or a recovery code).
 * The person's other sessions end; if their partnership requires it, they are asked to set it up again.
 */
export async function disableMfa(ctx: AuthedCtx, input: DisableMfaInput): Promise<MfaOutcome<SessionDto>> {
  const throttled = await mfaThrottle(ctx);
  if (throttled) return { ok: false, error: throttled };
  const userId = ctx.principal.userId;
  const factor = await findMfaFactor(ctx.tx, userId, { lock: true });
  if (factor?.status !== 'active') throw new AppError('conflict', 'Two-step verification is not on.');
  const [user] = await ctx.tx.select().from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return refuse(
      ctx,
      'turning_off',
      'password',
      AppError.invalid([{ path: 'currentPassword', message: 'Your current password is not correct' }]),
    );
  }
  const used = await checkFactor(ctx, factor, input);
  if (!used) return refuse(ctx, 'turning_off', attempted(input), wrongCode(input));
  await noteMfaAttempt(ctx.tx, ctx, true);
  await ctx.tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await ctx.tx.delete(mfaFactors).where(eq(mfaFactors.userId, userId));
  await auditForPerson(ctx.tx, userId, 'mfa.disabled', ctx.now, { with: used });
  await endOtherSessions(ctx, ctx.principal.sessionId);
  await setSessionMfaState(ctx.tx, ctx.principal.sessionId, await secondStepFor(ctx.tx, userId));
  return { ok: true, value: await describeSession(ctx.tx, ctx.principal.sessionId, ctx.config.session) };
}

/**
 * A partnership admin resets the two-step verification of someone in their partnership who has lost
 * their authenticator app and recovery codes: the secret and codes go, and every session of theirs
 * ends. Their next sign-in needs only the password, unless a partnership requires two-step
 * verification of them, in which case they set it up again straight away. Not for the admin's own
 * account (that is `disableMfa`, which asks for the password and a code).
 */
export async function resetMfa(ctx: MemberCtx, userId: string): Promise<MfaResetResult> {
  const partnershipId = ctx.membership.partnershipId;
  const [person] = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(
      and(eq(users.id, userId), eq(memberships.partnershipId, partnershipId), eq(memberships.active, true)),
    );
  if (!person) throw AppError.notFound('person');
  const factor = await findMfaFactor(ctx.tx, userId, { lock: true });
  const refusal = mfaResetRefusal({
    actorUserId: ctx.principal.userId,
    userId,
    name: person.name,
    hasFactor: factor !== null,
  });
  if (refusal?.kind === 'own_account') throw AppError.forbidden(refusal.message);
  if (refusal || !factor) throw new AppError('conflict', refusal?.message ?? 'Nothing to reset.');

  const codes = await ctx.tx
    .delete(mfaRecoveryCodes)
    .where(eq(mfaRecoveryCodes.userId, userId))
    .returning({ id: mfaRecoveryCodes.id });
  await ctx.tx.delete(mfaFactors).where(eq(mfaFactors.userId, userId));
  const ended = await ctx.tx
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  const details = {
    factorStatus: factor.status,
    recoveryCodesRemoved: codes.length,
    sessionsEnded: ended.length,
  };
  await auditAction(ctx, { action: 'mfa.reset', entityType: 'user', entityId: userId, details });
  // The person's other partnerships see it too: it changes how they sign in everywhere.
  const elsewhere = await ctx.tx
    .select({ partnershipId: memberships.partnershipId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.active, true),
        ne(memberships.partnershipId, partnershipId),
      ),
    );
  for (const m of elsewhere) {
    await recordAudit(ctx.tx, {
      partnershipId: m.partnershipId,
      actorUserId: ctx.principal.userId,
      action: 'mfa.reset',
      entityType: 'user',
      entityId: userId,
      details: { ...details, byPartnershipId: partnershipId },
      at: ctx.now,
    });
  }
  return { userId, name: person.name, sessionsEnded: ended.length };
}
