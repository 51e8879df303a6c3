import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { emailAddress } from '#domain/shared/fields.ts';
import {
  domainAllowed,
  emailDomain,
  providerDidMfa,
  SSO_STATE_MINUTES,
  type SsoErrorCode,
  safeReturnPath,
  secondStepAfterSso,
  ssoStateExpired,
  tooManySsoStarts,
} from '#domain/sso/sso.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hasActiveMfa, setSessionMfaState } from '../auth/mfa-state.ts';
import { mfaRequiredFor } from '../auth/security-policy.service.ts';
import { auditSignedIn, startSession } from '../auth/session.service.ts';
import { openSecret } from '../crypto/secret-box.ts';
import {
  memberships,
  partnershipSsoConfigs,
  partnerships,
  ssoLoginStates,
  userIdentities,
  users,
} from '../db/schema/index.ts';
import type { Ctx } from '../http/context.ts';
import { findMembership } from '../partnership/access.ts';
import {
  authorizationRequest,
  exchangeCode,
  forgetProvider,
  type ProviderClient,
  type ProviderIdentity,
  providerFor,
} from './sso-client.ts';

type SsoConfigRow = typeof partnershipSsoConfigs.$inferSelect;

/** Where the browser goes next: the provider or a page of Sightlines, with a new session or not. */
export type SsoOutcome =
  | { ok: true; location: string; state?: string; sessionToken?: string }
  | { ok: false; code: SsoErrorCode; returnTo: string };

const clientOf = (ctx: Ctx, row: SsoConfigRow): ProviderClient => ({
  issuer: row.issuer,
  clientId: row.clientId,
  clientSecret: openSecret(ctx.config, row.clientSecret),
});

/** Records a refused single sign-on in the partnership's audit log (or the system's, before one is known). */
async function refuse(
  ctx: Ctx,
  code: SsoErrorCode,
  returnTo: string,
  where: { partnershipId: string | null; userId?: string | null; details?: Record<string, unknown> },
): Promise<SsoOutcome> {
  await recordAudit(ctx.tx, {
    partnershipId: where.partnershipId,
    actorUserId: where.userId ?? null,
    action: 'sso.sign_in_refused',
    entityType: 'session',
    details: { reason: code, ...where.details },
    at: ctx.now,
  });
  return { ok: false, code, returnTo };
}

/** The enabled configurations that list an email domain, narrowed to the person's partnerships when several do. */
async function configForEmail(ctx: Ctx, email: string): Promise<SsoConfigRow | 'ambiguous' | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const candidates = await ctx.tx
    .select()
    .from(partnershipSsoConfigs)
    .where(
      and(
        eq(partnershipSsoConfigs.enabled, true),
        sql`${partnershipSsoConfigs.allowedDomains} @> ${JSON.stringify([domain])}::jsonb`,
      ),
    );
  if (candidates.length <= 1) return candidates[0] ?? null;
  const mine = await ctx.tx
    .select({ partnershipId: memberships.partnershipId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, email), eq(memberships.active, true)));
  const narrowed = candidates.filter((c) => mine.some((m) => m.partnershipId === c.partnershipId));
  return narrowed.length === 1 ? (narrowed[0] ?? null) : 'ambiguous';
}

async function configForSlug(ctx: Ctx, slug: string): Promise<SsoConfigRow | null> {
  const [row] = await ctx.tx
    .select({ config: partnershipSsoConfigs })
    .from(partnershipSsoConfigs)
    .innerJoin(partnerships, eq(partnerships.id, partnershipSsoConfigs.partnershipId))
    .where(and(eq(partnerships.slug, slug), eq(partnershipSsoConfigs.enabled, true)));
  return row?.config ?? null;
}

/**
 * Starts signing in with an organisation account: finds the partnership's provider by the email
 * address's domain (or the partnership's slug), remembers a fresh state, nonce and PKCE verifier
 * for ten minutes, and answers with the provider's sign-in address.
 */
