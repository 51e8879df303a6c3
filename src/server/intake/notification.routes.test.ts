import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/index.ts';
import { call, createTestApp, type TestApp } from '../testing/harness.ts';
import {
  auditRows,
  expectIntakeGuarded,
  fieldPaths,
  givenIntakeWorld,
  givenNotification,
  givenRapidReview,
} from './intake.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof givenIntakeWorld>>;
const url = () => `/api/partnerships/${w.pid}/notifications`;

/** Aware on Thursday 2 April 2026: Good Friday and Easter Monday do not count, so due Monday 13 April. */
const valid = {
  childPseudonym: 'Child A',
  summary: 'Admitted to hospital with unexplained injuries.',
  incidentDate: '2026-04-01',
  awareDate: '2026-04-02',
  outcome: 'serious_harm',
  abuseOrNeglect: 'suspected',
  lookedAfter: false,
};

beforeAll(async () => {
  t = await createTestApp();
  w = await givenIntakeWorld(t);
});
afterAll(() => t.close());

describe('POST notifications (createNotification)', () => {
  it('401 anonymous, 404 to another partnership, 403 to a member', async () => {
    await expectIntakeGuarded(t, w, 'POST', url(), valid);
  });

  it('400 naming each field, in plain English', async () => {
    const res = await call(t, w.manager, 'POST', url(), { childPseudonym: ' ', awareDate: '2026-02-30' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'childPseudonym', message: 'Enter a pseudonym for the child, like Child A' },
        { path: 'incidentDate', message: 'Enter the date of the incident' },
        { path: 'awareDate', message: 'Date the local authority became aware must be a real date' },
        { path: 'outcome', message: 'Select whether the child died or was seriously harmed' },
        { path: 'abuseOrNeglect', message: 'Select whether abuse or neglect is known or suspected' },
        { path: 'lookedAfter', message: 'Select whether the child was looked after by the local authority' },
      ]),
    );
  });

  it('400 when the dates are out of order or in the future, or a sent notification names nobody', async () => {
    const res = await call(t, w.manager, 'POST', url(), {
      ...valid,
      incidentDate: '2026-04-03',
      awareDate: '2026-04-02',
      submittedDate: '2099-01-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      {
        path: 'awareDate',
        message:
          'Date the local authority became aware must be the same as or after the date of the incident',
      },
      { path: 'submittedDate', message: 'Date the notification was sent must be today or in the past' },
      { path: 'recipients', message: 'Select who the notification was sent to' },
    ]);
    const early = await call(t, w.manager, 'POST', url(), {
      ...valid,
      submittedDate: '2026-04-01',
      recipients: ['ofsted'],
    });
    expect(fieldPaths(early)).toEqual(['submittedDate']);
  });

  it('201 with the due date 5 working days on, across Easter, and an audit row', async () => {
    const res = await call(t, w.manager, 'POST', url(), {
      ...valid,
      reference: '  ',
      recipients: ['dfe', 'dfe'],
    });
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({
      childPseudonym: 'Child A',
      awareDate: '2026-04-02',
      reference: null,
      recipients: ['dfe'],
      recipientLabels: ['Department for Education'],
      status: 'not_sent',
      statusLabel: 'Not sent yet',
      deadline: { label: 'Notification due', date: '2026-04-13', overdue: true, doneDate: null, late: false },
      rapidReview: null,
      version: 1,
      abilities: { update: true, startRapidReview: true },
    });
    expect(n.deadline.workingDaysLeft).toBeLessThan(0);
    const audit = await auditRows(t, n.id, 'notification.created');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partnershipId: w.pid, actorUserId: w.manager.userId });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Child A');
  });

  it('lets a partnership admin record one too', async () => {
    expect((await call(t, w.admin, 'POST', url(), valid)).statusCode).toBe(201);
  });
});

