import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, auditEvents } from '../db/schema/index.ts';
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
let admin: Session;
let manager: Session;
let member: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('GET /api/partnerships/:id (getPartnership)', () => {
  it('401 anonymous, 404 to another partnership, 200 to a member with abilities', async () => {
    expect((await call(t, null, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', `/api/partnerships/${pid}`)).statusCode).toBe(404);
    const res = await call(t, member, 'GET', `/api/partnerships/${pid}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({
      manageAgencies: false,
      listUsers: false,
      manageUsers: false,
      viewAudit: false,
      manageIntake: false,
      commissionReviews: false,
      viewReferenceData: true,
      manageReferenceData: false,
      viewReviewerPool: false,
      manageReviewerPool: false,
      monitorReviews: false,
      trackActions: false,
      viewLibrary: true,
      manageLibrary: false,
      viewAnalytics: true,
    });
  });

  it('404 for a malformed or unknown partnership id', async () => {
    expect((await call(t, admin, 'GET', '/api/partnerships/not-a-uuid')).statusCode).toBe(404);
    expect(
      (await call(t, admin, 'GET', '/api/partnerships/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/partnerships/:id/agencies (listAgencies)', () => {
  it('401 anonymous', async () => {
    expect((await call(t, null, 'GET', `/api/partnerships/${pid}/agencies`)).statusCode).toBe(401);
  });
  it('404 to a person from another partnership', async () => {
    expect((await call(t, outsider, 'GET', `/api/partnerships/${pid}/agencies`)).statusCode).toBe(404);
  });
  it('lists only this partnership’s agencies, with abilities by role', async () => {
    await givenAgency(t, pid, 'Listed Agency');
    const otherPid = (await givenPartnership(t)).id;
    await givenAgency(t, otherPid, 'Hidden Agency');
    const res = await call(t, member, 'GET', `/api/partnerships/${pid}/agencies`);
    expect(res.statusCode).toBe(200);
    const names = res.json().agencies.map((a: { name: string }) => a.name);
    expect(names).toContain('Listed Agency');
    expect(names).not.toContain('Hidden Agency');
    expect(res.json().abilities.create).toBe(false);
    expect((await call(t, manager, 'GET', `/api/partnerships/${pid}/agencies`)).json().abilities.create).toBe(
      true,
    );
  });
});

describe('POST /api/partnerships/:id/agencies (createAgency)', () => {
  const url = () => `/api/partnerships/${pid}/agencies`;
  const valid = { name: 'Northbrook Youth Justice Service', sector: 'other', shortName: 'YJS' };

  it('401 anonymous', async () => {
    expect((await call(t, null, 'POST', url(), valid)).statusCode).toBe(401);
  });
  it('404 to another partnership, before looking at the input', async () => {
    expect((await call(t, outsider, 'POST', url(), {})).statusCode).toBe(404);
  });
  it('403 to a member', async () => {
    const res = await call(t, member, 'POST', url(), valid);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });
  it('400 naming the fields', async () => {
    const res = await call(t, manager, 'POST', url(), { name: '  ', sector: 'aviation' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      { path: 'name', message: 'Enter the agency name' },
      { path: 'sector', message: 'Select the sector the agency works in' },
    ]);
  });
  it('400 for a duplicate name, case-insensitively, and nothing is stored', async () => {
    await call(t, manager, 'POST', url(), { name: 'Duplicate Test Agency', sector: 'police' });
    const res = await call(t, manager, 'POST', url(), { name: 'duplicate test agency', sector: 'housing' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('name');
    const rows = await t.database.db.select().from(agencies).where(eq(agencies.partnershipId, pid));
    expect(rows.filter((r) => r.name.toLowerCase() === 'duplicate test agency')).toHaveLength(1);
  });
  it('201 creates the agency and writes its audit row in the same transaction', async () => {
    const res = await call(t, manager, 'POST', url(), valid);
    expect(res.statusCode).toBe(201);
    const agency = res.json();
    expect(agency).toMatchObject({
      name: valid.name,
      sector: 'other',
      sectorLabel: 'Other',
      version: 1,
      active: true,
    });
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, agency.id), eq(auditEvents.action, 'agency.created')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partnershipId: pid, actorUserId: manager.userId });
  });
});

describe('PATCH /api/partnerships/:id/agencies/:agencyId (updateAgency)', () => {
  it('401, 404 across partnerships, 403 to a member, 400, 409 on a stale version, 200 with audit', async () => {
    const a = await givenAgency(t, pid, 'Agency To Change');
    const url = `/api/partnerships/${pid}/agencies/${a.id}`;
    expect((await call(t, null, 'PATCH', url, { version: 1 })).statusCode).toBe(401);
    expect((await call(t, outsider, 'PATCH', url, { version: 1 })).statusCode).toBe(404);
    expect((await call(t, member, 'PATCH', url, { version: 1 })).statusCode).toBe(403);
    const bad = await call(t, admin, 'PATCH', url, { name: 'x'.repeat(500) });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['name', 'version']);

    const ok = await call(t, admin, 'PATCH', url, { shortName: 'ATC', version: 1 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ shortName: 'ATC', version: 2 });

    const stale = await call(t, manager, 'PATCH', url, { name: 'Overwritten', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      details: { current: { shortName: 'ATC', version: 2 } },
    });
    const [row] = await t.database.db.select().from(agencies).where(eq(agencies.id, a.id));
    expect(row!.name).toBe('Agency To Change');
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, a.id), eq(auditEvents.action, 'agency.updated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ changed: ['shortName'], version: 2 });
  });

  it('404 for an agency of another partnership addressed through this one', async () => {
    const otherPid = (await givenPartnership(t)).id;
    const foreign = await givenAgency(t, otherPid);
    const res = await call(t, admin, 'PATCH', `/api/partnerships/${pid}/agencies/${foreign.id}`, {
      name: 'Taken',
      version: 1,
    });
    expect(res.statusCode).toBe(404);
  });
});
