import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  signInAs,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/harness.ts';

let t: TestApp;
let partnershipId: string;

beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await givenPartnership(t)).id;
});
afterAll(() => t.close());

const login = (email: string, password: string, remoteAddress = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/session', payload: { email, password }, remoteAddress });

describe('POST /api/session (login)', () => {
  it('signs in with the right password, sets an httpOnly session cookie and audits it', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    const res = await login(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sightlines_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({
      user: { email: user.email },
      memberships: [{ partnershipId, role: 'member' }],
    });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'session.signed_in')));
    expect(audit).toHaveLength(1);
  });

  it('stores only a hash of the session token', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    const res = await login(user.email, TEST_PASSWORD);
    const token = res.cookies.find((c) => c.name === 'sightlines_session')!.value;
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong password and an unknown account alike with 401, and audits the refusal', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    const wrong = await login(user.email, 'not-the-right-password', '10.0.0.2');
    const unknown = await login('nobody@example.org', 'not-the-right-password', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.cookies).toHaveLength(0);
    const failures = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'session.sign_in_failed'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(failures)).not.toContain('not-the-right-password');
  });

  it('answers 400 naming each invalid field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'not an email' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses a body that is not JSON with 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a&password=b',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('throttles repeated failures for one account with 429 and a clear message, even with the right password', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    for (let i = 0; i < 5; i++) {
      expect((await login(user.email, 'wrong-password-again', `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const res = await login(user.email, TEST_PASSWORD, '10.1.0.99');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('900');
    expect(res.json().error.message).toMatch(/too many attempts.*this account.*15 minutes/i);
  });

  it('throttles repeated failures from one address across accounts', async () => {
    for (let i = 0; i < 20; i++) {
      await login(`someone${i}@example.org`, 'wrong-password-again', '10.9.9.9');
    }
    const user = await givenMember(t, partnershipId, 'member');
    const res = await login(user.email, TEST_PASSWORD, '10.9.9.9');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.message).toMatch(/from your network/);
    expect((await login(user.email, TEST_PASSWORD, '10.9.9.10')).statusCode).toBe(200);
  });

  it('marks the cookie Secure with the __Host- prefix when served over HTTPS', async () => {
    const secure = await createTestApp({ cookieSecure: 'always' });
    try {
      const p = await givenPartnership(secure);
      const user = await givenMember(secure, p.id, 'member');
      const res = await secure.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      expect(res.cookies[0]).toMatchObject({
        name: '__Host-sightlines_session',
        secure: true,
        httpOnly: true,
      });
    } finally {
      await secure.close();
    }
  });
});

describe('GET /api/session (getSession)', () => {
  it('answers 401 without a session', async () => {
    const res = await call(t, null, 'GET', '/api/session');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('answers the session with its CSRF token', async () => {
    const user = await givenMember(t, partnershipId, 'business_manager');
    const s = await signInAs(t, user.email);
    const res = await call(t, s, 'GET', '/api/session');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      csrfToken: s.csrfToken,
      memberships: [{ abilities: { manageAgencies: true, manageUsers: false } }],
    });
  });

  it('ends a session after the idle timeout', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    const s = await signInAs(t, user.email);
    const longAgo = new Date(Date.now() - 31 * 60_000);
    await t.database.db.update(sessions).set({ lastSeenAt: longAgo }).where(eq(sessions.userId, user.id));
    const res = await call(t, s, 'GET', '/api/session');
    expect(res.statusCode).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
  });

  it('ends a session after the absolute timeout however active', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    const s = await signInAs(t, user.email);
    await t.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 13 * 3_600_000), lastSeenAt: new Date() })
      .where(eq(sessions.userId, user.id));
    expect((await call(t, s, 'GET', '/api/session')).statusCode).toBe(401);
  });
});

describe('DELETE /api/session (logout)', () => {
  it('answers 401 without a session', async () => {
    expect((await call(t, null, 'DELETE', '/api/session')).statusCode).toBe(401);
  });

  it('refuses a sign-out without the CSRF token with 403', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    const s = await signInAs(t, user.email);
    const res = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.details.reason).toBe('csrf_token_invalid');
  });

  it('signs out: the session no longer works and the sign-out is audited', async () => {
    const user = await givenMember(t, partnershipId, 'member');
    const s = await signInAs(t, user.email);
    const res = await call(t, s, 'DELETE', '/api/session');
    expect(res.statusCode).toBe(204);
    expect((await call(t, s, 'GET', '/api/session')).statusCode).toBe(401);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'session.signed_out')));
    expect(audit).toHaveLength(1);
  });
});

describe('POST /api/session/password (changePassword)', () => {
  it('answers 401 without a session', async () => {
    const res = await call(t, null, 'POST', '/api/session/password', {
      currentPassword: 'x',
      newPassword: 'y',
    });
    expect(res.statusCode).toBe(401);
  });

  it('keeps a person with a temporary password out of everything else until they change it', async () => {
    const user = await givenMember(t, partnershipId, 'partnership_admin', { mustChangePassword: true });
    const s = await signInAs(t, user.email);
    const blocked = await call(t, s, 'GET', `/api/partnerships/${partnershipId}/agencies`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.details.reason).toBe('password_change_required');

    const weak = await call(t, s, 'POST', '/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields).toEqual([
      { path: 'newPassword', message: expect.stringMatching(/too common/) },
    ]);

    const wrongCurrent = await call(t, s, 'POST', '/api/session/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'violet-harbour-tram-88',
    });
    expect(wrongCurrent.json().error.details.fields[0].path).toBe('currentPassword');

    const ok = await call(t, s, 'POST', '/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'violet-harbour-tram-88',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.mustChangePassword).toBe(false);
    expect((await call(t, s, 'GET', `/api/partnerships/${partnershipId}/agencies`)).statusCode).toBe(200);
    expect((await signInAs(t, user.email, 'violet-harbour-tram-88')).userId).toBe(user.id);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'user.password_changed')));
    expect(audit).toHaveLength(1);
  });
});
