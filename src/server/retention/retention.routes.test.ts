import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, publications, reviewTransitions } from '../db/schema/index.ts';
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
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
});
afterAll(() => t.close());

const policyUrl = (p: string) => `/api/partnerships/${p}/retention-policy`;
const dueUrl = (p: string) => `/api/partnerships/${p}/reviews-due-for-erasure`;

describe('the retention policy and the reviews due for erasure', () => {
  it('are for the partnership’s admins only', async () => {
    const other = await givenPartnership(t);
    const outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
    const manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
    const member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
    const requests = [
      ['GET', policyUrl(pid), undefined],
      ['PUT', policyUrl(pid), { retainYears: 5, version: 1 }],
      ['GET', dueUrl(pid), undefined],
      ['GET', `/api/partnerships/${pid}/subject-access-export?userId=${admin.userId}`, undefined],
    ] as const;
    for (const [method, url, body] of requests) {
      expect((await call(t, null, method, url, body)).statusCode).toBe(401);
      expect((await call(t, outsider, method, url, body)).statusCode).toBe(404);
      expect((await call(t, manager, method, url, body)).statusCode).toBe(403);
      expect((await call(t, member, method, url, body)).statusCode).toBe(403);
    }
  });

  it('keeps six years by default, changes with its version, audits the change and refuses a stale one', async () => {
    const first = await call(t, admin, 'GET', policyUrl(pid));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      retainYears: 6,
      isDefault: true,
      version: 1,
      updatedBy: null,
      abilities: { update: true },
    });
    const bad = await call(t, admin, 'PUT', policyUrl(pid), { retainYears: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'retainYears',
      'version',
    ]);
    const res = await call(t, admin, 'PUT', policyUrl(pid), { retainYears: 10, version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ retainYears: 10, isDefault: false, version: 2 });
    expect(res.json().updatedBy.id).toBe(admin.userId);
    const [row] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, 'retention.policy_updated')));
    expect(row).toMatchObject({ actorUserId: admin.userId, details: { retainYears: 10, previous: 6 } });
    const stale = await call(t, admin, 'PUT', policyUrl(pid), { retainYears: 3, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ retainYears: 10, version: 2 });
  });

  it('lists reviews published or closed longer ago than the period, oldest first', async () => {
    const p = (await givenPartnership(t)).id;
    const a = await signInAs(t, (await givenMember(t, p, 'partnership_admin')).email);
    const published = async (on: string) => {
      const review = await givenReview(t, p, { stage: 'action_monitoring' });
      await t.database.db
        .insert(publications)
        .values({ partnershipId: p, reviewId: review.id, publishedOn: on });
      return review;
    };
    const old = await published('2015-05-01');
    const older = await published('2012-02-29');
    await published('2025-01-01');
    await givenReview(t, p, { stage: 'analysis' });
    const closed = await givenReview(t, p, { stage: 'closed' });
    await t.database.db.insert(reviewTransitions).values({
      partnershipId: p,
      reviewId: closed.id,
      fromStage: 'publication',
      toStage: 'closed',
      action: 'close',
      at: new Date('2016-03-01T23:30:00Z'),
    });
    const res = await call(t, a, 'GET', dueUrl(p));
    expect(res.statusCode).toBe(200);
    expect(res.json().retainYears).toBe(6);
    expect(res.json().reviews.map((r: { id: string; dueOn: string }) => [r.id, r.dueOn])).toEqual([
      [older.id, '2018-02-28'],
      [old.id, '2021-05-01'],
      [closed.id, '2022-03-01'],
    ]);
    expect(res.json().reviews[2]).toMatchObject({
      closedOn: '2016-03-01',
      publishedOn: null,
      stage: 'closed',
    });
  });
});