describe('GET notifications (listNotifications)', () => {
  it('401, 404 to another partnership, 403 to a member (intake is business-manager work)', async () => {
    await expectIntakeGuarded(t, w, 'GET', url());
  });

  it('lists only this partnership’s notifications, with the rapid review linked', async () => {
    const mine = await givenNotification(t, w.pid, { childPseudonym: 'Child Listed' });
    const review = await givenRapidReview(t, mine);
    await givenNotification(t, w.otherPid, { childPseudonym: 'Child Hidden' });
    const res = await call(t, w.manager, 'GET', url());
    expect(res.statusCode).toBe(200);
    const list = res.json();
    const names = list.notifications.map((n: { childPseudonym: string }) => n.childPseudonym);
    expect(names).toContain('Child Listed');
    expect(names).not.toContain('Child Hidden');
    const listed = list.notifications.find((n: { id: string }) => n.id === mine.id);
    expect(listed.rapidReview).toMatchObject({
      id: review.id,
      status: 'gathering',
      statusLabel: 'Gathering information',
    });
    expect(listed.deadline).toMatchObject({ date: '2026-04-13', overdue: true });
    expect(listed.abilities.startRapidReview).toBe(false);
    expect(list.abilities).toEqual({ create: true, manageCalendar: true });
  });
});

describe('GET notifications/:id (getNotification)', () => {
  it('401, 404 across partnerships, 403 to a member, 200 with abilities', async () => {
    const n = await givenNotification(t, w.pid);
    await expectIntakeGuarded(t, w, 'GET', `${url()}/${n.id}`);
    const res = await call(t, w.admin, 'GET', `${url()}/${n.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: n.id, abilities: { update: true, startRapidReview: true } });
  });

  it('404 for a notification of another partnership addressed through this one', async () => {
    const foreign = await givenNotification(t, w.otherPid);
    expect((await call(t, w.manager, 'GET', `${url()}/${foreign.id}`)).statusCode).toBe(404);
    expect((await call(t, w.manager, 'GET', `${url()}/not-an-id`)).statusCode).toBe(404);
  });
});

describe('PATCH notifications/:id (updateNotification)', () => {
  it('401, 404, 403, 400 with field names, 409 when stale, 200 with an audit row', async () => {
    const n = await givenNotification(t, w.pid);
    const one = `${url()}/${n.id}`;
    await expectIntakeGuarded(t, w, 'PATCH', one, { reference: 'X', version: 1 });
    const bad = await call(t, w.manager, 'PATCH', one, { submittedDate: 'soon', outcome: 'lost' });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad).sort()).toEqual(['outcome', 'submittedDate', 'version']);

    const sent = await call(t, w.manager, 'PATCH', one, {
      submittedDate: '2026-04-08',
      recipients: ['national_panel', 'ofsted', 'dfe'],
      reference: 'SIN-2026-014',
      version: 1,
    });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'sent',
      version: 2,
      deadline: { date: '2026-04-13', overdue: false, doneDate: '2026-04-08', late: false },
    });

    const stale = await call(t, w.admin, 'PATCH', one, { reference: 'Overwritten', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      details: { current: { reference: 'SIN-2026-014', version: 2 } },
    });
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, n.id));
    expect(row!.reference).toBe('SIN-2026-014');
    const audit = await auditRows(t, n.id, 'notification.updated');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ changed: ['submittedDate', 'recipients', 'reference'], version: 2 });
  });

  it('checks the dates as they would be after the change, and moves the due date with the aware date', async () => {
    const n = await givenNotification(t, w.pid);
    const one = `${url()}/${n.id}`;
    const early = await call(t, w.manager, 'PATCH', one, { awareDate: '2026-03-31', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(fieldPaths(early)).toEqual(['awareDate']);
    // Aware Wednesday 22 April 2026: due Wednesday 29 April.
    const moved = await call(t, w.manager, 'PATCH', one, { awareDate: '2026-04-22', version: 1 });
    expect(moved.json().deadline.date).toBe('2026-04-29');
  });

  it('moves an open rapid review’s due date when the notification’s sent date is recorded', async () => {
    const n = await givenNotification(t, w.pid);
    const review = await givenRapidReview(t, n);
    const res = await call(t, w.manager, 'PATCH', `${url()}/${n.id}`, {
      submittedDate: '2026-04-09',
      recipients: ['national_panel'],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    // 15 working days after Thursday 9 April 2026.
    expect(res.json().rapidReview).toMatchObject({ id: review.id, deadline: { date: '2026-04-30' } });
  });
});
