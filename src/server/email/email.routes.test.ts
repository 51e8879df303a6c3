import { and, count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSecret } from '../crypto/secret-box.ts';
import { auditEvents, emailOutbox, passwordTokens, users } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  givenReview,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { createMailTransport, type MailTransport, sendPendingEmail } from './sender.ts';
import { linkToken, type SmtpCapture, startSmtpCapture } from './smtp-testing.ts';

const NEW_PASSWORD = 'quartz-heron-meadow-82';
const publicUrl = 'https://sightlines.example.org';

let t: TestApp;
let smtp: SmtpCapture;
let transport: MailTransport;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl });
  transport = createMailTransport(t.config)!;
});
afterAll(async () => {
  transport?.close();
  await t?.close();
  await smtp?.close();
});

/** Sends what is in the outbox now and returns the messages that arrived. */
async function deliver() {
  const before = smtp.messages.length;
  const result = await sendPendingEmail(t.database.db, t.config, transport);
  await smtp.waitFor(before + result.sent);
  return smtp.messages.slice(before);
}

const requestReset = (email: string, remoteAddress = '203.0.113.1') =>
  t.app.inject({ method: 'POST', url: '/api/password-reset', payload: { email }, remoteAddress });

const outboxCount = async (to: string) =>
  (await t.database.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.toAddress, to)))[0]!.n;

const auditCount = async (action: string, entityId: string) =>
  (
    await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
  )[0]!.n;

describe('password reset by email', () => {
  it('emails a link that sets a new password once, ends the person’s sessions and is audited', async () => {
    const p = await givenPartnership(t);
    const person = await givenMember(t, p.id, 'member', { name: 'Riya Patel' });
    const before = await signInAs(t, person.email);

    const res = await requestReset(person.email.toUpperCase());
    expect(res.statusCode).toBe(202);
    const [email, ...more] = await deliver();
    expect(more).toEqual([]);
    expect(email!.to).toEqual([person.email]);
    expect(email!.subject).toBe('Reset your Sightlines password');
    expect(email!.text).toContain('Dear Riya Patel');
    expect(email!.text).toContain(`${publicUrl}/set-password#`);
    const token = linkToken(email!.text, 'set-password#');

    // The sent email's body is not kept: the outbox never holds a usable link.
    const [row] = await t.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, person.email));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, textBody: '' });

    const lookup = await call(t, null, 'POST', '/api/password-tokens/lookup', { token });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toMatchObject({
      purpose: 'password_reset',
      emailHint: expect.stringContaining('•••'),
    });
    expect(lookup.body).not.toContain(person.email);

    const weak = await call(t, null, 'POST', '/api/password-tokens/redeem', {
      token,
      newPassword: 'password1234',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0].path).toBe('newPassword');

    const done = await call(t, null, 'POST', '/api/password-tokens/redeem', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(done.statusCode).toBe(204);
    expect((await call(t, before, 'GET', '/api/session')).statusCode).toBe(401);
    await signInAs(t, person.email, NEW_PASSWORD);

    const again = await call(t, null, 'POST', '/api/password-tokens/redeem', {
      token,
      newPassword: `${NEW_PASSWORD}x`,
    });
    expect(again.statusCode).toBe(404);
    expect((await call(t, null, 'POST', '/api/password-tokens/lookup', { token })).statusCode).toBe(404);
    expect(await auditCount('user.password_reset_requested', person.id)).toBe(1);
    expect(await auditCount('user.password_reset', person.id)).toBe(1);
  });

  it('gives an unknown address the same reply and sends nothing', async () => {
    const p = await givenPartnership(t);
    const person = await givenMember(t, p.id, 'member');
    const known = await requestReset(person.email, '203.0.113.2');
    const unknown = await requestReset('nobody.here@example.org', '203.0.113.2');
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await outboxCount('nobody.here@example.org')).toBe(0);
    const delivered = await deliver();
    expect(delivered.map((m) => m.to[0])).toEqual([person.email]);
  });

  it('a newer link replaces an older one, and an expired link does not work', async () => {
    const p = await givenPartnership(t);
    const person = await givenMember(t, p.id, 'member');
    await requestReset(person.email, '203.0.113.3');
    await requestReset(person.email, '203.0.113.3');
    const [first, second] = await deliver();
    const old = linkToken(first!.text, 'set-password#');
    const latest = linkToken(second!.text, 'set-password#');
    expect((await call(t, null, 'POST', '/api/password-tokens/lookup', { token: old })).statusCode).toBe(404);
    expect((await call(t, null, 'POST', '/api/password-tokens/lookup', { token: latest })).statusCode).toBe(
      200,
    );
    await t.database.db
      .update(passwordTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordTokens.userId, person.id));
    const expired = await call(t, null, 'POST', '/api/password-tokens/redeem', {
      token: latest,
      newPassword: NEW_PASSWORD,
    });
    expect(expired.statusCode).toBe(404);
  });

  it('throttles per account (quietly) and per network address (429)', async () => {
    const p = await givenPartnership(t);
    const person = await givenMember(t, p.id, 'member');
    for (let i = 0; i < 4; i++)
      expect((await requestReset(person.email, '198.51.100.7')).statusCode).toBe(202);
    expect(await outboxCount(person.email)).toBe(3);
    for (let i = 4; i < 10; i++) await requestReset(`someone${i}@example.org`, '198.51.100.7');
    const refused = await requestReset('someone@example.org', '198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('3600');
    expect((await requestReset('someone@example.org', '198.51.100.8')).statusCode).toBe(202);
    await deliver();
  });

  it('sends nothing to someone with no active membership', async () => {
    const [orphan] = await t.database.db
      .insert(users)
      .values({ email: 'left.long.ago@example.org', name: 'Left', passwordHash: 'x' })
      .returning();
    expect((await requestReset(orphan!.email, '203.0.113.4')).statusCode).toBe(202);
    expect(await outboxCount(orphan!.email)).toBe(0);
  });

  it('answers bad input with 400 and field errors', async () => {
    const bad = await requestReset('not an email');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('email');
    const short = await call(t, null, 'POST', '/api/password-tokens/lookup', { token: 'abc' });
    expect(short.statusCode).toBe(400);
    const noPassword = await call(t, null, 'POST', '/api/password-tokens/redeem', { token: 'a'.repeat(43) });
    expect(noPassword.statusCode).toBe(400);
    const unknown = await call(t, null, 'POST', '/api/password-tokens/redeem', {
      token: 'a'.repeat(43),
      newPassword: NEW_PASSWORD,
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('any input', () => {
  it('gets a clear answer, never a 500, from every password endpoint', async () => {
    const body = fc.oneof(
      fc.anything(),
      fc.record({ email: fc.oneof(fc.string(), fc.emailAddress(), fc.integer()) }),
      fc.record({
        token: fc.oneof(fc.string(), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/)),
        newPassword: fc.oneof(fc.string(), fc.constant(NEW_PASSWORD)),
      }),
    );
    const urls = ['/api/password-reset', '/api/password-tokens/lookup', '/api/password-tokens/redeem'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), body, async (url, payload) => {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload ?? null),
          remoteAddress: '192.0.2.77',
        });
        expect([202, 400, 404, 429]).toContain(res.statusCode);
        expect(res.json()).toBeTypeOf('object');
      }),
      { numRuns: 60 },
    );
    await deliver();
  });
});

