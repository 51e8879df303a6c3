import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, notifications, rapidReviewAgencyRequests, rapidReviews } from '../db/schema/index.ts';
import { call, createTestApp, givenAgency, type TestApp } from '../testing/harness.ts';
import { seedDemoIntake } from './demo.ts';
import {
  auditRows,
  expectIntakeGuarded,
  givenClosure,
  givenIntakeWorld,
  givenNotification,
  givenRapidReview,
} from './intake.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof givenIntakeWorld>>;
const url = () => `/api/partnerships/${w.pid}/calendar-closures`;

beforeAll(async () => {
  t = await createTestApp();
  w = await givenIntakeWorld(t);
});
afterAll(() => t.close());

describe('GET calendar-closures (listCalendarClosures)', () => {
  it('401, 404, 403; lists this partnership’s added days and the bank holidays', async () => {
    await expectIntakeGuarded(t, w, 'GET', url());
    await givenClosure(t, w.pid, '2026-07-15');
    await givenClosure(t, w.otherPid, '2026-07-16');
    const res = await call(t, w.manager, 'GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.json().closures.map((c: { date: string }) => c.date)).toEqual(['2026-07-15']);
    expect(res.json().bankHolidays.length).toBeGreaterThanOrEqual(16);
    expect(res.json().abilities).toEqual({ add: true, remove: true });
  });
});

describe('POST calendar-closures (addCalendarClosure)', () => {
  it('401, 404, 403, 400 with field names', async () => {
    await expectIntakeGuarded(t, w, 'POST', url(), { date: '2026-08-04', name: 'Local closure' });
    const bad = await call(t, w.manager, 'POST', url(), { date: '2026-02-30' });
    expect(bad.json().error.details.fields).toEqual([
      { path: 'date', message: 'Date must be a real date' },
      { path: 'name', message: 'Enter a name for the day, like Substitute bank holiday' },
    ]);
    const holiday = await call(t, w.manager, 'POST', url(), {
      date: '2026-04-03',
      name: 'Good Friday again',
    });
    expect(holiday.json().error.details.fields).toEqual([
      { path: 'date', message: 'That date is already a non-working day (Good Friday)' },
    ]);
    const weekend = await call(t, w.manager, 'POST', url(), { date: '2026-04-04', name: 'Saturday' });
    expect(weekend.json().error.details.fields[0].path).toBe('date');
    await call(t, w.manager, 'POST', url(), { date: '2026-08-04', name: 'Local closure' });
    const twice = await call(t, w.admin, 'POST', url(), { date: '2026-08-04', name: 'Local closure' });
    expect(twice.statusCode).toBe(400);
  });

  it('201 moves the open deadlines it falls within, but not met ones, and writes an audit row', async () => {
    const open = await givenNotification(t, w.pid);
    const met = await givenNotification(t, w.pid, { submittedDate: '2026-04-07', recipients: ['ofsted'] });
    const review = await givenRapidReview(t, open);
    const res = await call(t, w.manager, 'POST', url(), { date: '2026-04-08', name: 'Substitute day' });
    expect(res.statusCode).toBe(201);
    const due = async (id: string) =>
      (await t.database.db.select().from(notifications).where(eq(notifications.id, id)))[0]!.dueDate;
    expect(await due(open.id)).toBe('2026-04-14');
    expect(await due(met.id)).toBe('2026-04-13');
    const [r] = await t.database.db.select().from(rapidReviews).where(eq(rapidReviews.id, review.id));
    expect(r!.dueDate).toBe('2026-04-28');
    const shown = await call(t, w.manager, 'GET', `/api/partnerships/${w.pid}/notifications/${open.id}`);
    expect(shown.json().deadline.date).toBe('2026-04-14');
    const audit = await auditRows(t, res.json().id, 'calendar.closure_added');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ date: '2026-04-08', deadlinesMoved: 2 });

    // A notification recorded after the closure counts it too.
    const created = await call(t, w.manager, 'POST', `/api/partnerships/${w.pid}/notifications`, {
      childPseudonym: 'Child B',
      incidentDate: '2026-04-02',
      awareDate: '2026-04-02',
      outcome: 'death',
      abuseOrNeglect: 'known',
      lookedAfter: true,
    });
    expect(created.json().deadline.date).toBe('2026-04-14');

    // Removing it moves them back.
    const removed = await call(t, w.manager, 'DELETE', `${url()}/${res.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect(await due(open.id)).toBe('2026-04-13');
    expect(await auditRows(t, res.json().id, 'calendar.closure_removed')).toHaveLength(1);
  });
});

describe('DELETE calendar-closures/:id (removeCalendarClosure)', () => {
  it('401, 404, 403; 204 and harmless when repeated; leaves another partnership’s day alone', async () => {
    const closure = await givenClosure(t, w.pid, '2026-09-09');
    await expectIntakeGuarded(t, w, 'DELETE', `${url()}/${closure.id}`);
    expect((await call(t, w.manager, 'DELETE', `${url()}/${closure.id}`)).statusCode).toBe(204);
    expect((await call(t, w.manager, 'DELETE', `${url()}/${closure.id}`)).statusCode).toBe(204);
    expect(await auditRows(t, closure.id, 'calendar.closure_removed')).toHaveLength(1);
    const foreign = await givenClosure(t, w.otherPid, '2026-09-10');
    expect((await call(t, w.manager, 'DELETE', `${url()}/${foreign.id}`)).statusCode).toBe(204);
    const list = await call(t, w.outsider, 'GET', `/api/partnerships/${w.otherPid}/calendar-closures`);
    expect(list.json().closures.map((c: { id: string }) => c.id)).toContain(foreign.id);
  });
});

describe('seedDemoIntake', () => {
  it('creates a notification from a week ago with a rapid review under way', async () => {
    const a = await givenAgency(t, w.pid);
    const b = await givenAgency(t, w.pid);
    const { notificationId, rapidReviewId } = await t.database.db.transaction((tx) =>
      seedDemoIntake(tx, w.pid, [a.id, b.id], '2026-11-20'),
    );
    const [n] = await t.database.db.select().from(notifications).where(eq(notifications.id, notificationId));
    expect(n).toMatchObject({ awareDate: '2026-11-13', dueDate: '2026-11-20', submittedDate: '2026-11-17' });
    const requests = await t.database.db
      .select()
      .from(rapidReviewAgencyRequests)
      .where(eq(rapidReviewAgencyRequests.rapidReviewId, rapidReviewId));
    expect(requests).toHaveLength(2);
    expect(requests.filter((r) => r.repliedDate)).toHaveLength(1);
    expect(
      await t.database.db.select().from(meetings).where(eq(meetings.rapidReviewId, rapidReviewId)),
    ).toHaveLength(1);
    const shown = await call(
      t,
      w.manager,
      'GET',
      `/api/partnerships/${w.pid}/rapid-reviews/${rapidReviewId}`,
    );
    expect(shown.json()).toMatchObject({ status: 'gathering', deadline: { date: '2026-12-08' } });
  });
});
