import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_STARTS_PER_ADDRESS } from '#domain/sso/sso.ts';
import { auditEvents, mfaFactors, ssoLoginStates, userIdentities } from '../db/schema/index.ts';
import { createTestApp, givenMember, givenPartnership, type TestApp } from '../testing/harness.ts';
import {
  completeJourney,
  givenSsoConfig,
  ssoJourney,
  startTestProvider,
  type TestProvider,
} from './testing.ts';

const PUBLIC_URL = 'https://sightlines.test';
let t: TestApp;
let idp: TestProvider;
let eastmoor: { id: string; slug: string };
let westfield: { id: string; slug: string };
let sub = 0;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  idp = await startTestProvider(`${PUBLIC_URL}/api/auth/sso/callback`, { clients: 2 });
  eastmoor = await givenPartnership(t, 'Eastmoor Safeguarding Children Partnership');
  westfield = await givenPartnership(t, 'Westfield Safeguarding Children Partnership');
  await givenSsoConfig(t, eastmoor.id, idp, { client: 0, allowedDomains: ['eastmoor.gov.uk', 'nhs.test'] });
  await givenSsoConfig(t, westfield.id, idp, { client: 1, allowedDomains: ['westfield.gov.uk', 'nhs.test'] });
});
afterAll(async () => {
  await idp.close();
  await t.close();
});

/** A person with an account at the provider, and (unless told otherwise) a Sightlines account in Eastmoor. */
async function givenPerson(
  options: { domain?: string; verified?: boolean; partnershipId?: string | null; email?: string } = {},
) {
  sub += 1;
  const email = options.email ?? `person${sub}@${options.domain ?? 'eastmoor.gov.uk'}`;
  const subject = `subject-${sub}`;
  idp.account(subject, { email, email_verified: options.verified ?? true, name: `Person ${sub}` });
  const partnershipId = options.partnershipId === undefined ? eastmoor.id : options.partnershipId;
  const user = partnershipId ? await givenMember(t, partnershipId, 'member', { email }) : null;
  return { email, subject, user };
}

const auditFor = async (action: string, partnershipId: string | null = null) =>
  (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action))).filter(
    (e) => partnershipId === null || e.partnershipId === partnershipId,
  );

const sessionFor = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });

