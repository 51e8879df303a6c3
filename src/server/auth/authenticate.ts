import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MfaSessionState } from '#domain/auth/mfa.ts';
import { isSessionExpired } from '#domain/auth/session.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { prebuilt } from '../db/prebuilt.ts';
import { sessionMfaStates, sessions, users } from '../db/schema/index.ts';
import type { Principal } from '../http/context.ts';

const PLAIN_COOKIE = 'sightlines_session';
const HOST_COOKIE = '__Host-sightlines_session';
const TOUCH_EVERY_MS = 60_000;

export const sessionIdFor = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

function secureCookies(request: FastifyRequest, config: Config): boolean {
  if (config.cookieSecure === 'always') return true;
  if (config.cookieSecure === 'never') return false;
  return request.protocol === 'https';
}

/** Sets the session cookie: httpOnly, SameSite=Lax, and Secure with the __Host- prefix behind HTTPS. */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  config: Config,
  token: string,
) {
  const secure = secureCookies(request, config);
  reply.setCookie(secure ? HOST_COOKIE : PLAIN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, request: FastifyRequest, config: Config) {
  const secure = secureCookies(request, config);
  reply.clearCookie(secure ? HOST_COOKIE : PLAIN_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
  });
}

function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[HOST_COOKIE] ?? request.cookies[PLAIN_COOKIE];
}

/** The session with its person and two-step verification state; built once per process. */
const findSession = prebuilt('session_lookup', (q) =>
  q
    .select({ session: sessions, user: users, mfaState: sessionMfaStates.state })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(sessionMfaStates, eq(sessionMfaStates.sessionId, sessions.id))
    .where(eq(sessions.id, sql.placeholder('id'))),
);

/** Finds the signed-in person from the session cookie, ending the session when it has timed out. */
export async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { database: Database; config: Config },
): Promise<Principal | null> {
  const token = sessionToken(request);
  if (!token || token.length > 100) return null;
  const { db } = deps.database;
  const id = sessionIdFor(token);
  const [row] = await findSession(db, { id });
  if (!row) {
    clearSessionCookie(reply, request, deps.config);
    return null;
  }
  const now = new Date();
  if (isSessionExpired(row.session, deps.config.session, now)) {
    await db.delete(sessions).where(eq(sessions.id, id));
    clearSessionCookie(reply, request, deps.config);
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    sessionId: id,
    csrfToken: row.session.csrfToken,
    mustChangePassword: row.user.mustChangePassword,
    sessionCreatedAt: row.session.createdAt,
    mfaState: (row.mfaState as MfaSessionState | null) ?? null,
    apiToken: null,
  };
}

/** Refuses a cookie-authenticated write that does not carry the session's CSRF token. */
export function checkCsrf(request: FastifyRequest, principal: Principal): void {
  const sent = request.headers['x-csrf-token'];
  const expected = Buffer.from(principal.csrfToken);
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  // A principal without a CSRF token (an API token) never writes with it, even by mistake.
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError(
      'forbidden',
      'This request is missing its security token. Reload the page and try again.',
      { reason: 'csrf_token_invalid' },
    );
  }
}
