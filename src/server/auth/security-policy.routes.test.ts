import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/harness.ts';
import { codeFor, givenMfa, renewedSession, signInWithMfa } from './mfa-testing.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const policyUrl = (pid: string) => `/api/partnerships/${pid}/security-policy`;

/** A partnership with a signed-in admin, whose policy the test sets. */
async function givenPartnershipWithAdmin() {
  const pid = (await givenPartnership(t)).id;
  const admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  const require = async (requireMfaFor: string[]) => {
    const current = (await call(t, admin, 'GET', policyUrl(pid))).json();
    const res = await call(t, admin, 'PUT', policyUrl(pid), { requireMfaFor, version: current.version });
    if (res.statusCode !== 200) throw new Error(`policy not changed: ${res.body}`);
    return res.json();
  };
  return { pid, admin, require };
}

describe('the partnership security policy', () => {
  let pid: string;
  let admin: Session;

  beforeAll(async () => {
    ({ pid, admin } = await givenPartnershipWithAdmin());
  });

  it('is for the partnership’s admins only', async () => {
    const other = await givenPartnership(t);
    const outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
    const manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    const member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
    for (const method of ['GET', 'PUT'] as const) {
      const body = method === 'PUT' ? { requireMfaFor: [], version: 1 } : undefined;
      expect((await call(t, null, method, policyUrl(pid), body)).statusCode).toBe(401);
      expect((await call(t, outsider, method, policyUrl(pid), body)).statusCode).toBe(404);
      expect((await call(t, manager, method, policyUrl(pid), body)).statusCode).toBe(403);
      expect((await call(t, member, method, policyUrl(pid), body)).statusCode).toBe(403);
    }
    expect((await call(t, admin, 'GET', policyUrl('not-a-uuid'))).statusCode).toBe(404);
  });

  it('requires nobody by default', async () => {
    const res = await call(t, admin, 'GET', policyUrl(pid));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      requireMfaFor: [],
      version: 1,
      updatedAt: null,
      updatedBy: null,
      abilities: { update: true },
    });
    expect(res.json().options.map((o: { value: string }) => o.value)).toEqual([
      'partnership_admin',
      'business_manager',
      'member',
      'sensitive_review_roles',
    ]);
  });

  it('names the field of bad input', async () => {
    const bad = await call(t, admin, 'PUT', policyUrl(pid), { requireMfaFor: ['everyone'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'requireMfaFor.0',
      'version',
    ]);
    const notList = await call(t, admin, 'PUT', policyUrl(pid), { requireMfaFor: 'member', version: 1 });
    expect(notList.json().error.details.fields[0].path).toBe('requireMfaFor');
  });

  it('changes with its version, audits the change, and refuses a stale change with 409', async () => {
    const res = await call(t, admin, 'PUT', policyUrl(pid), {
      requireMfaFor: ['business_manager'],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ requireMfaFor: ['business_manager'], version: 2 });
    expect(res.json().updatedBy.id).toBe(admin.userId);
    const [row] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, 'security_policy.updated')));
    expect(row).toMatchObject({
      actorUserId: admin.userId,
      details: { requireMfaFor: ['business_manager'], previous: [] },
    });

    const stale = await call(t, admin, 'PUT', policyUrl(pid), { requireMfaFor: [], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({
      requireMfaFor: ['business_manager'],
      version: 2,
    });
    // Saving what is stored changes nothing.
    const same = await call(t, admin, 'PUT', policyUrl(pid), {
      requireMfaFor: ['business_manager'],
      version: 2,
    });
    expect(same.json().version).toBe(2);
  });
});

describe('enforcing the policy at sign-in', () => {
  it('holds someone it covers who has no two-step verification until they set it up', async () => {
    const { pid, require } = await givenPartnershipWithAdmin();
    await require(['member']);
    const user = await givenMember(t, pid, 'member');
    const s = await signInAs(t, user.email);
    const session = (await call(t, s, 'GET', '/api/session')).json();
    expect(session).toMatchObject({ mfaEnrolmentRequired: true, mfaPending: false, memberships: [] });
    const blocked = await call(t, s, 'GET', `/api/partnerships/${pid}`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.details).toEqual({ reason: 'mfa_enrolment_required' });
    const password = await call(t, s, 'POST', '/api/session/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'another-long-phrase-42',
    });
    expect(password.statusCode).toBe(403);

    const { secret } = (await call(t, s, 'POST', '/api/session/mfa/enrolment')).json();
    const res = await call(t, s, 'POST', '/api/session/mfa/verification', { code: codeFor(secret) });
    expect(res.statusCode).toBe(200);
    expect(res.json().recoveryCodes).toHaveLength(10);
    expect(res.json().session).toMatchObject({
      mfaEnrolmentRequired: false,
      memberships: [{ partnershipId: pid }],
    });
    const done = renewedSession(res, s);
    expect(done.cookie).not.toBe(s.cookie);
    expect((await call(t, done, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(200);
    const signedIn = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, 'session.signed_in')));
    expect(signedIn.map((r) => r.details)).toEqual([{ secondStep: 'enrolment' }]);

    // From now on the code is asked for at each sign-in.
    expect((await signInAs(t, user.email)).cookie).toBeTruthy();
    const next = await signInAs(t, user.email);
    expect((await call(t, next, 'GET', '/api/session')).json().mfaPending).toBe(true);
  });

  it('covers those whose part in a review lets them read case material, and not the case group', async () => {
    const { pid, require } = await givenPartnershipWithAdmin();
    await require(['sensitive_review_roles']);
    const review = await givenReview(t, pid);
    const analyst = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, 'review_team_member', analyst);
    const practitioner = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, 'case_group_member', practitioner);
    const manager = await givenMember(t, pid, 'business_manager');
    const state = async (email: string) =>
      (await call(t, await signInAs(t, email), 'GET', '/api/session')).json();
    expect((await state(analyst.email)).mfaEnrolmentRequired).toBe(true);
    expect((await state(manager.email)).mfaEnrolmentRequired).toBe(true);
    expect((await state(practitioner.email)).mfaEnrolmentRequired).toBe(false);
  });

  it('holds the open sessions of people it newly covers, the admin who changed it included', async () => {
    const { pid, admin, require } = await givenPartnershipWithAdmin();
    const member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
    const manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    await require(['member', 'partnership_admin']);
    expect((await call(t, member, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(403);
    expect((await call(t, admin, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(403);
    expect((await call(t, admin, 'GET', '/api/session')).json().mfaEnrolmentRequired).toBe(true);
    expect((await call(t, manager, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(200);
  });

  it('asks someone who already has two-step verification for the code, not to set it up', async () => {
    const { pid, require } = await givenPartnershipWithAdmin();
    const user = await givenMember(t, pid, 'member');
    const { secret } = await givenMfa(t, user.email);
    await require(['member']);
    const s = await signInAs(t, user.email);
    expect((await call(t, s, 'GET', '/api/session')).json()).toMatchObject({
      mfaPending: true,
      mfaEnrolmentRequired: false,
    });
    // Turning it off while the policy covers them holds the session until it is set up again.
    const done = await signInWithMfa(t, user.email, secret);
    const off = await call(t, done, 'DELETE', '/api/session/mfa', {
      currentPassword: TEST_PASSWORD,
      code: codeFor(secret),
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ mfaEnrolmentRequired: true, user: { mfaEnabled: false } });
    expect((await call(t, done, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(403);
  });
});
