import { and, count, eq, gte, lt } from 'drizzle-orm';
import { defaultThrottleLimits, signInThrottled } from '#domain/auth/session.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Queryable } from '../db/client.ts';
import { mfaAttempts } from '../db/schema/index.ts';
import type { AuthedCtx } from '../http/context.ts';

/**
 * Refusal when there have been too many wrong codes for the account or from the address lately:
 * the same limits as passwords (5 per account and 20 per address in 15 minutes).
 */
export async function mfaThrottle(ctx: AuthedCtx): Promise<AppError | null> {
  const limits = defaultThrottleLimits;
  const since = new Date(ctx.now.getTime() - limits.windowMinutes * 60_000);
  const failures = async (where: ReturnType<typeof eq>) => {
    const [row] = await ctx.tx
      .select({ n: count() })
      .from(mfaAttempts)
      .where(and(where, eq(mfaAttempts.succeeded, false), gte(mfaAttempts.attemptedAt, since)));
    return row?.n ?? 0;
  };
  const throttled = signInThrottled(
    {
      forAccount: await failures(eq(mfaAttempts.userId, ctx.principal.userId)),
      fromAddress: await failures(eq(mfaAttempts.address, ctx.address)),
    },
    limits,
  );
  if (!throttled) return null;
  return new AppError(
    'rate_limited',
    `There have been too many wrong codes ${throttled === 'account' ? 'for this account' : 'from your network'}. Wait ${limits.windowMinutes} minutes and try again.`,
    { retryAfterSeconds: limits.windowMinutes * 60 },
  );
}

/** Notes an attempt at a code, and forgets attempts older than every throttle window. */
export async function noteMfaAttempt(q: Queryable, ctx: AuthedCtx, succeeded: boolean): Promise<void> {
  await q
    .insert(mfaAttempts)
    .values({ userId: ctx.principal.userId, address: ctx.address, succeeded, attemptedAt: ctx.now });
  await q
    .delete(mfaAttempts)
    .where(lt(mfaAttempts.attemptedAt, new Date(ctx.now.getTime() - 24 * 3_600_000)));
}
