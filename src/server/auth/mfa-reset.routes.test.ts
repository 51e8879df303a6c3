import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, mfaFactors, mfaRecoveryCodes } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { codeFor, givenMfa, signInWithMfa } from './mfa-testing.ts';

let t: TestApp;
let pid: string;
let otherPid: string;
let admin: Session;
let adminId: string;

const resetUrl = (userId: string, partnershipId = pid) =>
  `/api/partnerships/${partnershipId}/users/${userId}/mfa-reset`;
const factorOf = async (userId: string) =>
  (await t.database.db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId)))[0] ?? null;
const resets = (partnershipId: string, userId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.partnershipId, partnershipId),
        eq(auditEvents.action, 'mfa.reset'),
        eq(auditEvents.entityId, userId),
      ),
    );

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  otherPid = (await givenPartnership(t)).id;
  const adminUser = await givenMember(t, pid, 'partnership_admin');
  adminId = adminUser.id;
  admin = await signInAs(t, adminUser.email);
});
afterAll(() => t.close());

describe('resetMfa: who may reset someone’s two-step verification', () => {
  it('refuses anonymous requests, outsiders (404), members and business managers (403)', async () => {
    const person = await givenMember(t, pid, 'member');
    await givenMfa(t, person.email);
    const outsider = await signInAs(t, (await givenMember(t, otherPid, 'partnership_admin')).email);
    const member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
    const manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    expect((await call(t, null, 'POST', resetUrl(person.id))).statusCode).toBe(401);
    expect((await call(t, { ...admin, csrfToken: 'wrong' }, 'POST', resetUrl(person.id))).statusCode).toBe(
      403,
    );
    expect((await call(t, outsider, 'POST', resetUrl(person.id))).statusCode).toBe(404);
    expect((await call(t, member, 'POST', resetUrl(person.id))).statusCode).toBe(403);
    expect((await call(t, manager, 'POST', resetUrl(person.id))).statusCode).toBe(403);
    expect(await factorOf(person.id)).toMatchObject({ status: 'active' });
  });

  it('does not find people outside the partnership, or no longer active in it', async () => {
    const elsewhere = await givenMember(t, otherPid, 'member');
    await givenMfa(t, elsewhere.email);
    expect((await call(t, admin, 'POST', resetUrl(elsewhere.id))).statusCode).toBe(404);
    const gone = await givenMember(t, pid, 'member');
    await givenMfa(t, gone.email);
    await t.database.db.update(memberships).set({ active: false }).where(eq(memberships.userId, gone.id));
    expect((await call(t, admin, 'POST', resetUrl(gone.id))).statusCode).toBe(404);
    expect((await call(t, admin, 'POST', resetUrl('not-an-id'))).statusCode).toBe(404);
    expect(await factorOf(elsewhere.id)).not.toBeNull();
    expect(await factorOf(gone.id)).not.toBeNull();
  });

  it('refuses the admin’s own account (403), pointing to turning it off instead', async () => {
    const own = await givenMember(t, pid, 'partnership_admin');
    const { secret } = await givenMfa(t, own.email);
    const session = await signInWithMfa(t, own.email, secret);
    const res = await call(t, session, 'POST', resetUrl(own.id));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('Turn it off from your account page');
    expect(await factorOf(own.id)).toMatchObject({ status: 'active' });
    expect((await call(t, admin, 'POST', resetUrl(adminId))).statusCode).toBe(403);
  });

  it('answers 409 for someone who has not set it up', async () => {
    const person = await givenMember(t, pid, 'member', { name: 'Nia Nobody' });
    const res = await call(t, admin, 'POST', resetUrl(person.id));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      'Nia Nobody has not set up two-step verification, so there is nothing to reset.',
    );
    expect(await resets(pid, person.id)).toEqual([]);
  });
});

describe('resetMfa: what a reset does', () => {
  it('removes the secret and recovery codes, ends every session, and audits it in each partnership', async () => {
    const person = await givenMember(t, pid, 'member', { name: 'Sam Lost-Phone' });
    await t.database.db
      .insert(memberships)
      .values({ partnershipId: otherPid, userId: person.id, role: 'member' });
    const { secret } = await givenMfa(t, person.email);
    const first = await signInWithMfa(t, person.email, secret);
    const pending = await signInAs(t, person.email);

    const res = await call(t, admin, 'POST', resetUrl(person.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ userId: person.id, name: 'Sam Lost-Phone', sessionsEnded: 3 });
    expect(await factorOf(person.id)).toBeNull();
    expect(
      await t.database.db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, person.id)),
    ).toEqual([]);
    expect((await call(t, first, 'GET', '/api/session')).statusCode).toBe(401);
    expect(
      (await call(t, pending, 'POST', '/api/session/mfa/verification', { code: codeFor(secret) })).statusCode,
    ).toBe(401);

    const here = await resets(pid, person.id);
    expect(here).toMatchObject([
      {
        actorUserId: adminId,
        entityType: 'user',
        details: { factorStatus: 'active', recoveryCodesRemoved: 10, sessionsEnded: 3 },
      },
    ]);
    expect(await resets(otherPid, person.id)).toMatchObject([
      { actorUserId: adminId, details: { byPartnershipId: pid, sessionsEnded: 3 } },
    ]);

    // The password alone signs in now; two-step verification can be set up again.
    const again = await signInAs(t, person.email);
    const session = (await call(t, again, 'GET', '/api/session')).json();
    expect(session).toMatchObject({ mfaPending: false, user: { mfaEnabled: false } });
    expect((await call(t, again, 'POST', '/api/session/mfa/enrolment')).statusCode).toBe(200);
    // A second reset now finds a pending secret to remove, and does so.
    expect((await call(t, admin, 'POST', resetUrl(person.id))).statusCode).toBe(200);
    expect(await factorOf(person.id)).toBeNull();
  });

  it('makes a person the partnership requires it of set it up again at their next sign-in', async () => {
    const person = await givenMember(t, pid, 'member');
    await givenMfa(t, person.email);
    const policyUrl = `/api/partnerships/${pid}/security-policy`;
    const current = (await call(t, admin, 'GET', policyUrl)).json();
    const policy = await call(t, admin, 'PUT', policyUrl, {
      requireMfaFor: ['member'],
      version: current.version,
    });
    expect(policy.statusCode).toBe(200);
    try {
      expect((await call(t, admin, 'POST', resetUrl(person.id))).statusCode).toBe(200);
      const next = await signInAs(t, person.email);
      expect((await call(t, next, 'GET', '/api/session')).json()).toMatchObject({
        mfaEnrolmentRequired: true,
      });
      expect((await call(t, next, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(403);
    } finally {
      await call(t, admin, 'PUT', policyUrl, { requireMfaFor: [], version: policy.json().version });
    }
  });
});
