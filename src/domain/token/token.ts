import { addDays, formatISO, parseISO } from 'date-fns';
import { z } from 'zod';
import { londonDate } from '../intake/deadlines.ts';
import { id, requiredText } from '../shared/fields.ts';

/**
 * What an API token may read. Each scope opens read-only requests (GET) of one feature, and never
 * a review's evidence: conversation records, documents, the narrative and the pseudonym register
 * stay out of reach of every token.
 */
export const apiTokenScopes = {
  'actions:read':
    'Read review action plans and the partnership’s action tracker (including its Excel export)',
  'library:read': 'Read and search the learning library',
  'reviews:read': 'Read the list of reviews and each review’s outline (not its evidence)',
} as const;
export type ApiTokenScope = keyof typeof apiTokenScopes;
export const apiTokenScope = z.enum(Object.keys(apiTokenScopes) as [ApiTokenScope, ...ApiTokenScope[]], {
  error: 'Select what the token may read from the list',
});

const partnership = '^/api/partnerships/:partnershipId';
/** The route patterns (as declared, with `:params`) each scope opens, for GET requests only. */
const scopeRoutes: Record<ApiTokenScope, RegExp> = {
  'actions:read': new RegExp(`${partnership}/(reviews/:reviewId/)?actions(/|$)`),
  'library:read': new RegExp(`${partnership}/library(/|$)`),
  'reviews:read': new RegExp(`${partnership}/reviews(/:reviewId)?$`),
};

/** The scope that opens a route to tokens, or null when no token may use it (every write among them). */
export function scopeForRoute(route: { method: string; url: string }): ApiTokenScope | null {
  if (route.method !== 'GET') return null;
  const found = (Object.keys(scopeRoutes) as ApiTokenScope[]).find((s) => scopeRoutes[s].test(route.url));
  return found ?? null;
}

/** A token as given to an integration: `sl_` and 32 random bytes in base64url. */
export const apiTokenPattern = /^sl_[A-Za-z0-9_-]{43}$/;

/** The first characters of a token, stored and shown so people can tell their tokens apart. */
export function apiTokenPrefix(token: string): string {
  return token.slice(0, 10);
}

export const MAX_TOKEN_DAYS = 366;

/** What is wrong with an expiry date, if anything: it must be after today and within a year. */
export function expiryProblem(expiresOn: string, now: Date): string | null {
  const today = londonDate(now);
  if (expiresOn <= today) return 'The expiry date must be in the future';
  const latest = formatISO(addDays(parseISO(today), MAX_TOKEN_DAYS), { representation: 'date' });
  if (expiresOn > latest) return 'The expiry date must be within a year from today';
  return null;
}

export type ApiTokenStatus = 'active' | 'expired' | 'revoked';

/** Whether a token still works: it stops at once when revoked, and after the last day it was given. */
export function apiTokenStatus(
  token: { revokedAt: Date | null; expiresOn: string | null },
  now: Date,
): ApiTokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresOn !== null && londonDate(now) > token.expiresOn) return 'expired';
  return 'active';
}

export const apiTokenParams = z.object({ partnershipId: id, tokenId: id });

export const createApiTokenInput = z.object({
  name: requiredText('a name for the token', 100),
  scopes: z
    .array(apiTokenScope, { error: 'Select at least one thing the token may read' })
    .min(1, { error: 'Select at least one thing the token may read' })
    .max(Object.keys(apiTokenScopes).length)
    .transform((list) => [...new Set(list)]),
  expiresOn: z.iso
    .date({ error: 'Enter the expiry date as a real date, like 2027-06-30' })
    .nullable()
    .optional()
    .describe('The last day the token works (in London); leave empty for no expiry'),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;

export const apiTokenDto = z.object({
  id,
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to recognise it'),
  scopes: z.array(apiTokenScope),
  expiresOn: z.iso.date().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
  createdAt: z.string(),
  createdBy: z.object({ id, name: z.string() }).nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  abilities: z.object({ revoke: z.boolean() }),
});
export type ApiTokenDto = z.infer<typeof apiTokenDto>;

export const apiTokenList = z.object({
  tokens: z.array(apiTokenDto),
  scopes: z.array(z.object({ value: apiTokenScope, label: z.string() })),
  abilities: z.object({ create: z.boolean() }),
});
export type ApiTokenList = z.infer<typeof apiTokenList>;

export const createdApiTokenDto = z.object({
  token: apiTokenDto,
  secret: z
    .string()
    .describe('The token itself: shown this once and never again; send it as `Authorization: Bearer …`'),
});
export type CreatedApiTokenDto = z.infer<typeof createdApiTokenDto>;
