import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, memberships, users } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';

let t: TestApp;
let pid: string;
let otherPid: string;
let admin: Session;
let manager: Session;
let member: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  otherPid = (await givenPartnership(t)).id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, otherPid, 'partnership_admin')).email);
});
afterAll(() => t.close());

const newPerson = (overrides: Record<string, unknown> = {}) => ({
  name: 'Jordan Lee',
  email: `jordan.${Math.random().toString(36).slice(2)}@example.org`,
  jobTitle: 'Designated safeguarding lead',
  role: 'member',
  initialPassword: 'quartz-meadow-violin-31',
  ...overrides,
});

describe('GET /api/partnerships/:id/users (listUsers)', () => {
  it('401 anonymous, 404 other partnership, 403 member, 200 manager (read only) and admin', async () => {
    const url = `/api/partnerships/${pid}/users`;
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, member, 'GET', url)).statusCode).toBe(403);
    const asManager = await call(t, manager, 'GET', url);
    expect(asManager.statusCode).toBe(200);
    expect(asManager.json().abilities.create).toBe(false);
    const asAdmin = (await call(t, admin, 'GET', url)).json();
    expect(asAdmin.abilities.create).toBe(true);
    expect(asAdmin.users.map((u: { role: string }) => u.role).sort()).toEqual([
      'business_manager',
      'member',
      'partnership_admin',
    ]);
  });
});

describe('POST /api/partnerships/:id/users (createUser)', () => {
  const url = () => `/api/partnerships/${pid}/users`;

  it('401 anonymous, 404 other partnership, 403 business manager', async () => {
    expect((await call(t, null, 'POST', url(), newPerson())).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', url(), newPerson())).statusCode).toBe(404);
    expect((await call(t, manager, 'POST', url(), newPerson())).statusCode).toBe(403);
  });

  it('400 naming each field', async () => {
    const res = await call(t, admin, 'POST', url(), {
      name: '',
      email: 'nope',
      role: 'king',
      initialPassword: '',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['email', 'initialPassword', 'name', 'role']);
  });

  it('400 for a weak temporary password and for an agency of another partnership; nothing stored', async () => {
    const weak = newPerson({ initialPassword: 'password123' });
    const res = await call(t, admin, 'POST', url(), weak);
    expect(res.json().error.details.fields[0]).toMatchObject({ path: 'initialPassword' });
    const foreign = await givenAgency(t, otherPid);
    const res2 = await call(t, admin, 'POST', url(), newPerson({ email: weak.email, agencyId: foreign.id }));
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.details.fields[0]).toEqual({
      path: 'agencyId',
      message: 'Select an agency from this partnership',
    });
    expect(await t.database.db.select().from(users).where(eq(users.email, weak.email))).toHaveLength(0);
  });

  it('201 creates an account that must change its temporary password, with an audit row', async () => {
    const agency = await givenAgency(t, pid);
    const input = newPerson({ agencyId: agency.id, email: 'New.Person@Example.org' });
    const res = await call(t, admin, 'POST', url(), input);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      existingAccount: false,
      user: { email: 'new.person@example.org', agencyName: agency.name, role: 'member' },
    });
    const [u] = await t.database.db.select().from(users).where(eq(users.id, body.user.id));
    expect(u!.mustChangePassword).toBe(true);
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, u!.id), eq(auditEvents.action, 'user.created')));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(input.initialPassword as string);
    const second = await call(t, admin, 'POST', url(), input);
    expect(second.json().error.details.fields[0]).toEqual({
      path: 'email',
      message: 'This person is already in the partnership',
    });
  });

  it('adds a person who already has an account elsewhere without touching their password', async () => {
    const elsewhere = await givenMember(t, otherPid, 'member');
    const res = await call(t, admin, 'POST', url(), newPerson({ email: elsewhere.email }));
    expect(res.statusCode).toBe(201);
    expect(res.json().existingAccount).toBe(true);
    const [u] = await t.database.db.select().from(users).where(eq(users.id, elsewhere.id));
    expect(u!.passwordHash).toBe(elsewhere.passwordHash);
    expect(u!.mustChangePassword).toBe(false);
  });
});

describe('PATCH /api/partnerships/:id/users/:userId (updateUser)', () => {
  it('401, 404 across partnerships, 403 manager, 400, 409 stale, 200 with audit', async () => {
    const person = await givenMember(t, pid, 'member');
    const url = `/api/partnerships/${pid}/users/${person.id}`;
    expect((await call(t, null, 'PATCH', url, { version: 1 })).statusCode).toBe(401);
    expect((await call(t, outsider, 'PATCH', url, { version: 1 })).statusCode).toBe(404);
    expect((await call(t, manager, 'PATCH', url, { version: 1 })).statusCode).toBe(403);
    expect(
      (await call(t, admin, 'PATCH', url, { role: 'emperor', version: 1 })).json().error.details.fields[0]
        .path,
    ).toBe('role');
    const ok = await call(t, admin, 'PATCH', url, {
      role: 'business_manager',
      jobTitle: 'Head of service',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'business_manager', jobTitle: 'Head of service', version: 2 });
    const stale = await call(t, admin, 'PATCH', url, { active: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    const [m] = await t.database.db.select().from(memberships).where(eq(memberships.userId, person.id));
    expect(m!.active).toBe(true);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, person.id), eq(auditEvents.action, 'user.updated')));
    expect(audit).toHaveLength(1);
  });

  it('404 for a person of another partnership', async () => {
    const foreign = await givenMember(t, otherPid, 'member');
    expect(
      (await call(t, admin, 'PATCH', `/api/partnerships/${pid}/users/${foreign.id}`, { version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('refuses to leave the partnership without an active admin', async () => {
    const solo = await givenPartnership(t);
    const onlyAdmin = await givenMember(t, solo.id, 'partnership_admin');
    const s = await signInAs(t, onlyAdmin.email);
    const res = await call(t, s, 'PATCH', `/api/partnerships/${solo.id}/users/${onlyAdmin.id}`, {
      role: 'member',
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toEqual({
      path: 'role',
      message: 'The partnership must keep at least one active partnership admin',
    });
  });

  it('a deactivated person can no longer sign in or use their session', async () => {
    const person = await givenMember(t, pid, 'member');
    const theirs = await signInAs(t, person.email);
    const res = await call(t, admin, 'PATCH', `/api/partnerships/${pid}/users/${person.id}`, {
      active: false,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect((await call(t, theirs, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(401);
    await expect(signInAs(t, person.email)).rejects.toThrow(/401/);
  });
});
