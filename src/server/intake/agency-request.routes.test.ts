import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencies, meetings } from '../db/schema/index.ts';
import { call, createTestApp, givenAgency, type TestApp } from '../testing/harness.ts';
import {
  auditRows,
  expectIntakeGuarded,
  fieldPaths,
  givenAgencyRequest,
  givenIntakeWorld,
  givenNotification,
  givenRapidReview,
} from './intake.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof givenIntakeWorld>>;
const reviewUrl = (id: string) => `/api/partnerships/${w.pid}/rapid-reviews/${id}`;
const givenReview = async () => givenRapidReview(t, await givenNotification(t, w.pid));

beforeAll(async () => {
  t = await createTestApp();
  w = await givenIntakeWorld(t);
});
afterAll(() => t.close());

describe('POST rapid-reviews/:id/agency-requests (addRapidReviewAgencyRequest)', () => {
  it('401, 404 across partnerships, 403 to a member', async () => {
    const review = await givenReview();
    const agency = await givenAgency(t, w.pid);
    await expectIntakeGuarded(t, w, 'POST', `${reviewUrl(review.id)}/agency-requests`, {
      agencyId: agency.id,
    });
    const foreign = await givenRapidReview(t, await givenNotification(t, w.otherPid));
    const res = await call(t, w.manager, 'POST', `${reviewUrl(foreign.id)}/agency-requests`, {
      agencyId: agency.id,
    });
    expect(res.statusCode).toBe(404);
  });

  it('400 naming agencyId for no agency, another partnership’s, an inactive one, or one already asked', async () => {
    const review = await givenReview();
    const url = `${reviewUrl(review.id)}/agency-requests`;
    const none = await call(t, w.manager, 'POST', url, {});
    expect(none.json().error.details.fields).toEqual([{ path: 'agencyId', message: 'Select an agency' }]);
    const foreign = await givenAgency(t, w.otherPid);
    const other = await call(t, w.manager, 'POST', url, { agencyId: foreign.id });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details.fields).toEqual([
      { path: 'agencyId', message: 'Select an agency in this partnership' },
    ]);
    const retired = await givenAgency(t, w.pid, 'Retired Agency');
    await t.database.db.update(agencies).set({ active: false }).where(eq(agencies.id, retired.id));
    expect(fieldPaths(await call(t, w.manager, 'POST', url, { agencyId: retired.id }))).toEqual(['agencyId']);
    const police = await givenAgency(t, w.pid, 'Asked Twice Police');
    expect((await call(t, w.manager, 'POST', url, { agencyId: police.id })).statusCode).toBe(201);
    const twice = await call(t, w.admin, 'POST', url, { agencyId: police.id });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.fields).toEqual([
      { path: 'agencyId', message: 'Asked Twice Police has already been asked for a summary' },
    ]);
    expect(
      fieldPaths(
        await call(t, w.manager, 'POST', url, { agencyId: retired.id, requestedDate: '2099-01-01' }),
      ),
    ).toEqual(['agencyId']);
  });

  it('201 asked today by default, with an audit row', async () => {
    const review = await givenReview();
    const agency = await givenAgency(t, w.pid, 'Northbrook Health');
    const res = await call(t, w.manager, 'POST', `${reviewUrl(review.id)}/agency-requests`, {
      agencyId: agency.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      agencyId: agency.id,
      agencyName: 'Northbrook Health',
      repliedDate: null,
      version: 1,
      abilities: { update: true },
    });
    expect(res.json().requestedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await auditRows(t, res.json().id, 'rapid_review.agency_asked')).toHaveLength(1);
    const shown = await call(t, w.manager, 'GET', reviewUrl(review.id));
    expect(shown.json()).toMatchObject({
      agencies: { asked: 1, replied: 0 },
      agencyRequests: [{ agencyName: 'Northbrook Health' }],
    });
  });
});

describe('PATCH rapid-reviews/:id/agency-requests/:requestId (updateRapidReviewAgencyRequest)', () => {
  it('401, 404, 403, 400 with field names, 409 when stale, 200 with an audit row', async () => {
    const review = await givenReview();
    const request = await givenAgencyRequest(t, review, (await givenAgency(t, w.pid)).id);
    const url = `${reviewUrl(review.id)}/agency-requests/${request.id}`;
    await expectIntakeGuarded(t, w, 'PATCH', url, { repliedDate: '2026-04-10', version: 1 });
    const bad = await call(t, w.manager, 'PATCH', url, { repliedDate: '10 April' });
    expect(fieldPaths(bad).sort()).toEqual(['repliedDate', 'version']);
    const before = await call(t, w.manager, 'PATCH', url, { repliedDate: '2026-04-06', version: 1 });
    expect(before.json().error.details.fields).toEqual([
      {
        path: 'repliedDate',
        message: 'Date the agency replied must be the same as or after the date the agency was asked',
      },
    ]);
    const ok = await call(t, w.manager, 'PATCH', url, {
      repliedDate: '2026-04-10',
      notes: 'Chronology attached',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ repliedDate: '2026-04-10', notes: 'Chronology attached', version: 2 });
    const stale = await call(t, w.admin, 'PATCH', url, { repliedDate: null, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ repliedDate: '2026-04-10', version: 2 });
    const audit = await auditRows(t, request.id, 'rapid_review.agency_request_updated');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ changed: ['repliedDate', 'notes'], replied: true, version: 2 });
  });

  it('404 for a request addressed through another rapid review', async () => {
    const review = await givenReview();
    const request = await givenAgencyRequest(t, review, (await givenAgency(t, w.pid)).id);
    const otherReview = await givenReview();
    const res = await call(
      t,
      w.manager,
      'PATCH',
      `${reviewUrl(otherReview.id)}/agency-requests/${request.id}`,
      {
        repliedDate: '2026-04-10',
        version: 1,
      },
    );
    expect(res.statusCode).toBe(404);
  });
});

describe('POST rapid-reviews/:id/meetings (scheduleRapidReviewMeeting)', () => {
  const meeting = {
    title: 'Rapid review meeting',
    startsAt: '2026-04-21T10:00:00+01:00',
    durationMinutes: 90,
    location: 'Online',
    agenda: 'Agency summaries; decision',
  };

  it('401, 404, 403, 400 with field names, 201 on the meetings table with an audit row', async () => {
    const review = await givenReview();
    const url = `${reviewUrl(review.id)}/meetings`;
    await expectIntakeGuarded(t, w, 'POST', url, meeting);
    const bad = await call(t, w.manager, 'POST', url, { title: '', startsAt: 'Tuesday', durationMinutes: 5 });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad).sort()).toEqual(['durationMinutes', 'startsAt', 'title']);
    const res = await call(t, w.manager, 'POST', url, meeting);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'rapid_review',
      kindLabel: 'Rapid review meeting',
      startsAt: '2026-04-21T09:00:00.000Z',
      durationMinutes: 90,
      notes: null,
    });
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, res.json().id));
    expect(row).toMatchObject({ rapidReviewId: review.id, reviewId: null, partnershipId: w.pid });
    expect(await auditRows(t, row!.id, 'rapid_review.meeting_scheduled')).toHaveLength(1);
    expect((await call(t, w.manager, 'GET', reviewUrl(review.id))).json().meetings).toHaveLength(1);
  });
});
