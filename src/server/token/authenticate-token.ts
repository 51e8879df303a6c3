import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { mayManageSecurity } from '#domain/auth/security-policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { type ApiTokenScope, apiTokenPattern, apiTokenStatus, scopeForRoute } from '#domain/token/token.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import type { Database } from '../db/client.ts';
import { apiTokens, memberships, users } from '../db/schema/index.ts';
import type { ApiTokenPrincipal, Principal } from '../http/context.ts';

const TOUCH_EVERY_MS = 60_000;

/** The SHA-256 of a token: all that is stored of it. */
export const apiTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The bearer token a request carries, or null when it sends none (another kind of Authorization is ignored). */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(.*)$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : null;
}

const tokenRefused = () =>
  new AppError('unauthenticated', 'The API token is not valid: it may be mistyped, expired or revoked.', {
    reason: 'api_token_invalid',
  });

/**
 * Finds the API token a request carries and acts as it: a token that is unknown, revoked or past
 * its expiry, or whose maker is no longer an admin of its partnership, is refused with 401. Notes
 * when the token was last used.
 */
export async function authenticateApiToken(token: string, database: Database, now: Date): Promise<Principal> {
  if (!apiTokenPattern.test(token)) throw tokenRefused();
  const { db } = database;
  const [row] = await db
    .select({ token: apiTokens, user: users, role: memberships.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(
      memberships,
      and(
        eq(memberships.userId, apiTokens.createdBy),
        eq(memberships.partnershipId, apiTokens.partnershipId),
        eq(memberships.active, true),
      ),
    )
    .where(eq(apiTokens.tokenHash, apiTokenHash(token)));
  if (!row || apiTokenStatus(row.token, now) !== 'active') throw tokenRefused();
  if (!row.role || !mayManageSecurity(row.role as PartnershipRole)) throw tokenRefused();
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.token.id));
  }
  return {
    userId: row.user.id,
    name: `API token “${row.token.name}”`,
    email: row.user.email,
    sessionId: `api-token:${row.token.id}`,
    csrfToken: '',
    mustChangePassword: false,
    sessionCreatedAt: row.token.createdAt,
    mfaState: null,
    apiToken: {
      id: row.token.id,
      name: row.token.name,
      partnershipId: row.token.partnershipId,
      scopes: row.token.scopes as ApiTokenScope[],
    },
  };
}

/** Refuses (403) a request an API token may not make: any write, and any route outside its scopes. */
export function checkTokenReach(route: { method: string; url: string }, token: ApiTokenPrincipal): void {
  if (route.method !== 'GET') {
    throw new AppError('forbidden', 'API tokens can only read. Sign in to make changes.', {
      reason: 'api_token_read_only',
    });
  }
  const scope = scopeForRoute(route);
  if (!scope || !token.scopes.includes(scope)) {
    throw new AppError('forbidden', 'This API token is not allowed to read this.', {
      reason: 'api_token_scope',
      ...(scope ? { scope } : {}),
    });
  }
}

/** Hides (404) everything outside the token's own partnership. */
export function checkTokenPartnership(params: unknown, token: ApiTokenPrincipal): void {
  const partnershipId = (params as { partnershipId?: unknown } | null)?.partnershipId;
  if (partnershipId !== token.partnershipId) throw AppError.notFound();
}
