import { z } from 'zod';
import type { MfaSessionState } from '../auth/mfa.ts';
import { id, optionalText, requiredText, timestamp, version } from '../shared/fields.ts';

/** Where the identity provider sends people back to, under Sightlines' public address. */
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';
/** Where a sign-in with an organisation account starts (a browser navigation, not a fetch). */
export const SSO_START_PATH = '/api/auth/sso/start';
/** How long a sign-in may take at the identity provider before it has to start again. */
export const SSO_STATE_MINUTES = 10;
export const MAX_ALLOWED_DOMAINS = 50;
/** Sign-ins one network address may start within SSO_STATE_MINUTES, so nobody can fill the table of pending ones. */
export const SSO_STARTS_PER_ADDRESS = 30;

/** Whether an address has started too many sign-ins that are still pending. */
export const tooManySsoStarts = (pendingFromAddress: number) => pendingFromAddress >= SSO_STARTS_PER_ADDRESS;

/**
 * Why a sign-in with an organisation account did not work, as a short code in the sign-in page's
 * address (`?sso_error=…`), and what the page tells the person.
 */
export const ssoErrors = {
  email_invalid: 'Enter an email address in the correct format, like name@example.org',
  not_available:
    'Your organisation does not sign in to Sightlines with its own accounts. Sign in with your email address and password.',
  ambiguous:
    'More than one safeguarding partnership signs in people from your email domain. Sign in with your email address and password, or ask your partnership admin.',
  cancelled: 'You did not finish signing in with your organisation account. Try again.',
  provider_error:
    'Your organisation account could not be checked. Try again, and if it keeps happening ask your partnership admin.',
  expired: 'Signing in took too long. Try again.',
  invalid_state: 'Your sign-in could not be matched to this browser. Start again from this page.',
  disabled:
    'Signing in with your organisation account has been turned off. Sign in with your email address and password.',
  email_not_verified:
    'Your organisation account does not confirm your email address, so it cannot be used to sign in. Ask your partnership admin.',
  domain_not_allowed:
    'Your organisation account’s email address is not one your partnership allows. Ask your partnership admin.',
  no_account:
    'There is no Sightlines account for your organisation account’s email address in this partnership. Ask your partnership admin to add you.',
  too_many: 'There have been too many sign-ins from your network. Wait 10 minutes and try again.',
  identity_conflict:
    'Your Sightlines account is already linked to a different organisation account. Ask your partnership admin.',
} as const;
export type SsoErrorCode = keyof typeof ssoErrors;

/** Whether a value from the address is one of the sign-in error codes. */
export function isSsoErrorCode(value: string | null | undefined): value is SsoErrorCode {
  return typeof value === 'string' && Object.hasOwn(ssoErrors, value);
}

/** The domain of an email address, lower case ("Jo@Eastmoor.GOV.uk" → "eastmoor.gov.uk"), or null. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

/** Whether a verified address may be linked under a partnership's allowed domains (none listed: any). */
export function domainAllowed(allowedDomains: readonly string[], email: string): boolean {
  if (allowedDomains.length === 0) return true;
  const domain = emailDomain(email);
  return domain !== null && allowedDomains.includes(domain);
}

/** Whether a sign-in that went to the identity provider at `createdAt` has run out of time. */
export function ssoStateExpired(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() > SSO_STATE_MINUTES * 60_000;
}

/**
 * The path inside Sightlines to go to after signing in: only a relative path is followed, never
 * another site (`//evil.example`, `/\evil.example`, `https://…`), and never back to signing in.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2000) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters or backslashes could turn a path into another address in some browsers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  if (value.startsWith('/sign-in') || value.startsWith('/api/')) return '/';
  return value;
}

/** Whether the identity provider says the person used more than one factor (`amr` holds "mfa"). */
export function providerDidMfa(amr: unknown): boolean {
  return Array.isArray(amr) && amr.includes('mfa');
}

