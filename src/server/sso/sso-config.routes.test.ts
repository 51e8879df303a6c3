import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, partnershipSsoConfigs } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { ssoJourney, startTestProvider, type TestProvider } from './testing.ts';

const PUBLIC_URL = 'https://sightlines.test';
let t: TestApp;
let idp: TestProvider;
let partnership: { id: string; slug: string };
let admin: Session;
const url = () => `/api/partnerships/${partnership.id}/sso`;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: PUBLIC_URL });
  // This provider keeps the email address for its userinfo endpoint, as conforming providers do.
  idp = await startTestProvider(`${PUBLIC_URL}/api/auth/sso/callback`, { idTokenHoldsEmail: false });
  partnership = await givenPartnership(t);
  admin = await signInAs(t, (await givenMember(t, partnership.id, 'partnership_admin')).email);
});
afterAll(async () => {
  await idp.close();
  await t.close();
});

const settings = (overrides: Record<string, unknown> = {}) => ({
  enabled: true,
  displayName: 'Eastmoor Council Microsoft Entra ID',
  issuer: idp.issuer,
  clientId: idp.clients[0]?.clientId,
  clientSecret: idp.clients[0]?.clientSecret,
  allowedDomains: ['Eastmoor.gov.uk', '@eastmoor.gov.uk', 'nhs.test'],
  version: 1,
  ...overrides,
});

describe('single sign-on settings', () => {
  it('are for the partnership’s admins only', async () => {
    const outsider = await signInAs(
      t,
      (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
    );
    const manager = await signInAs(t, (await givenMember(t, partnership.id, 'business_manager')).email);
    const member = await signInAs(t, (await givenMember(t, partnership.id, 'member')).email);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', settings()],
    ] as const) {
      expect((await call(t, null, method, url(), body)).statusCode, `${method} anonymous`).toBe(401);
      expect((await call(t, outsider, method, url(), body)).statusCode, `${method} outsider`).toBe(404);
      expect((await call(t, manager, method, url(), body)).statusCode, `${method} manager`).toBe(403);
      expect((await call(t, member, method, url(), body)).statusCode, `${method} member`).toBe(403);
    }
  });

  it('start empty, with the redirect URI to register at the provider', async () => {
    const res = await call(t, admin, 'GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      configured: false,
      enabled: false,
      clientSecretSet: false,
      allowedDomains: [],
      version: 1,
      redirectUri: `${PUBLIC_URL}/api/auth/sso/callback`,
      signInUrl: `${PUBLIC_URL}/api/auth/sso/start?partnership=${partnership.slug}`,
      abilities: { update: true },
    });
  });

  it('explain what is wrong with what was entered', async () => {
    const res = await call(t, admin, 'PUT', url(), {
      enabled: 'yes',
      issuer: 'http://login.example.org/tenant',
      clientId: '  ',
      allowedDomains: ['jo@eastmoor.gov.uk'],
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['enabled', 'issuer', 'clientId', 'allowedDomains.0']));
    const noSecret = await call(t, admin, 'PUT', url(), settings({ clientSecret: undefined }));
    expect(noSecret.json().error.details.fields).toEqual([
      { path: 'clientSecret', message: 'Enter the client secret' },
    ]);
  });

  it('check the issuer answers before turning single sign-on on, but not while it is off', async () => {
    const unreachable = settings({ issuer: 'http://127.0.0.1:1/tenant' });
    const res = await call(t, admin, 'PUT', url(), unreachable);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'issuer' });
    expect(res.json().error.details.fields[0].message).toMatch(/could not reach/);
    const off = await call(t, admin, 'PUT', url(), { ...unreachable, enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ configured: true, enabled: false, clientSecretSet: true, version: 2 });
  });

  it('keep the client secret encrypted and never return it', async () => {
    const current = (await call(t, admin, 'GET', url())).json();
    const res = await call(t, admin, 'PUT', url(), settings({ version: current.version }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      enabled: true,
      issuer: idp.issuer,
      clientSecretSet: true,
      allowedDomains: ['eastmoor.gov.uk', 'nhs.test'],
      updatedBy: { id: admin.userId },
    });
    const secret = idp.clients[0]?.clientSecret ?? '';
    expect(res.body).not.toContain(secret);
    expect((await call(t, admin, 'GET', url())).body).not.toContain(secret);
    const [row] = await t.database.db
      .select()
      .from(partnershipSsoConfigs)
      .where(eq(partnershipSsoConfigs.partnershipId, partnership.id));
    expect(row?.clientSecret).toMatch(/^enc:v1:/);
    expect(row?.clientSecret).not.toContain(secret);

    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'sso.configured'));
    expect(audits).toHaveLength(2);
    expect(audits.at(-1)).toMatchObject({ partnershipId: partnership.id, actorUserId: admin.userId });
    // The same secret was stored when the settings were saved switched off.
    expect(audits[0]?.details).toMatchObject({ enabled: false, clientSecretChanged: true, previous: null });
    expect(audits.at(-1)?.details).toMatchObject({ enabled: true, clientSecretChanged: false });
    expect(JSON.stringify(audits)).not.toContain(secret);
  });

  it('keep the stored secret when none is sent, and refuse a stale change with the current settings', async () => {
    const current = (await call(t, admin, 'GET', url())).json();
    const [before] = await t.database.db.select().from(partnershipSsoConfigs);
    const res = await call(
      t,
      admin,
      'PUT',
      url(),
      settings({ clientSecret: '', allowedDomains: ['eastmoor.gov.uk'], version: current.version }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ clientSecretSet: true, allowedDomains: ['eastmoor.gov.uk'] });
    const [after] = await t.database.db.select().from(partnershipSsoConfigs);
    expect(after?.clientSecret).toBe(before?.clientSecret);

    const stale = await call(t, admin, 'PUT', url(), settings({ version: current.version }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ allowedDomains: ['eastmoor.gov.uk'] });
    expect(stale.body).not.toContain(idp.clients[0]?.clientSecret);
  });

  it('let people sign in once saved, reading the email address from userinfo when the ID token leaves it out', async () => {
    const person = await givenMember(t, partnership.id, 'member', { email: 'sam@eastmoor.gov.uk' });
    idp.account('sam-at-provider', { email: 'Sam@Eastmoor.gov.uk', email_verified: true });
    idp.nextLogin('sam-at-provider');
    const journey = await ssoJourney(t, { email: 'sam@eastmoor.gov.uk' });
    expect(journey.callback?.location).toBe('/');
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: journey.callback?.sessionCookie ?? '' },
    });
    expect(session.json().user.id).toBe(person.id);
  });

  it('are described in the OpenAPI document, with the sign-in routes as redirects', async () => {
    const spec = (await call(t, null, 'GET', '/api/openapi.json')).json();
    expect(Object.keys(spec.paths['/api/partnerships/{partnershipId}/sso'])).toEqual(['get', 'put']);
    for (const path of ['/api/auth/sso/start', '/api/auth/sso/callback']) {
      expect(Object.keys(spec.paths[path].get.responses)).toContain('302');
    }
  });
});
