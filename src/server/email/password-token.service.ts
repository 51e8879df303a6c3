import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, gte, isNull, lt } from 'drizzle-orm';
import {
  maskEmail,
  type PasswordTokenDto,
  type PasswordTokenPurpose,
  passwordResetReply,
  passwordTokenLifetimeMs,
  passwordTokenPurposes,
  type ResetPasswordInput,
  resetThrottled,
  resetThrottleLimits,
} from '#domain/email/email.ts';
import { invitationEmail, passwordResetEmail } from '#domain/email/messages.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { passwordProblem } from '#domain/user/password-policy.ts';
import { auditAction, recordAudit } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/password.ts';
import { listMemberships } from '../auth/session.service.ts';
import type { Queryable } from '../db/client.ts';
import { partnerships, passwordResetRequests, passwordTokens, sessions, users } from '../db/schema/index.ts';
import type { Ctx, MemberCtx } from '../http/context.ts';
import { linkBase, queueEmail } from './outbox.ts';

/** Only the SHA-256 of a link token is stored. */
export const passwordTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The page a password link opens; the token travels after `#`, so it never reaches a server log. */
export const setPasswordLink = (base: string, token: string) => `${base}/set-password#${token}`;

/**
 * Makes a new single-use link for a person to set their password; every earlier link of theirs
 * that is still unused stops working.
 */
export async function issuePasswordToken(
  q: Queryable,
  userId: string,
  purpose: PasswordTokenPurpose,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  await q
    .update(passwordTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordTokens.userId, userId), isNull(passwordTokens.usedAt)));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + passwordTokenLifetimeMs[purpose]);
  await q
    .insert(passwordTokens)
    .values({ userId, purpose, tokenHash: passwordTokenHash(token), expiresAt, createdAt: now });
  return { token, expiresAt };
}

/**
 * Emails a new account's holder a link to choose their password (valid 7 days), and records that
 * the invitation was sent.
 */
export async function sendAccountInvitation(
  ctx: MemberCtx,
  user: { id: string; name: string; email: string },
) {
  const partnershipId = ctx.membership.partnershipId;
  const [partnership] = await ctx.tx
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId));
  const { token, expiresAt } = await issuePasswordToken(ctx.tx, user.id, 'invitation', ctx.now);
  const message = invitationEmail({
    name: user.name,
    partnershipName: partnership?.name ?? 'Your safeguarding partnership',
    link: setPasswordLink(linkBase(ctx.config), token),
    expiresAt,
  });
  await queueEmail(ctx.tx, ctx.config, { kind: 'invitation', to: user.email, partnershipId, ...message });
  await auditAction(ctx, { action: 'user.invitation_sent', entityType: 'user', entityId: user.id });
}

async function recentRequests(q: Queryable, address: string, userId: string | null, since: Date) {
  const [fromAddress] = await q
    .select({ n: count() })
    .from(passwordResetRequests)
    .where(and(eq(passwordResetRequests.address, address), gte(passwordResetRequests.requestedAt, since)));
  const [forAccount] = userId
    ? await q
        .select({ n: count() })
        .from(passwordResetRequests)
        .where(and(eq(passwordResetRequests.userId, userId), gte(passwordResetRequests.requestedAt, since)))
    : [{ n: 0 }];
  return { fromAddress: fromAddress?.n ?? 0, forAccount: forAccount?.n ?? 0 };
}

export type ResetRequestOutcome = { ok: true; message: string } | { ok: false; error: AppError };

/**
 * Asks for a password reset link. The reply is the same whether or not an account has the address;
 * only an account with a password and an active membership is sent a link (valid 1 hour). Requests
 * are throttled per network address (refused) and per account (no more email, same reply).
 */