/**
 * What a session opened by single sign-on still needs: nothing when the provider says it checked a
 * second factor; otherwise the same as after a password (the code when the person has two-step
 * verification, setting it up when their partnership requires it).
 */
export function secondStepAfterSso(person: {
  providerMfa: boolean;
  hasMfa: boolean;
  mfaRequired: boolean;
}): MfaSessionState | null {
  if (person.providerMfa) return null;
  if (person.hasMfa) return 'mfa_pending';
  if (person.mfaRequired) return 'mfa_enrolment_required';
  return null;
}

/** Whether an issuer address may be used: HTTPS, or plain HTTP only on this machine (for testing). */
export function issuerProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the issuer URL in full, like https://login.microsoftonline.com/your-tenant-id/v2.0';
  }
  if (url.search || url.hash) return 'The issuer URL must not have a query (?) or a fragment (#)';
  if (url.username || url.password) return 'The issuer URL must not contain a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return null;
  return 'The issuer URL must start with https://';
}

/** Whether a host name is this machine, where plain HTTP is allowed for testing. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

const domainPattern = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** An email domain as an admin types it: "@Eastmoor.gov.uk " → "eastmoor.gov.uk". */
export const emailDomainField = z
  .string({ error: 'Enter an email domain, like eastmoor.gov.uk' })
  .trim()
  .toLowerCase()
  .transform((s) => s.replace(/^@/, ''))
  .pipe(
    z.string().regex(domainPattern, {
      error: 'Enter an email domain, like eastmoor.gov.uk, without a name or @ in front',
    }),
  );

export const updateSsoConfigInput = z.object({
  enabled: z.boolean({ error: 'Say whether people may sign in with their organisation account' }),
  displayName: optionalText('the name of the identity provider', 100),
  issuer: z
    .string({ error: 'Enter the issuer URL' })
    .trim()
    .min(1, { error: 'Enter the issuer URL' })
    .max(500, { error: 'The issuer URL must be 500 characters or fewer' })
    .superRefine((value, ctx) => {
      const problem = issuerProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  clientId: requiredText('the client ID', 200),
  /** Write-only: leave it out (or empty) to keep the secret already stored. */
  clientSecret: z
    .string({ error: 'Enter the client secret' })
    .trim()
    .max(1000, { error: 'The client secret must be 1000 characters or fewer' })
    .optional(),
  allowedDomains: z
    .array(emailDomainField, { error: 'List the email domains, one on each line' })
    .max(MAX_ALLOWED_DOMAINS, { error: `List no more than ${MAX_ALLOWED_DOMAINS} email domains` })
    .transform((list) => [...new Set(list)]),
  version,
});
export type UpdateSsoConfigInput = z.infer<typeof updateSsoConfigInput>;

export const ssoConfigDto = z.object({
  partnershipId: id,
  /** Whether the partnership has saved a configuration at all. */
  configured: z.boolean(),
  enabled: z.boolean(),
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  /** The client secret itself is never returned. */
  clientSecretSet: z.boolean(),
  allowedDomains: z.array(z.string()),
  redirectUri: z.string().describe('The address to register at the identity provider as the redirect URI'),
  signInUrl: z
    .string()
    .describe('A link that starts signing in with this partnership’s provider, for an intranet page'),
  version: z.int(),
  updatedAt: timestamp.nullable(),
  updatedBy: z.object({ id, name: z.string() }).nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export type SsoConfigDto = z.infer<typeof ssoConfigDto>;

const queryValue = z.string().max(4000).optional();

/** Where a sign-in starts: by email address (its domain finds the partnership) or by partnership slug. */
export const startSsoQuery = z.object({
  email: queryValue,
  partnership: queryValue,
  to: queryValue,
});

/** What the identity provider sends back; checked by the handler so that every problem redirects. */
export const ssoCallbackQuery = z.looseObject({
  state: queryValue,
  code: queryValue,
  error: queryValue,
  error_description: queryValue,
  iss: queryValue,
});
