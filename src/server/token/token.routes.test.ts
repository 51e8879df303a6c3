import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenAction } from '../action/testing.ts';
import { apiTokens, auditEvents, memberships } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';

let t: TestApp;
let pid: string;
let otherPid: string;
let admin: Session;
let adminId: string;
let reviewId: string;
let findingId: string;
const base = () => `/api/partnerships/${pid}/api-tokens`;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  otherPid = (await givenPartnership(t)).id;
  const adminUser = await givenMember(t, pid, 'partnership_admin');
  adminId = adminUser.id;
  admin = await signInAs(t, adminUser.email);
  const review = await givenReview(t, pid, { title: 'Child T' });
  reviewId = review.id;
  findingId = (await givenFinding(t, review)).id;
  await givenAction(t, review, findingId, { description: 'Audit the pathway' });
  const elsewhere = await givenReview(t, otherPid);
  await givenAction(t, elsewhere, (await givenFinding(t, elsewhere)).id, { description: 'Elsewhere' });
});
afterAll(() => t.close());

const create = async (scopes: string[], extra: Record<string, unknown> = {}) => {
  const res = await call(t, admin, 'POST', base(), {
    name: `Dashboard ${scopes.join(' ')}`,
    scopes,
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`token not created: ${res.body}`);
  return res.json() as { token: { id: string; prefix: string }; secret: string };
};

/** A request with a bearer token only: no cookie, no CSRF token. */
const withToken = (
  secret: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) =>
  t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${secret}` },
    ...(payload ? { payload } : {}),
  });

describe('managing API tokens', () => {
  it('is for the partnership’s admins only', async () => {
    const outsider = await signInAs(t, (await givenMember(t, otherPid, 'partnership_admin')).email);
    const manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    const member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
    const { token } = await create(['actions:read']);
    const requests = [
      ['GET', base(), undefined],
      ['POST', base(), { name: 'X', scopes: ['actions:read'] }],
      ['DELETE', `${base()}/${token.id}`, undefined],
    ] as const;
    for (const [method, url, body] of requests) {
      expect((await call(t, null, method, url, body)).statusCode, `${method} anonymous`).toBe(401);
      expect((await call(t, outsider, method, url, body)).statusCode, `${method} outsider`).toBe(404);
      expect((await call(t, manager, method, url, body)).statusCode, `${method} manager`).toBe(403);
      expect((await call(t, member, method, url, body)).statusCode, `${method} member`).toBe(403);
    }
  });

  it('names the field of bad input', async () => {
    const cases: [unknown, string[]][] = [
      [{}, ['name', 'scopes']],
      [{ name: 'Dashboard', scopes: [] }, ['scopes']],
      [{ name: 'Dashboard', scopes: ['actions:write'] }, ['scopes.0']],
      [{ name: 'x'.repeat(101), scopes: ['actions:read'] }, ['name']],
      [{ name: 'Dashboard', scopes: ['actions:read'], expiresOn: 'soon' }, ['expiresOn']],
      [{ name: 'Dashboard', scopes: ['actions:read'], expiresOn: '2020-01-01' }, ['expiresOn']],
      [{ name: 'Dashboard', scopes: ['actions:read'], expiresOn: '2099-01-01' }, ['expiresOn']],
    ];
    for (const [body, fields] of cases) {
      const res = await call(t, admin, 'POST', base(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(fields);
    }
  });

  it('shows a new token once, keeps only its hash, and audits it', async () => {
    const res = await call(t, admin, 'POST', base(), {
      name: 'Performance dashboard',
      scopes: ['actions:read', 'reviews:read'],
    });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json();
    expect(secret).toMatch(/^sl_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({
      name: 'Performance dashboard',
      prefix: secret.slice(0, 10),
      scopes: ['actions:read', 'reviews:read'],
      expiresOn: null,
      status: 'active',
      lastUsedAt: null,
      createdBy: { id: adminId },
      abilities: { revoke: true },
    });
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret);

    const list = await call(t, admin, 'GET', base());
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.json().tokens[0]).toMatchObject({ id: token.id, status: 'active' });
    expect(list.json().abilities).toEqual({ create: true });

    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'api_token.created'), eq(auditEvents.entityId, token.id)));
    expect(audit).toMatchObject({ partnershipId: pid, actorUserId: adminId });
    expect(JSON.stringify(audit!.details)).not.toContain(secret);
  });

  it('revokes a token at once, keeping it in the list', async () => {
    const { token, secret } = await create(['actions:read']);
    expect((await withToken(secret, 'GET', `/api/partnerships/${pid}/actions`)).statusCode).toBe(200);
    expect((await call(t, admin, 'DELETE', `${base()}/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await call(t, admin, 'DELETE', `/api/partnerships/${pid}/api-tokens/not-an-id`)).statusCode).toBe(
      404,
    );
    const res = await call(t, admin, 'DELETE', `${base()}/${token.id}`);
    expect(res.statusCode).toBe(204);
    expect((await withToken(secret, 'GET', `/api/partnerships/${pid}/actions`)).statusCode).toBe(401);
    const listed = (await call(t, admin, 'GET', base()))
      .json()
      .tokens.find((x: { id: string }) => x.id === token.id);
    expect(listed).toMatchObject({ status: 'revoked', abilities: { revoke: false } });
    expect((await call(t, admin, 'DELETE', `${base()}/${token.id}`)).statusCode).toBe(204);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'api_token.revoked'), eq(auditEvents.entityId, token.id)));
    expect(audit).toHaveLength(1);
  });

  it('cannot revoke another partnership’s token', async () => {
    const outsiderAdmin = await signInAs(t, (await givenMember(t, otherPid, 'partnership_admin')).email);
    const { token } = await create(['actions:read']);
    const res = await call(
      t,
      outsiderAdmin,
      'DELETE',
      `/api/partnerships/${otherPid}/api-tokens/${token.id}`,
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('using an API token', () => {
  it('reads within its scopes without a cookie or CSRF token, and notes when it was used', async () => {
    const { token, secret } = await create(['actions:read']);
    const res = await withToken(secret, 'GET', `/api/partnerships/${pid}/actions`);
    expect(res.statusCode).toBe(200);
    expect(res.json().actions.map((a: { description: string }) => a.description)).toEqual([
      'Audit the pathway',
    ]);
    expect(
      (await withToken(secret, 'GET', `/api/partnerships/${pid}/reviews/${reviewId}/actions`)).statusCode,
    ).toBe(200);
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    expect(row!.lastUsedAt).toBeInstanceOf(Date);
  });

  it('is refused (403) outside its scopes, and for every write', async () => {
    const { secret } = await create(['actions:read']);
    const outside = await withToken(secret, 'GET', `/api/partnerships/${pid}/reviews`);
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.details.reason).toBe('api_token_scope');
    for (const url of [
      `/api/partnerships/${pid}/api-tokens`,
      `/api/partnerships/${pid}/audit-events`,
      '/api/session',
    ]) {
      expect((await withToken(secret, 'GET', url)).statusCode, url).toBe(403);
    }
    const writes = [
      [
        'POST',
        `/api/partnerships/${pid}/reviews/${reviewId}/actions`,
        { findingId, description: 'X', target: 'finding' },
      ],
      ['PUT', `/api/partnerships/${pid}/security-policy`, { requireMfaFor: [], version: 1 }],
      ['POST', `/api/partnerships/${pid}/api-tokens`, { name: 'More', scopes: ['actions:read'] }],
      ['DELETE', '/api/session', undefined],
    ] as const;
    for (const [method, url, body] of writes) {
      const res = await withToken(secret, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.details.reason).toBe('api_token_read_only');
    }
  });

  it('opens only a review’s outline with reviews:read, never its evidence', async () => {
    const { secret } = await create(['reviews:read']);
    expect((await withToken(secret, 'GET', `/api/partnerships/${pid}/reviews`)).statusCode).toBe(200);
    expect((await withToken(secret, 'GET', `/api/partnerships/${pid}/reviews/${reviewId}`)).statusCode).toBe(
      200,
    );
    for (const part of ['conversations', 'documents', 'pseudonym-register', 'findings']) {
      const url = `/api/partnerships/${pid}/reviews/${reviewId}/${part}`;
      expect((await withToken(secret, 'GET', url)).statusCode, url).toBe(403);
    }
  });

  it('never sees another partnership (404)', async () => {
    const { secret } = await create(['actions:read', 'reviews:read']);
    expect((await withToken(secret, 'GET', `/api/partnerships/${otherPid}/actions`)).statusCode).toBe(404);
    expect((await withToken(secret, 'GET', `/api/partnerships/${otherPid}/reviews`)).statusCode).toBe(404);
  });

  it('is refused (401) when unknown, malformed or expired, and never falls back to the cookie', async () => {
    const url = `/api/partnerships/${pid}/actions`;
    expect((await withToken(`sl_${'A'.repeat(43)}`, 'GET', url)).statusCode).toBe(401);
    expect((await withToken('not-a-token', 'GET', url)).statusCode).toBe(401);
    expect((await withToken('', 'GET', url)).statusCode).toBe(401);
    const both = await t.app.inject({
      method: 'GET',
      url,
      headers: { authorization: 'Bearer sl_wrong', cookie: admin.cookie },
    });
    expect(both.statusCode).toBe(401);
    const { token, secret } = await create(['actions:read']);
    await t.database.db.update(apiTokens).set({ expiresOn: '2020-01-01' }).where(eq(apiTokens.id, token.id));
    const expired = await withToken(secret, 'GET', url);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.details.reason).toBe('api_token_invalid');
  });

  it('works with an expiry date until that day ends', async () => {
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const { token, secret } = await create(['actions:read'], { expiresOn: later });
    expect((await withToken(secret, 'GET', `/api/partnerships/${pid}/actions`)).statusCode).toBe(200);
    const listed = (await call(t, admin, 'GET', base()))
      .json()
      .tokens.find((x: { id: string }) => x.id === token.id);
    expect(listed).toMatchObject({ expiresOn: later, status: 'active' });
  });

  it('stops working when its maker is no longer an admin of the partnership', async () => {
    const maker = await givenMember(t, pid, 'partnership_admin');
    const makerSession = await signInAs(t, maker.email);
    const res = await call(t, makerSession, 'POST', base(), { name: 'Leaver', scopes: ['actions:read'] });
    const { secret } = res.json();
    const url = `/api/partnerships/${pid}/actions`;
    expect((await withToken(secret, 'GET', url)).statusCode).toBe(200);
    await t.database.db.update(memberships).set({ role: 'member' }).where(eq(memberships.userId, maker.id));
    expect((await withToken(secret, 'GET', url)).statusCode).toBe(401);
  });

  it('names itself in the audit row of a read that is audited', async () => {
    const { token, secret } = await create(['actions:read']);
    const res = await withToken(secret, 'GET', `/api/partnerships/${pid}/actions/export`);
    expect(res.statusCode).toBe(200);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, 'actions.exported')));
    expect(rows.at(-1)).toMatchObject({
      actorUserId: adminId,
      details: { apiTokenId: token.id, apiTokenName: 'Dashboard actions:read' },
    });
  });
});