export async function startSsoSignIn(
  ctx: Ctx,
  input: { email?: string | undefined; partnership?: string | undefined; to?: string | undefined },
  redirectUri: string,
): Promise<SsoOutcome> {
  const returnTo = safeReturnPath(input.to);
  const since = new Date(ctx.now.getTime() - SSO_STATE_MINUTES * 60_000);
  const [pending] = await ctx.tx
    .select({ n: count() })
    .from(ssoLoginStates)
    .where(and(eq(ssoLoginStates.address, ctx.address), gte(ssoLoginStates.createdAt, since)));
  if (tooManySsoStarts(pending?.n ?? 0)) return refuse(ctx, 'too_many', returnTo, { partnershipId: null });
  let email: string | null = null;
  let row: SsoConfigRow | 'ambiguous' | null;
  if (input.partnership) {
    row = await configForSlug(ctx, input.partnership);
  } else {
    const parsed = emailAddress.safeParse(input.email ?? '');
    if (!parsed.success) return refuse(ctx, 'email_invalid', returnTo, { partnershipId: null });
    email = parsed.data;
    row = await configForEmail(ctx, email);
  }
  const asked = { domain: email ? emailDomain(email) : null, partnership: input.partnership ?? null };
  if (row === 'ambiguous') return refuse(ctx, 'ambiguous', returnTo, { partnershipId: null, details: asked });
  if (!row) return refuse(ctx, 'not_available', returnTo, { partnershipId: null, details: asked });

  const client = clientOf(ctx, row);
  let request: Awaited<ReturnType<typeof authorizationRequest>>;
  try {
    request = await authorizationRequest(await providerFor(client), redirectUri, email);
  } catch (error) {
    forgetProvider(client);
    return refuse(ctx, 'provider_error', returnTo, {
      partnershipId: row.partnershipId,
      details: { step: 'discovery', problem: problemText(error) },
    });
  }
  // Sign-ins abandoned at the provider are no longer needed.
  await ctx.tx
    .delete(ssoLoginStates)
    .where(lt(ssoLoginStates.createdAt, new Date(ctx.now.getTime() - SSO_STATE_MINUTES * 60_000)));
  await ctx.tx.insert(ssoLoginStates).values({
    state: request.state,
    partnershipId: row.partnershipId,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
    returnTo,
    address: ctx.address,
    createdAt: ctx.now,
  });
  return { ok: true, location: request.url, state: request.state };
}

const problemText = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 300);

/**
 * Finishes signing in with an organisation account when the provider sends the person back: checks
 * the state (once, within ten minutes, from the same browser), exchanges the code, validates the ID
 * token, finds the person's account (by the provider's subject once linked, or first by a verified
 * email address in an allowed domain, linking it) and opens a session as a password sign-in does.
 */
export async function completeSsoSignIn(
  ctx: Ctx,
  input: { state?: string | undefined; error?: string | undefined },
  callbackUrl: URL,
  browserState: string | undefined,
): Promise<SsoOutcome> {
  const noState = () => refuse(ctx, 'invalid_state', '/', { partnershipId: null });
  if (!input.state) return noState();
  const [pending] = await ctx.tx
    .select()
    .from(ssoLoginStates)
    .where(eq(ssoLoginStates.state, input.state))
    .for('update');
  if (!pending) return noState();
  // A state is used once, whatever happens next.
  await ctx.tx.delete(ssoLoginStates).where(eq(ssoLoginStates.state, pending.state));
  const partnershipId = pending.partnershipId;
  const returnTo = safeReturnPath(pending.returnTo);
  if (browserState !== pending.state) return refuse(ctx, 'invalid_state', returnTo, { partnershipId });
  if (ssoStateExpired(pending.createdAt, ctx.now)) return refuse(ctx, 'expired', returnTo, { partnershipId });
  const [row] = await ctx.tx
    .select()
    .from(partnershipSsoConfigs)
    .where(eq(partnershipSsoConfigs.partnershipId, partnershipId));
  if (!row?.enabled) return refuse(ctx, 'disabled', returnTo, { partnershipId });
  if (input.error) {
    const code = input.error === 'access_denied' ? 'cancelled' : 'provider_error';
    return refuse(ctx, code, returnTo, {
      partnershipId,
      details: { providerError: input.error.slice(0, 100) },
    });
  }

  const client = clientOf(ctx, row);
  let identity: ProviderIdentity;
  try {
    identity = await exchangeCode(await providerFor(client), callbackUrl, {
      state: pending.state,
      nonce: pending.nonce,
      codeVerifier: pending.codeVerifier,
    });
  } catch (error) {
    forgetProvider(client);
    return refuse(ctx, 'provider_error', returnTo, {
      partnershipId,
      details: { step: 'token', problem: problemText(error) },
    });
  }

  const found = await findAccount(ctx, row, identity);
  if (!found.ok) {
    return refuse(ctx, found.code, returnTo, {
      partnershipId,
      userId: found.userId,
      details: { issuer: row.issuer, subject: identity.subject, email: identity.email },
    });
  }
  return openSsoSession(ctx, row, identity, found, returnTo);
}

