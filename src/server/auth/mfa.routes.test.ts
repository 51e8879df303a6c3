import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, mfaAttempts, mfaFactors, mfaRecoveryCodes, users } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/harness.ts';
import { codeFor, forgetUsedCodes, givenMfa, renewedSession, signInWithMfa } from './mfa-testing.ts';

let t: TestApp;
let pid: string;

const enrolUrl = '/api/session/mfa/enrolment';
const verifyUrl = '/api/session/mfa/verification';
const mfaUrl = '/api/session/mfa';

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
});
afterAll(() => t.close());

const auditRows = (userId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, action)));

const newMember = () => givenMember(t, pid, 'member');

describe('setting up two-step verification', () => {
  it('needs a session', async () => {
    expect((await call(t, null, 'POST', enrolUrl)).statusCode).toBe(401);
    expect((await call(t, null, 'POST', verifyUrl, { code: '123456' })).statusCode).toBe(401);
    expect(
      (await call(t, null, 'DELETE', mfaUrl, { currentPassword: TEST_PASSWORD, code: '1' })).statusCode,
    ).toBe(401);
  });

  it('refuses a write without the CSRF token', async () => {
    const s = await signInAs(t, (await newMember()).email);
    const res = await call(t, { ...s, csrfToken: 'wrong' }, 'POST', enrolUrl);
    expect(res.statusCode).toBe(403);
  });

  it('gives a secret as text and as an otpauth link, replaced when started again', async () => {
    const user = await newMember();
    const s = await signInAs(t, user.email);
    const first = await call(t, s, 'POST', enrolUrl);
    expect(first.statusCode).toBe(200);
    const body = first.json();
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body).toMatchObject({
      issuer: 'Sightlines',
      accountName: user.email,
      digits: 6,
      periodSeconds: 30,
    });
    expect(body.otpauthUrl).toBe(
      `otpauth://totp/Sightlines:${encodeURIComponent(user.email)}?secret=${body.secret}&issuer=Sightlines&algorithm=SHA1&digits=6&period=30`,
    );
    const again = (await call(t, s, 'POST', enrolUrl)).json();
    expect(again.secret).not.toBe(body.secret);
    // Not on until a code confirms it.
    expect((await call(t, s, 'GET', '/api/session')).json().user.mfaEnabled).toBe(false);
    // The first secret no longer works.
    const stale = await call(t, s, 'POST', verifyUrl, { code: codeFor(body.secret) });
    expect(stale.statusCode).toBe(400);
  });

  it('names the field of bad input', async () => {
    const s = await signInAs(t, (await newMember()).email);
    await call(t, s, 'POST', enrolUrl);
    const cases: [unknown, string][] = [
      [{}, 'code'],
      [{ code: 'abcdef' }, 'code'],
      [{ code: '12345' }, 'code'],
      [{ code: 123456 }, 'code'],
      [{ recoveryCode: 'not a code!' }, 'recoveryCode'],
      [{ code: '123456', recoveryCode: 'abcde-fghjk' }, 'recoveryCode'],
    ];
    for (const [body, field] of cases) {
      const res = await call(t, s, 'POST', verifyUrl, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    const recovery = await call(t, s, 'POST', verifyUrl, { recoveryCode: 'abcde-fghjk' });
    expect(recovery.statusCode).toBe(400);
    expect(recovery.json().error.details.fields[0].path).toBe('recoveryCode');
  });

  it('refuses a wrong code with 400 on `code`, keeping the attempt and its audit row', async () => {
    const user = await newMember();
    const s = await signInAs(t, user.email);
    const { secret } = (await call(t, s, 'POST', enrolUrl)).json();
    const wrong = codeFor(secret) === '000000' ? '111111' : '000000';
    const res = await call(t, s, 'POST', verifyUrl, { code: wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([{ path: 'code', message: expect.any(String) }]);
    expect(await auditRows(user.id, 'mfa.failed')).toMatchObject([
      { details: { step: 'enrolment', with: 'code' }, partnershipId: pid },
    ]);
    const attempts = await t.database.db.select().from(mfaAttempts).where(eq(mfaAttempts.userId, user.id));
    expect(attempts).toMatchObject([{ succeeded: false }]);
  });

  it('turns on with the first right code, returns ten recovery codes once and ends other sessions', async () => {
    const user = await newMember();
    const other = await signInAs(t, user.email);
    const s = await signInAs(t, user.email);
    const { secret } = (await call(t, s, 'POST', enrolUrl)).json();
    const res = await call(t, s, 'POST', verifyUrl, { code: codeFor(secret) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.recoveryCodes).toHaveLength(10);
    for (const code of body.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    expect(body.session).toMatchObject({ user: { mfaEnabled: true }, mfaPending: false });
    expect((await auditRows(user.id, 'mfa.enrolled')).length).toBe(1);

    const stored = await t.database.db
      .select()
      .from(mfaRecoveryCodes)
      .where(eq(mfaRecoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    for (const row of stored) expect(row.codeHash).toMatch(/^\$argon2id\$/);
    const [factor] = await t.database.db.select().from(mfaFactors).where(eq(mfaFactors.userId, user.id));
    expect(factor).toMatchObject({ status: 'active' });

    // This session goes on; the one opened with the password alone has ended.
    expect((await call(t, s, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(200);
    expect((await call(t, other, 'GET', '/api/session')).statusCode).toBe(401);
    // The secret is never given again, and there is nothing more to verify.
    expect(JSON.stringify((await call(t, s, 'GET', '/api/session')).json())).not.toContain(secret);
    expect((await call(t, s, 'POST', enrolUrl)).statusCode).toBe(409);
    expect((await call(t, s, 'POST', verifyUrl, { code: codeFor(secret, 1) })).statusCode).toBe(409);
  });

  it('answers 409 when nothing is being set up', async () => {
    const s = await signInAs(t, (await newMember()).email);
    expect((await call(t, s, 'POST', verifyUrl, { code: '123456' })).statusCode).toBe(409);
  });
});

describe('signing in with two-step verification', () => {
  let user: { id: string; email: string };
  let secret: string;
  let recoveryCodes: string[];

  beforeAll(async () => {
    user = await newMember();
    ({ secret, recoveryCodes } = await givenMfa(t, user.email));
  });

  it('gives only a pending session after the password: nothing else answers but the second step', async () => {
    const pending = await signInAs(t, user.email);
    const session = await call(t, pending, 'GET', '/api/session');
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ mfaPending: true, mfaEnrolmentRequired: false, memberships: [] });
    for (const [method, url, body] of [
      ['GET', `/api/partnerships/${pid}`, undefined],
      ['GET', `/api/partnerships/${pid}/agencies`, undefined],
      [
        'POST',
        '/api/session/password',
        { currentPassword: TEST_PASSWORD, newPassword: 'another-long-phrase-42' },
      ],
      ['POST', enrolUrl, undefined],
      ['DELETE', mfaUrl, { currentPassword: TEST_PASSWORD, code: codeFor(secret) }],
    ] as const) {
      const res = await call(t, pending, method, url, body);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.details).toEqual({ reason: 'mfa_required' });
    }
    // No sign-in is recorded until the second step is done (the one row is from before it was on).
    expect(await auditRows(user.id, 'session.signed_in')).toMatchObject([{ details: {} }]);
    expect((await call(t, pending, 'DELETE', '/api/session')).statusCode).toBe(204);
  });

  it('completes with the right code, renewing the session and auditing it', async () => {
    const pending = await signInAs(t, user.email);
    const wrong = await call(t, pending, 'POST', verifyUrl, {
      code: codeFor(secret) === '999999' ? '888888' : '999999',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await auditRows(user.id, 'mfa.failed')).at(-1)).toMatchObject({ details: { step: 'sign_in' } });

    const res = await call(t, pending, 'POST', verifyUrl, { code: codeFor(secret) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.recoveryCodes).toBeNull();
    expect(body.session).toMatchObject({ mfaPending: false, memberships: [{ partnershipId: pid }] });
    const done = renewedSession(res, pending);
    expect(done.cookie).not.toBe(pending.cookie);
    expect(done.csrfToken).not.toBe(pending.csrfToken);
    expect((await call(t, done, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(200);
    // The cookie from before the second step is worth nothing now.
    expect((await call(t, pending, 'GET', '/api/session')).statusCode).toBe(401);
    expect((await auditRows(user.id, 'mfa.verified')).length).toBe(1);
    expect((await auditRows(user.id, 'session.signed_in')).map((r) => r.details)).toEqual([
      {},
      { secondStep: 'code' },
    ]);

    // A code is accepted once: the same one cannot sign in again.
    const again = await signInAs(t, user.email);
    const replay = await call(t, again, 'POST', verifyUrl, { code: codeFor(secret) });
    expect(replay.statusCode).toBe(400);
    await forgetUsedCodes(t, user.id);
  });

  it('takes a recovery code in place of a code, once', async () => {
    const code = recoveryCodes[0]!;
    const first = await signInAs(t, user.email);
    // Case, spaces and hyphens do not matter.
    const typed = code.toUpperCase().replace('-', ' ');
    const res = await call(t, first, 'POST', verifyUrl, { recoveryCode: typed });
    expect(res.statusCode).toBe(200);
    expect(res.json().session.mfaPending).toBe(false);
    expect((await auditRows(user.id, 'mfa.recovery_code_used')).at(-1)).toMatchObject({
      details: { recoveryCodesLeft: 9 },
    });

    const second = await signInAs(t, user.email);
    const reused = await call(t, second, 'POST', verifyUrl, { recoveryCode: code });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.details.fields[0].path).toBe('recoveryCode');
    const other = await call(t, second, 'POST', verifyUrl, { recoveryCode: recoveryCodes[1] });
    expect(other.statusCode).toBe(200);
  });

  it('refuses further codes with 429 after five wrong ones, even the right code', async () => {
    const person = await newMember();
    const { secret: own } = await givenMfa(t, person.email);
    const remoteAddress = '10.9.8.7';
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: person.email, password: TEST_PASSWORD },
      remoteAddress,
    });
    const pending: Session = {
      cookie: `sightlines_session=${login.cookies.find((c) => c.name === 'sightlines_session')!.value}`,
      csrfToken: login.json().csrfToken,
      userId: person.id,
    };
    const verify = (code: string) =>
      t.app.inject({
        method: 'POST',
        url: verifyUrl,
        headers: { cookie: pending.cookie, 'x-csrf-token': pending.csrfToken },
        payload: { code },
        remoteAddress,
      });
    const wrong = codeFor(own) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify(wrong)).statusCode).toBe(400);
    const limited = await verify(codeFor(own));
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('900');
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await auditRows(person.id, 'mfa.failed')).length).toBe(5);
  });
});

describe('turning off two-step verification', () => {
  it('needs the password and a code, then ends other sessions', async () => {
    const user = await newMember();
    const { secret } = await givenMfa(t, user.email);
    const s = await signInWithMfa(t, user.email, secret);
    const other = await signInWithMfa(t, user.email, secret);

    const missing = await call(t, s, 'DELETE', mfaUrl, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['currentPassword', 'code']),
    );
    const badPassword = await call(t, s, 'DELETE', mfaUrl, {
      currentPassword: 'not-the-password-at-all',
      code: codeFor(secret),
    });
    expect(badPassword.statusCode).toBe(400);
    expect(badPassword.json().error.details.fields[0].path).toBe('currentPassword');
    const badCode = await call(t, s, 'DELETE', mfaUrl, {
      currentPassword: TEST_PASSWORD,
      code: codeFor(secret) === '000000' ? '111111' : '000000',
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details.fields[0].path).toBe('code');

    const res = await call(t, s, 'DELETE', mfaUrl, { currentPassword: TEST_PASSWORD, code: codeFor(secret) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { mfaEnabled: false }, mfaEnrolmentRequired: false });
    expect(await auditRows(user.id, 'mfa.disabled')).toMatchObject([{ details: { with: 'code' } }]);
    expect((await call(t, other, 'GET', '/api/session')).statusCode).toBe(401);
    expect(
      await t.database.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id)),
    ).toEqual([]);
    // The next sign-in needs the password only.
    expect((await signInAs(t, user.email)).cookie).toBeTruthy();
    const fresh = await signInAs(t, user.email);
    expect((await call(t, fresh, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(200);
    expect(
      (await call(t, s, 'DELETE', mfaUrl, { currentPassword: TEST_PASSWORD, code: '123456' })).statusCode,
    ).toBe(409);
  });
});

describe('the authenticator secret at rest', () => {
  const storedSecret = async (userId: string) =>
    (await t.database.db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId)))[0]?.secret;

  it('is stored encrypted, never as the secret itself, and still checks codes', async () => {
    const user = await newMember();
    const s = await signInAs(t, user.email);
    const { secret } = (await call(t, s, 'POST', enrolUrl)).json();
    const pending = await storedSecret(user.id);
    expect(pending).toMatch(/^enc:v1:/);
    expect(pending).not.toContain(secret);
    expect((await call(t, s, 'POST', verifyUrl, { code: codeFor(secret) })).statusCode).toBe(200);
    expect(await storedSecret(user.id)).toBe(pending);
    await forgetUsedCodes(t, user.id);
    expect((await signInWithMfa(t, user.email, secret)).cookie).toBeTruthy();
  });

  it('reads a secret stored before encryption, and seals it at the next accepted code', async () => {
    const { secret, userId } = await givenMfa(t, (await newMember()).email);
    const [user] = await t.database.db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId));
    expect(user?.secret).toMatch(/^enc:v1:/);
    // As a row written before secrets were encrypted.
    await t.database.db.update(mfaFactors).set({ secret }).where(eq(mfaFactors.userId, userId));
    const email = (await t.database.db.select().from(users).where(eq(users.id, userId)))[0]!.email;
    const pending = await signInAs(t, email);
    const wrong = codeFor(secret) === '000000' ? '111111' : '000000';
    expect((await call(t, pending, 'POST', verifyUrl, { code: wrong })).statusCode).toBe(400);
    expect(await storedSecret(userId)).toBe(secret);
    expect((await call(t, pending, 'POST', verifyUrl, { code: codeFor(secret) })).statusCode).toBe(200);
    const sealed = await storedSecret(userId);
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain(secret);
  });
});