export async function requestPasswordReset(
  ctx: Ctx,
  email: string,
  requestOrigin: string | null,
): Promise<ResetRequestOutcome> {
  const limits = resetThrottleLimits;
  const since = new Date(ctx.now.getTime() - limits.windowMinutes * 60_000);
  const [user] = await ctx.tx.select().from(users).where(eq(users.email, email));
  const active = user ? await listMemberships(ctx.tx, user.id) : [];
  const account = user?.passwordHash && active.length > 0 ? user : null;
  const throttled = resetThrottled(
    await recentRequests(ctx.tx, ctx.address, account?.id ?? null, since),
    limits,
  );
  if (throttled === 'address') {
    return {
      ok: false,
      error: new AppError(
        'rate_limited',
        `There have been too many requests from your network. Wait ${limits.windowMinutes} minutes and try again.`,
        { retryAfterSeconds: limits.windowMinutes * 60 },
      ),
    };
  }
  await ctx.tx
    .insert(passwordResetRequests)
    .values({ address: ctx.address, userId: account?.id ?? null, requestedAt: ctx.now });
  await ctx.tx
    .delete(passwordResetRequests)
    .where(lt(passwordResetRequests.requestedAt, new Date(ctx.now.getTime() - 24 * 3_600_000)));
  if (account && !throttled) {
    const { token } = await issuePasswordToken(ctx.tx, account.id, 'password_reset', ctx.now);
    const message = passwordResetEmail({
      name: account.name,
      link: setPasswordLink(linkBase(ctx.config, requestOrigin), token),
    });
    await queueEmail(ctx.tx, ctx.config, { kind: 'password_reset', to: account.email, ...message });
    for (const m of active) {
      await recordAudit(ctx.tx, {
        partnershipId: m.partnershipId,
        actorUserId: account.id,
        action: 'user.password_reset_requested',
        entityType: 'user',
        entityId: account.id,
        at: ctx.now,
      });
    }
  }
  return { ok: true, message: passwordResetReply };
}

const invalidLink = () =>
  new AppError(
    'not_found',
    'This link is not valid. It may have been used already or have expired. Ask for a new one.',
  );

async function findUsableToken(ctx: Ctx, token: string, lock: boolean) {
  const query = ctx.tx
    .select({ token: passwordTokens, user: users })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, passwordTokenHash(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, ctx.now),
      ),
    )
    .$dynamic();
  const [row] = lock ? await query.for('update', { of: passwordTokens }) : await query;
  return row ?? null;
}

/** Whether a password link still works, what it is for, and whose account it is (the address mostly hidden). */
export async function lookupPasswordToken(ctx: Ctx, token: string): Promise<PasswordTokenDto> {
  const row = await findUsableToken(ctx, token, false);
  if (!row) throw invalidLink();
  const purpose = row.token.purpose as PasswordTokenPurpose;
  return {
    purpose,
    purposeLabel: passwordTokenPurposes[purpose],
    emailHint: maskEmail(row.user.email),
    expiresAt: row.token.expiresAt.toISOString(),
  };
}

/**
 * Sets a person's password from an emailed link, under the same rules as changing it: the link is
 * used up, any temporary password is replaced, and every session of theirs is ended.
 */
export async function resetPassword(ctx: Ctx, input: ResetPasswordInput): Promise<void> {
  const row = await findUsableToken(ctx, input.token, true);
  if (!row) throw invalidLink();
  const { user } = row;
  const problem = passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (problem) throw AppError.invalid([{ path: 'newPassword', message: problem }]);
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      updatedAt: ctx.now,
    })
    .where(eq(users.id, user.id));
  await ctx.tx
    .update(passwordTokens)
    .set({ usedAt: ctx.now })
    .where(and(eq(passwordTokens.userId, user.id), isNull(passwordTokens.usedAt)));
  await ctx.tx.delete(sessions).where(eq(sessions.userId, user.id));
  const memberships = await listMemberships(ctx.tx, user.id);
  const entry = {
    actorUserId: user.id,
    action: 'user.password_reset' as const,
    entityType: 'user',
    entityId: user.id,
    details: { purpose: row.token.purpose },
    at: ctx.now,
  };
  if (memberships.length === 0) await recordAudit(ctx.tx, { ...entry, partnershipId: null });
  for (const m of memberships) await recordAudit(ctx.tx, { ...entry, partnershipId: m.partnershipId });
}
