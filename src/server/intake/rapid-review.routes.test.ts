import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, givenAgency, givenReview, type TestApp } from '../testing/harness.ts';
import {
  auditRows,
  expectIntakeGuarded,
  fieldPaths,
  givenAgencyRequest,
  givenIntakeWorld,
  givenNotification,
  givenRapidReview,
} from './intake.fixtures.ts';
import { findRapidReviewForCommissioning } from './rapid-review.service.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof givenIntakeWorld>>;
const base = () => `/api/partnerships/${w.pid}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await givenIntakeWorld(t);
});
afterAll(() => t.close());

describe('POST notifications/:id/rapid-review (createRapidReview)', () => {
  it('401, 404 across partnerships, 403 to a member', async () => {
    const n = await givenNotification(t, w.pid);
    await expectIntakeGuarded(t, w, 'POST', `${base()}/notifications/${n.id}/rapid-review`, {});
    const foreign = await givenNotification(t, w.otherPid);
    expect(
      (await call(t, w.manager, 'POST', `${base()}/notifications/${foreign.id}/rapid-review`, {})).statusCode,
    ).toBe(404);
  });

  it('400 for a start date that is not a real date, is in the future or comes before the aware date', async () => {
    const n = await givenNotification(t, w.pid);
    const url = `${base()}/notifications/${n.id}/rapid-review`;
    const res = await call(t, w.manager, 'POST', url, { startedDate: '2026-13-01' });
    expect(res.json().error.details.fields).toEqual([
      { path: 'startedDate', message: 'Date the rapid review started must be a real date' },
    ]);
    expect(fieldPaths(await call(t, w.manager, 'POST', url, { startedDate: '2099-01-01' }))).toEqual([
      'startedDate',
    ]);
    expect(fieldPaths(await call(t, w.manager, 'POST', url, { startedDate: '2026-03-01' }))).toEqual([
      'startedDate',
    ]);
  });

  it('201 due 15 working days after the aware date until the notification is sent; 409 for a second', async () => {
    const n = await givenNotification(t, w.pid);
    const url = `${base()}/notifications/${n.id}/rapid-review`;
    const res = await call(t, w.manager, 'POST', url, { startedDate: '2026-04-03' });
    expect(res.statusCode).toBe(201);
    const review = res.json();
    // Aware Thursday 2 April 2026; Good Friday and Easter Monday skipped: due Monday 27 April.
    expect(review).toMatchObject({
      notificationId: n.id,
      startedDate: '2026-04-03',
      deadline: { label: 'Rapid review due', date: '2026-04-27', overdue: true },
      status: 'gathering',
      decision: null,
      agencyRequests: [],
      meetings: [],
      version: 1,
      reviewId: null,
      abilities: { update: true, askAgency: true, scheduleMeeting: true, commissionReview: false },
    });
    expect(await auditRows(t, review.id, 'rapid_review.started')).toHaveLength(1);
    const again = await call(t, w.admin, 'POST', url, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'conflict', details: { rapidReviewId: review.id } });
  });

  it('runs the clock from the day the notification was sent', async () => {
    const n = await givenNotification(t, w.pid, { submittedDate: '2026-04-09' });
    const res = await call(t, w.manager, 'POST', `${base()}/notifications/${n.id}/rapid-review`, {});
    expect(res.statusCode).toBe(201);
    expect(res.json().deadline.date).toBe('2026-04-30');
  });
});

describe('GET rapid-reviews (listRapidReviews)', () => {
  it('401, 404, 403; lists this partnership’s with due dates, decisions and agency counts', async () => {
    await expectIntakeGuarded(t, w, 'GET', `${base()}/rapid-reviews`);
    const n = await givenNotification(t, w.pid, { childPseudonym: 'Child Counted' });
    const review = await givenRapidReview(t, n);
    await givenAgencyRequest(t, review, (await givenAgency(t, w.pid)).id);
    const elsewhere = await givenRapidReview(t, await givenNotification(t, w.otherPid));
    const res = await call(t, w.manager, 'GET', `${base()}/rapid-reviews`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().rapidReviews.map((r: { id: string }) => r.id);
    expect(ids).toContain(review.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(res.json().rapidReviews.find((r: { id: string }) => r.id === review.id)).toMatchObject({
      childPseudonym: 'Child Counted',
      deadline: { date: '2026-04-27' },
      decision: null,
      agencies: { asked: 1, replied: 0 },
    });
  });
});

describe('GET rapid-reviews/:id (getRapidReview)', () => {
  it('401, 404 across partnerships, 403 to a member, 200 with requests and meetings', async () => {
    const review = await givenRapidReview(t, await givenNotification(t, w.pid));
    const url = `${base()}/rapid-reviews/${review.id}`;
    await expectIntakeGuarded(t, w, 'GET', url);
    const res = await call(t, w.admin, 'GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: review.id, agencyRequests: [], meetings: [] });
    const foreign = await givenRapidReview(t, await givenNotification(t, w.otherPid));
    expect((await call(t, w.manager, 'GET', `${base()}/rapid-reviews/${foreign.id}`)).statusCode).toBe(404);
  });
});

describe('PATCH rapid-reviews/:id (updateRapidReview)', () => {
  it('401, 404, 403, 400 with field names, 409 when stale, 200 with an audit row', async () => {
    const review = await givenRapidReview(t, await givenNotification(t, w.pid));
    const url = `${base()}/rapid-reviews/${review.id}`;
    await expectIntakeGuarded(t, w, 'PATCH', url, { immediateActions: 'x', version: 1 });

    const bad = await call(t, w.manager, 'PATCH', url, { decision: 'lcspr', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([
      { path: 'decisionRationale', message: 'Enter the reasons for the decision' },
      { path: 'decisionDate', message: 'Enter the date of the decision' },
    ]);
    const badEnum = await call(t, w.manager, 'PATCH', url, { decision: 'maybe', panelAgrees: 'yes' });
    expect(fieldPaths(badEnum).sort()).toEqual(['decision', 'panelAgrees', 'version']);

    const decided = await call(t, w.manager, 'PATCH', url, {
      immediateActions: 'Siblings seen; safety plan in place.',
      decision: 'lcspr',
      decisionRationale: 'Concerns about how agencies shared information about the baby.',
      decisionDate: '2026-04-20',
      version: 1,
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'decided',
      decision: 'lcspr',
      decisionLabel: 'Local child safeguarding practice review',
      version: 2,
      abilities: { commissionReview: true },
    });

    const stale = await call(t, w.admin, 'PATCH', url, { decision: 'no_further_review', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale_version',
      details: { current: { decision: 'lcspr', version: 2 } },
    });
    const audit = await auditRows(t, review.id, 'rapid_review.updated');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({
      changed: ['immediateActions', 'decision', 'decisionRationale', 'decisionDate'],
      version: 2,
      decision: 'lcspr',
    });
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Siblings');
  });

  it('keeps the panel’s reply in order: sent first, reply on or after, neither in the future', async () => {
    const review = await givenRapidReview(t, await givenNotification(t, w.pid));
    const url = `${base()}/rapid-reviews/${review.id}`;
    const replyFirst = await call(t, w.manager, 'PATCH', url, {
      panelResponseDate: '2026-04-28',
      version: 1,
    });
    expect(fieldPaths(replyFirst)).toEqual(['sentToPanelDate']);
    const backwards = await call(t, w.manager, 'PATCH', url, {
      sentToPanelDate: '2026-04-24',
      panelResponseDate: '2026-04-23',
      version: 1,
    });
    expect(fieldPaths(backwards)).toEqual(['panelResponseDate']);
    expect(
      fieldPaths(await call(t, w.manager, 'PATCH', url, { sentToPanelDate: '2099-04-24', version: 1 })),
    ).toEqual(['sentToPanelDate']);
    const sent = await call(t, w.manager, 'PATCH', url, { sentToPanelDate: '2026-04-24', version: 1 });
    expect(sent.json()).toMatchObject({
      status: 'sent_to_panel',
      deadline: { date: '2026-04-27', overdue: false, doneDate: '2026-04-24', late: false },
    });
    const replied = await call(t, w.manager, 'PATCH', url, {
      panelResponseDate: '2026-05-07',
      panelAgrees: true,
      panelResponse: 'The panel agrees a local review is the right response.',
      version: 2,
    });
    expect(replied.json()).toMatchObject({ status: 'panel_replied', panelAgrees: true, version: 3 });
  });
});

describe('findRapidReviewForCommissioning', () => {
  it('gives the decision and rationale within the partnership only', async () => {
    const n = await givenNotification(t, w.pid, { childPseudonym: 'Child Q' });
    const review = await givenRapidReview(t, n);
    await call(t, w.manager, 'PATCH', `${base()}/rapid-reviews/${review.id}`, {
      decision: 'lcspr',
      decisionRationale: 'Two or more agencies',
      decisionDate: '2026-04-20',
      version: 1,
    });
    expect(await findRapidReviewForCommissioning(t.database.db, w.pid, review.id)).toEqual({
      id: review.id,
      decision: 'lcspr',
      decisionRationale: 'Two or more agencies',
      decisionDate: '2026-04-20',
      childPseudonym: 'Child Q',
    });
    expect(await findRapidReviewForCommissioning(t.database.db, w.otherPid, review.id)).toBeNull();

    const commissioned = await givenReview(t, w.pid, { rapidReviewId: review.id });
    const shown = await call(t, w.manager, 'GET', `${base()}/rapid-reviews/${review.id}`);
    expect(shown.json()).toMatchObject({ reviewId: commissioned.id, abilities: { commissionReview: false } });
  });
});
