import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { totpCode } from '#domain/auth/totp.ts';
import { mfaFactors } from '../db/schema/index.ts';
import { call, type Session, signInAs, type TestApp } from '../testing/harness.ts';

/** The code an authenticator app shows now (or `steps` 30-second steps away) for a secret. */
export const codeFor = (secret: string, steps = 0) => totpCode(secret, new Date(Date.now() + steps * 30_000));

/** Lets a code be used again, so one test can sign in several times within 30 seconds. */
export async function forgetUsedCodes(t: TestApp, userId: string): Promise<void> {
  await t.database.db.update(mfaFactors).set({ lastUsedStep: null }).where(eq(mfaFactors.userId, userId));
}

/** The session a response renewed (a new cookie), or the one given when it did not. */
export function renewedSession(res: LightMyRequestResponse, before: Session): Session {
  const cookie = res.cookies.find((c) => c.name.endsWith('sightlines_session'));
  const body = res.json() as { session?: { csrfToken: string } };
  return {
    cookie: cookie ? `${cookie.name}=${cookie.value}` : before.cookie,
    csrfToken: body.session?.csrfToken ?? before.csrfToken,
    userId: before.userId,
  };
}

/** Turns two-step verification on for a person through the API; returns its secret and recovery codes. */
export async function givenMfa(t: TestApp, email: string) {
  const session = await signInAs(t, email);
  const enrolment = await call(t, session, 'POST', '/api/session/mfa/enrolment');
  if (enrolment.statusCode !== 200) throw new Error(`enrolment failed: ${enrolment.body}`);
  const secret = enrolment.json().secret as string;
  const verified = await call(t, session, 'POST', '/api/session/mfa/verification', { code: codeFor(secret) });
  if (verified.statusCode !== 200) throw new Error(`verification failed: ${verified.body}`);
  await forgetUsedCodes(t, session.userId);
  return { secret, recoveryCodes: verified.json().recoveryCodes as string[], userId: session.userId };
}

/** Signs in with the password and then the code, as the web does; returns the complete session. */
export async function signInWithMfa(t: TestApp, email: string, secret: string): Promise<Session> {
  const pending = await signInAs(t, email);
  const res = await call(t, pending, 'POST', '/api/session/mfa/verification', { code: codeFor(secret) });
  if (res.statusCode !== 200) throw new Error(`second step failed: ${res.statusCode} ${res.body}`);
  await forgetUsedCodes(t, pending.userId);
  return renewedSession(res, pending);
}