type FoundAccount =
  | { ok: true; userId: string; identityId: string; linked: boolean }
  | { ok: false; code: SsoErrorCode; userId: string | null };

/** The account an identity signs in to: linked before, or linked now by a verified email address. */
async function findAccount(ctx: Ctx, row: SsoConfigRow, identity: ProviderIdentity): Promise<FoundAccount> {
  const [known] = await ctx.tx
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, row.issuer), eq(userIdentities.subject, identity.subject)));
  if (known) {
    const member = await findMembership(ctx.tx, known.userId, row.partnershipId);
    if (!member) return { ok: false, code: 'no_account', userId: known.userId };
    return { ok: true, userId: known.userId, identityId: known.id, linked: false };
  }
  if (!identity.email || !identity.emailVerified) {
    return { ok: false, code: 'email_not_verified', userId: null };
  }
  const email = identity.email.trim().toLowerCase();
  if (!domainAllowed(row.allowedDomains, email))
    return { ok: false, code: 'domain_not_allowed', userId: null };
  const [user] = await ctx.tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user || !(await findMembership(ctx.tx, user.id, row.partnershipId))) {
    return { ok: false, code: 'no_account', userId: user?.id ?? null };
  }
  const [other] = await ctx.tx
    .select({ id: userIdentities.id })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, user.id), eq(userIdentities.issuer, row.issuer)));
  if (other) return { ok: false, code: 'identity_conflict', userId: user.id };
  const [linked] = await ctx.tx
    .insert(userIdentities)
    .values({
      userId: user.id,
      partnershipId: row.partnershipId,
      issuer: row.issuer,
      subject: identity.subject,
      createdAt: ctx.now,
    })
    .returning();
  if (!linked) throw new Error('identity not stored');
  await recordAudit(ctx.tx, {
    partnershipId: row.partnershipId,
    actorUserId: user.id,
    action: 'sso.account_linked',
    entityType: 'user',
    entityId: user.id,
    details: { issuer: row.issuer, subject: identity.subject, email },
    at: ctx.now,
  });
  return { ok: true, userId: user.id, identityId: linked.id, linked: true };
}

/**
 * Opens the session. A provider that says it checked a second factor (`amr` holds "mfa") completes
 * it; otherwise the person's own two-step verification, or their partnership's requirement, applies
 * as after a password.
 */
async function openSsoSession(
  ctx: Ctx,
  row: SsoConfigRow,
  identity: ProviderIdentity,
  account: { userId: string; identityId: string; linked: boolean },
  returnTo: string,
): Promise<SsoOutcome> {
  const { userId } = account;
  await ctx.tx
    .update(userIdentities)
    .set({ lastUsedAt: ctx.now })
    .where(eq(userIdentities.id, account.identityId));
  const providerMfa = providerDidMfa(identity.amr);
  const { token, id, mfaState: afterPassword } = await startSession(ctx.tx, userId, ctx.now);
  const mfaState = secondStepAfterSso({
    providerMfa,
    hasMfa: await hasActiveMfa(ctx.tx, userId),
    mfaRequired: await mfaRequiredFor(ctx.tx, userId),
  });
  if (mfaState !== afterPassword) await setSessionMfaState(ctx.tx, id, mfaState);
  await recordAudit(ctx.tx, {
    partnershipId: row.partnershipId,
    actorUserId: userId,
    action: 'sso.signed_in',
    entityType: 'session',
    details: { issuer: row.issuer, subject: identity.subject, providerMfa, secondStep: mfaState },
    at: ctx.now,
  });
  // With two-step verification still to do, the sign-in is recorded once it is done.
  if (!mfaState) await auditSignedIn(ctx.tx, userId, ctx.now, { method: 'single_sign_on' });
  const to = encodeURIComponent(returnTo);
  const location =
    mfaState === 'mfa_pending'
      ? `/sign-in/code?to=${to}`
      : mfaState === 'mfa_enrolment_required'
        ? `/sign-in/set-up?to=${to}`
        : returnTo;
  return { ok: true, location, sessionToken: token };
}