describe('signing in with an organisation account', () => {
  it('goes to the provider with state, nonce and PKCE (S256), and back into a working session', async () => {
    const person = await givenPerson();
    idp.nextLogin(person.subject);
    const journey = await ssoJourney(t, { email: person.email.toUpperCase(), to: '/partnerships' });
    expect(journey.start.status).toBe(302);
    const auth = new URL(journey.start.location);
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get('client_id')).toBe(idp.clients[0]?.clientId);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    expect(auth.searchParams.get('state')).toBe(journey.stateCookie);
    expect(auth.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/auth/sso/callback`);
    expect(journey.callback?.status).toBe(302);
    expect(journey.callback?.location).toBe('/partnerships');
    const session = await sessionFor(journey.callback?.sessionCookie ?? '');
    expect(session.statusCode).toBe(200);
    expect(session.json().user.email).toBe(person.email);
    expect(session.json().memberships.map((m: { partnershipId: string }) => m.partnershipId)).toEqual([
      eastmoor.id,
    ]);

    const [identity] = await t.database.db
      .select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, person.user!.id));
    expect(identity).toMatchObject({
      issuer: idp.issuer,
      subject: person.subject,
      partnershipId: eastmoor.id,
    });
    expect(identity?.lastUsedAt).not.toBeNull();
    const linked = (await auditFor('sso.account_linked', eastmoor.id)).filter(
      (e) => e.actorUserId === person.user!.id,
    );
    expect(linked).toHaveLength(1);
    const signedIn = (await auditFor('sso.signed_in', eastmoor.id)).filter(
      (e) => e.actorUserId === person.user!.id,
    );
    expect(signedIn[0]?.details).toMatchObject({ issuer: idp.issuer, providerMfa: false, secondStep: null });
    const sessionRows = (await auditFor('session.signed_in', eastmoor.id)).filter(
      (e) => e.actorUserId === person.user!.id,
    );
    expect(sessionRows[0]?.details).toMatchObject({ method: 'single_sign_on' });
    // The state is used once.
    expect(
      await t.database.db.select().from(ssoLoginStates).where(eq(ssoLoginStates.state, journey.stateCookie!)),
    ).toEqual([]);
  });

  it('finds a linked account by issuer and subject afterwards, even when the provider’s email changes', async () => {
    const person = await givenPerson();
    idp.nextLogin(person.subject);
    expect((await ssoJourney(t, { email: person.email })).callback?.sessionCookie).toBeTruthy();
    idp.account(person.subject, { email: 'renamed@eastmoor.gov.uk', email_verified: false });
    idp.nextLogin(person.subject);
    const again = await ssoJourney(t, { partnership: eastmoor.slug });
    const session = await sessionFor(again.callback?.sessionCookie ?? '');
    expect(session.json().user.email).toBe(person.email);
    const linked = (await auditFor('sso.account_linked')).filter((e) => e.actorUserId === person.user!.id);
    expect(linked).toHaveLength(1);
  });

  it('accepts Microsoft Entra ID’s verified-domain claim (xms_edov) in place of email_verified', async () => {
    sub += 1;
    const email = `entra${sub}@eastmoor.gov.uk`;
    const subject = `subject-${sub}`;
    idp.account(subject, { email, xms_edov: true, name: `Entra person ${sub}` });
    await givenMember(t, eastmoor.id, 'member', { email });
    idp.nextLogin(subject);
    const journey = await ssoJourney(t, { email });
    expect(journey.callback?.location).not.toContain('sso_error');
    const session = await sessionFor(journey.callback?.sessionCookie ?? '');
    expect(session.json().user.email).toBe(email);
  });

  it('limits how many sign-ins one network address may start, so the pending ones cannot pile up', async () => {
    const startFrom = (remoteAddress: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/auth/sso/start?partnership=${eastmoor.slug}`,
        remoteAddress,
      });
    for (let i = 0; i < SSO_STARTS_PER_ADDRESS; i++) {
      expect((await startFrom('192.0.2.77')).headers.location).toMatch(/^http/);
    }
    const refused = await startFrom('192.0.2.77');
    expect(refused.statusCode).toBe(302);
    expect(refused.headers.location).toBe('/sign-in?sso_error=too_many');
    // Another address is not held back.
    expect((await startFrom('192.0.2.78')).headers.location).toMatch(/^http/);
    const audits = (await auditFor('sso.sign_in_refused')).filter((e) => e.details.reason === 'too_many');
    expect(audits.length).toBeGreaterThan(0);
  });

  it('refuses an email address the provider has not verified, and audits it', async () => {
    const person = await givenPerson({ verified: false });
    idp.nextLogin(person.subject);
    const journey = await ssoJourney(t, { email: person.email });
    expect(journey.callback).toMatchObject({
      status: 302,
      location: '/sign-in?sso_error=email_not_verified',
      sessionCookie: null,
    });
    const refused = (await auditFor('sso.sign_in_refused', eastmoor.id)).filter(
      (e) => e.details.subject === person.subject,
    );
    expect(refused[0]?.details).toMatchObject({ reason: 'email_not_verified' });
    expect(
      await t.database.db.select().from(userIdentities).where(eq(userIdentities.subject, person.subject)),
    ).toEqual([]);
  });

  it('creates no account for an email address Sightlines does not know', async () => {
    const person = await givenPerson({ partnershipId: null });
    idp.nextLogin(person.subject);
    const journey = await ssoJourney(t, { email: person.email, to: '/account' });
    expect(journey.callback?.location).toBe(
      `/sign-in?sso_error=no_account&to=${encodeURIComponent('/account')}`,
    );
    expect(journey.callback?.sessionCookie).toBeNull();
    const refused = (await auditFor('sso.sign_in_refused', eastmoor.id)).filter(
      (e) => e.details.subject === person.subject,
    );
    expect(refused[0]?.details).toMatchObject({ reason: 'no_account', email: person.email });
  });

  it('refuses an address outside the partnership’s allowed domains', async () => {
    const person = await givenPerson({ domain: 'elsewhere.example' });
    idp.nextLogin(person.subject);
    const journey = await ssoJourney(t, { partnership: eastmoor.slug });
    expect(journey.callback?.location).toBe('/sign-in?sso_error=domain_not_allowed');
  });

  it('refuses a callback whose state is unknown, from another browser, or expired', async () => {
    const person = await givenPerson();
    idp.nextLogin(person.subject);
    const unknown = await completeJourney(t, '/api/auth/sso/callback?code=abc&state=not-a-state', null);
    expect(unknown).toMatchObject({ status: 302, location: '/sign-in?sso_error=invalid_state' });
    expect((await auditFor('sso.sign_in_refused')).some((e) => e.details.reason === 'invalid_state')).toBe(
      true,
    );

    // Someone else's callback address (a sign-in they started) does not sign this browser in.
    const stolen = await ssoJourney(t, { email: person.email }, { callbackCookie: null });
    expect(stolen.callback).toMatchObject({
      location: '/sign-in?sso_error=invalid_state',
      sessionCookie: null,
    });

    idp.nextLogin(person.subject);
    const slow = await ssoJourney(t, { email: person.email }, { stopBeforeCallback: true });
    await t.database.db
      .update(ssoLoginStates)
      .set({ createdAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(ssoLoginStates.state, slow.stateCookie!));
    const late = await completeJourney(t, slow.callbackPath!, `sightlines_sso_state=${slow.stateCookie}`);
    expect(late).toMatchObject({ location: '/sign-in?sso_error=expired', sessionCookie: null });
    // Used once: the same callback again is unknown.
    const replay = await completeJourney(t, slow.callbackPath!, `sightlines_sso_state=${slow.stateCookie}`);
    expect(replay.location).toBe('/sign-in?sso_error=invalid_state');
  });

  it('never uses another partnership’s configuration', async () => {
    // An Eastmoor member whose email domain only Westfield lists goes to Westfield's client, and is refused there.
    const person = await givenPerson({ domain: 'westfield.gov.uk' });
    idp.nextLogin(person.subject);
    const journey = await ssoJourney(t, { email: person.email });
    expect(new URL(journey.start.location).searchParams.get('client_id')).toBe(idp.clients[1]?.clientId);
    expect(journey.callback?.location).toBe('/sign-in?sso_error=no_account');
    const refused = (await auditFor('sso.sign_in_refused')).filter(
      (e) => e.details.subject === person.subject,
    );
    expect(refused.map((e) => e.partnershipId)).toEqual([westfield.id]);

    // A domain both list goes to the partnership the person belongs to.
    const nurse = await givenPerson({ domain: 'nhs.test', partnershipId: westfield.id });
    idp.nextLogin(nurse.subject);
    const shared = await ssoJourney(t, { email: nurse.email });
    expect(new URL(shared.start.location).searchParams.get('client_id')).toBe(idp.clients[1]?.clientId);
    const session = await sessionFor(shared.callback?.sessionCookie ?? '');
    expect(session.json().memberships[0].partnershipId).toBe(westfield.id);
  });

  it('says when no partnership signs in people from an email domain', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/sso/start?email=jo@nowhere.example' });
    expect(start.statusCode).toBe(302);
    expect(start.headers.location).toBe('/sign-in?sso_error=not_available');
    const bad = await t.app.inject({ method: 'GET', url: '/api/auth/sso/start?email=not-an-email' });
    expect(bad.headers.location).toBe('/sign-in?sso_error=email_invalid');
  });

  it('follows only a relative return path', async () => {
    for (const to of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const person = await givenPerson();
      idp.nextLogin(person.subject);
      const journey = await ssoJourney(t, { email: person.email, to });
      expect(journey.callback?.location, to).toBe('/');
    }
  });

  it('holds the session for the code when the person has two-step verification, unless the provider checked a second factor', async () => {
    const person = await givenPerson();
    await t.database.db
      .insert(mfaFactors)
      .values({ userId: person.user!.id, secret: 'JBSWY3DPEHPK3PXP', status: 'active' });
    idp.nextLogin(person.subject, ['pwd']);
    const pending = await ssoJourney(t, { email: person.email, to: '/account' });
    expect(pending.callback?.location).toBe(`/sign-in/code?to=${encodeURIComponent('/account')}`);
    const held = await sessionFor(pending.callback?.sessionCookie ?? '');
    expect(held.json()).toMatchObject({ mfaPending: true, memberships: [] });
    const reviews = await t.app.inject({
      method: 'GET',
      url: `/api/partnerships/${eastmoor.id}/reviews`,
      headers: { cookie: pending.callback?.sessionCookie ?? '' },
    });
    expect(reviews.statusCode).toBe(401);

    idp.nextLogin(person.subject, ['pwd', 'mfa']);
    const complete = await ssoJourney(t, { email: person.email, to: '/account' });
    expect(complete.callback?.location).toBe('/account');
    const session = await sessionFor(complete.callback?.sessionCookie ?? '');
    expect(session.json()).toMatchObject({ mfaPending: false });
    const rows = (await auditFor('sso.signed_in', eastmoor.id)).filter(
      (e) => e.actorUserId === person.user!.id,
    );
    expect(rows.map((e) => e.details.secondStep)).toEqual(['mfa_pending', null]);
    expect(rows.map((e) => e.details.providerMfa)).toEqual([false, true]);
  });

  it('answers a cancelled sign-in at the provider with the sign-in page', async () => {
    const person = await givenPerson();
    idp.nextLogin(person.subject);
    const started = await ssoJourney(t, { email: person.email }, { stopBeforeCallback: true });
    const state = started.stateCookie!;
    const cancelled = await completeJourney(
      t,
      `/api/auth/sso/callback?error=access_denied&state=${state}`,
      `sightlines_sso_state=${state}`,
    );
    expect(cancelled.location).toBe('/sign-in?sso_error=cancelled');
  });

  it('does not use a partnership’s provider once it is turned off', async () => {
    const person = await givenPerson();
    idp.nextLogin(person.subject);
    const started = await ssoJourney(t, { email: person.email }, { stopBeforeCallback: true });
    const { partnershipSsoConfigs } = await import('../db/schema/index.ts');
    await t.database.db
      .update(partnershipSsoConfigs)
      .set({ enabled: false })
      .where(eq(partnershipSsoConfigs.partnershipId, eastmoor.id));
    try {
      const late = await completeJourney(
        t,
        started.callbackPath!,
        `sightlines_sso_state=${started.stateCookie}`,
      );
      expect(late.location).toBe('/sign-in?sso_error=disabled');
      const start = await t.app.inject({
        method: 'GET',
        url: `/api/auth/sso/start?partnership=${eastmoor.slug}`,
      });
      expect(start.headers.location).toBe('/sign-in?sso_error=not_available');
    } finally {
      await t.database.db
        .update(partnershipSsoConfigs)
        .set({ enabled: true })
        .where(and(eq(partnershipSsoConfigs.partnershipId, eastmoor.id)));
    }
  });
});
