import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { verifyAuditLog } from './verify.ts';

let t: TestApp;
let pid: string;
let admin: Session;
let manager: Session;
let outsider: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  const other = await givenPartnership(t);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  await call(t, outsider, 'POST', `/api/partnerships/${other.id}/agencies`, {
    name: 'Secret Other Agency',
    sector: 'police',
  });
  for (let i = 0; i < 5; i++) {
    await call(t, manager, 'POST', `/api/partnerships/${pid}/agencies`, {
      name: `Audited Agency ${i}`,
      sector: 'housing',
    });
  }
});
afterAll(() => t.close());

describe('GET /api/partnerships/:id/audit-events (listAuditEvents)', () => {
  const url = () => `/api/partnerships/${pid}/audit-events`;

  it('401 anonymous, 404 other partnership, 403 business manager', async () => {
    expect((await call(t, null, 'GET', url())).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', url())).statusCode).toBe(404);
    expect((await call(t, manager, 'GET', url())).statusCode).toBe(403);
  });

  it('400 naming bad filters', async () => {
    const res = await call(t, admin, 'GET', `${url()}?action=agency.exploded&from=yesterday&limit=9999`);
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['action', 'from', 'limit']);
  });

  it('lists only this partnership’s events, newest first, with actor names, filters and paging', async () => {
    const all = (await call(t, admin, 'GET', `${url()}?action=agency.created&limit=3`)).json();
    expect(all.events).toHaveLength(3);
    expect(all.events[0]).toMatchObject({
      action: 'agency.created',
      actionLabel: 'Added an agency',
      actor: { name: 'Test business_manager' },
    });
    expect(Number(all.events[0].id)).toBeGreaterThan(Number(all.events[1].id));
    expect(JSON.stringify(all)).not.toContain('Secret Other Agency');
    const next = (
      await call(t, admin, 'GET', `${url()}?action=agency.created&limit=3&before=${all.nextBefore}`)
    ).json();
    expect(next.events).toHaveLength(2);
    expect(next.nextBefore).toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    const dated = (
      await call(t, admin, 'GET', `${url()}?from=${today}&to=${today}&entityType=agency`)
    ).json();
    expect(dated.events.length).toBeGreaterThanOrEqual(5);
    const future = (await call(t, admin, 'GET', `${url()}?from=2999-01-01`)).json();
    expect(future.events).toHaveLength(0);
  });

  it('records that the log was viewed', async () => {
    await call(t, admin, 'GET', url());
    const res = (await call(t, admin, 'GET', `${url()}?action=audit.viewed`)).json();
    expect(res.events.length).toBeGreaterThanOrEqual(1);
    expect(res.events[0].actor.id).toBe(admin.userId);
  });
});

describe('audit chain in the database', () => {
  it('is intact after real activity', async () => {
    const result = await verifyAuditLog(t.database.db);
    expect(result).toMatchObject({ ok: true, firstBreak: null });
    expect(result.events).toBeGreaterThan(10);
  });

  it('names the first broken row after a row is edited with SQL', async () => {
    const copy = await createTestApp();
    try {
      const p = await givenPartnership(copy);
      const s = await signInAs(copy, (await givenMember(copy, p.id, 'business_manager')).email);
      for (let i = 0; i < 3; i++)
        await call(copy, s, 'POST', `/api/partnerships/${p.id}/agencies`, {
          name: `A${i}`,
          sector: 'police',
        });
      expect((await verifyAuditLog(copy.database.db)).ok).toBe(true);
      const { rows } = (await copy.database.db.execute(
        sql`select id, seq from audit_events where partnership_id = ${p.id} and action = 'agency.created' order by seq limit 1 offset 1`,
      )) as unknown as { rows: { id: number | string; seq: number }[] };
      const target = rows[0]!;
      await copy.database.db.execute(
        sql`update audit_events set details = '{"name":"Nothing to see"}' where id = ${target.id}`,
      );
      const result = await verifyAuditLog(copy.database.db);
      expect(result.ok).toBe(false);
      expect(result.firstBreak).toMatchObject({
        chain: p.id,
        seq: target.seq,
        reason: expect.stringMatching(/altered/),
      });
      expect(String(result.firstBreak!.id)).toBe(String(target.id));
    } finally {
      await copy.close();
    }
  });

  it('detects a deleted row', async () => {
    const copy = await createTestApp();
    try {
      const p = await givenPartnership(copy);
      const s = await signInAs(copy, (await givenMember(copy, p.id, 'business_manager')).email);
      for (let i = 0; i < 3; i++)
        await call(copy, s, 'POST', `/api/partnerships/${p.id}/agencies`, {
          name: `A${i}`,
          sector: 'police',
        });
      await copy.database.db.execute(
        sql`delete from audit_events where partnership_id = ${p.id} and seq = 2`,
      );
      const result = await verifyAuditLog(copy.database.db);
      expect(result.firstBreak).toMatchObject({ seq: 3, reason: expect.stringMatching(/missing/) });
    } finally {
      await copy.close();
    }
  });

  it('rolls the audit row back with the change it records', async () => {
    const before = await verifyAuditLog(t.database.db);
    const res = await call(t, manager, 'POST', `/api/partnerships/${pid}/agencies`, {
      name: 'Audited Agency 1',
      sector: 'housing',
    });
    expect(res.statusCode).toBe(400);
    const after = await verifyAuditLog(t.database.db);
    // Only the earlier page views add rows; the refused creation added none.
    expect(after.events).toBe(before.events);
  });
});