describe('invitations by email', () => {
  it('emails a new account a link to choose a password, good for 7 days', async () => {
    const p = await givenPartnership(t, 'Northshire Safeguarding Partnership');
    const admin = await givenMember(t, p.id, 'partnership_admin');
    const session = await signInAs(t, admin.email);
    const res = await call(t, session, 'POST', `/api/partnerships/${p.id}/users`, {
      name: 'Sam Okafor',
      email: 'sam.okafor@example.org',
      role: 'member',
      initialPassword: 'temporary-lantern-otter-1',
    });
    expect(res.statusCode).toBe(201);
    const [email] = await deliver();
    expect(email!.to).toEqual(['sam.okafor@example.org']);
    expect(email!.subject).toBe('Set up your Sightlines account');
    expect(email!.text).toContain(
      'Northshire Safeguarding Partnership has set up a Sightlines account for you',
    );
    const token = linkToken(email!.text, 'set-password#');
    const lookup = await call(t, null, 'POST', '/api/password-tokens/lookup', { token });
    expect(lookup.json().purpose).toBe('invitation');
    const days = (Date.parse(lookup.json().expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const set = await call(t, null, 'POST', '/api/password-tokens/redeem', {
      token,
      newPassword: NEW_PASSWORD,
    });
    expect(set.statusCode).toBe(204);
    const signedIn = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'sam.okafor@example.org', password: NEW_PASSWORD },
    });
    expect(signedIn.json().user.mustChangePassword).toBe(false);
    const newUserId = res.json().user.id as string;
    expect(await auditCount('user.invitation_sent', newUserId)).toBe(1);
  });

  it('sends no invitation when the person already has an account', async () => {
    const p = await givenPartnership(t);
    const q = await givenPartnership(t);
    const admin = await givenMember(t, p.id, 'partnership_admin');
    const elsewhere = await givenMember(t, q.id, 'member');
    const session = await signInAs(t, admin.email);
    const res = await call(t, session, 'POST', `/api/partnerships/${p.id}/users`, {
      name: elsewhere.name,
      email: elsewhere.email,
      role: 'member',
      initialPassword: 'temporary-lantern-otter-1',
    });
    expect(res.statusCode).toBe(201);
    expect(await outboxCount(elsewhere.email)).toBe(0);
  });

  it('emails someone new invited to a review their invitation link, without the review’s name', async () => {
    const p = await givenPartnership(t, 'Eastvale Partnership');
    const review = await givenReview(t, p.id, { title: 'Child Q' });
    const { session } = await signedInWithRole(t, review, 'business_manager');
    const res = await call(
      t,
      session,
      'POST',
      `/api/partnerships/${p.id}/reviews/${review.id}/participants`,
      {
        role: 'case_group_member',
        name: 'Dee Walker',
        email: 'dee.walker@example.org',
      },
    );
    expect(res.statusCode).toBe(201);
    const [email] = await deliver();
    expect(email!.to).toEqual(['dee.walker@example.org']);
    expect(email!.text).toContain('Eastvale Partnership has invited you');
    expect(email!.text).not.toContain('Child Q');
    const token = linkToken(email!.text, 'invitations/');
    expect(res.json().invitationUrl).toBe(`/invitations/${token}`);

    const reissued = await call(
      t,
      session,
      'POST',
      `/api/partnerships/${p.id}/reviews/${review.id}/participants/${res.json().participant.id}/invitation`,
    );
    expect(reissued.statusCode).toBe(200);
    const [again] = await deliver();
    expect(again!.text).toContain(reissued.json().invitationUrl);
  });

  it('keeps the body of email waiting to be sent encrypted', async () => {
    const p = await givenPartnership(t);
    const person = await givenMember(t, p.id, 'member');
    await requestReset(person.email, '203.0.113.9');
    const [row] = await t.database.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, person.email));
    expect(row!.textBody.startsWith('enc:v1:')).toBe(true);
    expect(openSecret(t.config, row!.textBody)).toContain('/set-password#');
    await deliver();
  });
});
