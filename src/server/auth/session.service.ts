import { and, asc, count, eq, gte, lt } from 'drizzle-orm';
import type { MfaSessionState } from '#domain/auth/mfa.ts';
import { mayManageSecurity } from '#domain/auth/security-policy.ts';
import {
  defaultThrottleLimits,
  type LoginInput,
  type SessionDto,
  sessionExpiry,
  signInThrottled,
} from '#domain/auth/session.ts';
import { partnershipAbilities } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { passwordProblem } from '#domain/user/password-policy.ts';
import { type PartnershipRole, partnershipRoles } from '#domain/user/roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { loginAttempts, memberships, partnerships, sessions, users } from '../db/schema/index.ts';
import type { AuthedCtx, Ctx, Principal } from '../http/context.ts';
import { newToken, sessionIdFor } from './authenticate.ts';
import { hasActiveMfa, secondStepFor, sessionMfaState, setSessionMfaState } from './mfa-state.ts';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.ts';

export type SignInOutcome = { ok: true; token: string; session: SessionDto } | { ok: false; error: AppError };

const wrongCredentials = () =>
  new AppError(
    'unauthenticated',
    'Enter a correct email address and password. Your account may be locked after repeated attempts.',
  );

async function recentFailures(q: Queryable, email: string, address: string, since: Date) {
  const [forAccount] = await q
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.attemptedAt, since),
      ),
    );
  const [fromAddress] = await q
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.address, address),
        eq(loginAttempts.succeeded, false),
        gte(loginAttempts.attemptedAt, since),
      ),
    );
  return { forAccount: forAccount?.n ?? 0, fromAddress: fromAddress?.n ?? 0 };
}

/** Signs a person in with email and password, throttling repeated failures per account and per address. */
export async function signIn(ctx: Ctx, input: LoginInput): Promise<SignInOutcome> {
  const limits = defaultThrottleLimits;
  const windowStart = new Date(ctx.now.getTime() - limits.windowMinutes * 60_000);
  const throttled = signInThrottled(
    await recentFailures(ctx.tx, input.email, ctx.address, windowStart),
    limits,
  );
  if (throttled) {
    return {
      ok: false,
      error: new AppError(
        'rate_limited',
        `There have been too many attempts to sign in ${throttled === 'account' ? 'to this account' : 'from your network'}. Wait ${limits.windowMinutes} minutes and try again.`,
        { retryAfterSeconds: limits.windowMinutes * 60 },
      ),
    };
  }

  const [user] = await ctx.tx.select().from(users).where(eq(users.email, input.email));
  let passwordOk = false;
  if (user?.passwordHash) passwordOk = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  const activeMemberships = user ? await listMemberships(ctx.tx, user.id) : [];
  const ok = Boolean(user && passwordOk && activeMemberships.length > 0);

  await ctx.tx
    .insert(loginAttempts)
    .values({ email: input.email, address: ctx.address, succeeded: ok, attemptedAt: ctx.now });
  // Old attempts are no longer needed once outside every throttle window.
  await ctx.tx
    .delete(loginAttempts)
    .where(lt(loginAttempts.attemptedAt, new Date(ctx.now.getTime() - 24 * 3_600_000)));

  if (!user || !ok) {
    await recordAudit(ctx.tx, {
      partnershipId: null,
      actorUserId: user?.id ?? null,
      action: 'session.sign_in_failed',
      entityType: 'session',
      details: {
        reason: !user ? 'unknown_account' : !passwordOk ? 'wrong_password' : 'no_active_membership',
      },
      at: ctx.now,
    });
    return { ok: false, error: wrongCredentials() };
  }

  const { token, id, mfaState } = await startSession(ctx.tx, user.id, ctx.now);
  // With two-step verification still to do, the sign-in is recorded once it is done.
  if (!mfaState) await auditSignedIn(ctx.tx, user.id, ctx.now);
  const session = await describeSession(ctx.tx, id, ctx.config.session);
  return { ok: true, token, session };
}

/** Records a completed sign-in in each partnership the person belongs to. */
export async function auditSignedIn(
  q: Queryable,
  userId: string,
  now: Date,
  details?: Record<string, unknown>,
): Promise<void> {
  for (const m of await listMemberships(q, userId)) {
    await recordAudit(q, {
      partnershipId: m.partnershipId,
      actorUserId: userId,
      action: 'session.signed_in',
      entityType: 'session',
      ...(details ? { details } : {}),
      at: now,
    });
  }
}

/**
 * Opens a new session for a person and notes when they signed in; the caller sets the cookie. The
 * session waits for the code when the person has two-step verification, or for them to set it up
 * when their partnership requires it.
 */
export async function startSession(q: Queryable, userId: string, now: Date) {
  const mfaState = await secondStepFor(q, userId);
  const { token, id } = await openSession(q, userId, now, mfaState);
  await q.update(users).set({ lastSignedInAt: now }).where(eq(users.id, userId));
  return { token, id, mfaState };
}

/** Inserts a session with a fresh token and CSRF token, on hold for two-step verification if asked. */
async function openSession(q: Queryable, userId: string, now: Date, mfaState: MfaSessionState | null) {
  const token = newToken();
  const id = sessionIdFor(token);
  await q.insert(sessions).values({ id, userId, csrfToken: newToken(), createdAt: now, lastSeenAt: now });
  if (mfaState) await setSessionMfaState(q, id, mfaState);
  return { token, id };
}

/**
 * Replaces a session that has just passed two-step verification with a new, complete one (new
 * token, new CSRF token), so a token seen before the second step is worth nothing after it.
 */
export async function renewSession(q: Queryable, sessionId: string, userId: string, now: Date) {
  await q.delete(sessions).where(eq(sessions.id, sessionId));
  return openSession(q, userId, now, null);
}

/** Ends a session and records the sign-out in each partnership the person belongs to. */
export async function signOut(ctx: AuthedCtx): Promise<void> {
  await ctx.tx.delete(sessions).where(eq(sessions.id, ctx.principal.sessionId));
  for (const m of await listMemberships(ctx.tx, ctx.principal.userId)) {
    await recordAudit(ctx.tx, {
      partnershipId: m.partnershipId,
      actorUserId: ctx.principal.userId,
      action: 'session.signed_out',
      entityType: 'session',
      at: ctx.now,
    });
  }
}

/** Changes the signed-in person's password; every other session of theirs is ended. */
export async function changePassword(
  ctx: AuthedCtx,
  input: { currentPassword: string; newPassword: string },
) {
  const [user] = await ctx.tx.select().from(users).where(eq(users.id, ctx.principal.userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw AppError.invalid([{ path: 'currentPassword', message: 'Your current password is not correct' }]);
  }
  const problem =
    passwordProblem(input.newPassword, { email: user.email, name: user.name }) ??
    (input.newPassword === input.currentPassword
      ? 'Your new password must be different from your current password'
      : null);
  if (problem) throw AppError.invalid([{ path: 'newPassword', message: problem }]);
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      updatedAt: ctx.now,
    })
    .where(eq(users.id, user.id));
  const others = await ctx.tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id));
  for (const s of others) {
    if (s.id !== ctx.principal.sessionId) await ctx.tx.delete(sessions).where(eq(sessions.id, s.id));
  }
  for (const m of await listMemberships(ctx.tx, user.id)) {
    await recordAudit(ctx.tx, {
      partnershipId: m.partnershipId,
      actorUserId: user.id,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: user.id,
      at: ctx.now,
    });
  }
  return describeSession(ctx.tx, ctx.principal.sessionId, ctx.config.session);
}

/** The active memberships of a person, with their partnership's name. */
export async function listMemberships(q: Queryable, userId: string) {
  return q
    .select({
      partnershipId: memberships.partnershipId,
      partnershipName: partnerships.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(partnerships.name));
}

/** What the web needs to know about the current session. */
export async function describeSession(
  q: Queryable,
  sessionId: string,
  limits: { idleMinutes: number; absoluteHours: number },
): Promise<SessionDto> {
  const [row] = await q
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId));
  if (!row) throw AppError.unauthenticated();
  const mfaState = await sessionMfaState(q, sessionId);
  // Until the second step is done, the session does not say where the person works.
  const ms = mfaState ? [] : await listMemberships(q, row.user.id);
  return {
    user: {
      id: row.user.id,
      name: row.user.name,
      email: row.user.email,
      mustChangePassword: row.user.mustChangePassword,
      mfaEnabled: await hasActiveMfa(q, row.user.id),
    },
    memberships: ms.map((m) => {
      const role = m.role as PartnershipRole;
      return {
        partnershipId: m.partnershipId,
        partnershipName: m.partnershipName,
        role,
        roleLabel: partnershipRoles[role],
        abilities: {
          ...partnershipAbilities({ userId: row.user.id, role }),
          manageSecurity: mayManageSecurity(role),
        },
      };
    }),
    mfaPending: mfaState === 'mfa_pending',
    mfaEnrolmentRequired: mfaState === 'mfa_enrolment_required',
    csrfToken: row.session.csrfToken,
    expiresAt: sessionExpiry(row.session, limits).toISOString(),
    idleTimeoutMinutes: limits.idleMinutes,
  };
}

export type { Principal };
