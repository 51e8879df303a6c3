import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, draftRequests } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenDraftRequest, givenQualityAssessment } from './testing.ts';

let t: TestApp;
let pid: string;
let overdue: Awaited<ReturnType<typeof givenReview>>;
let onTrack: Awaited<ReturnType<typeof givenReview>>;
let elsewhere: Awaited<ReturnType<typeof givenReview>>;
let monitoringUrl: string;
let draftsUrl: string;
let admin: Session;
let manager: Session;
let member: Session;
let outsider: Session;
const inReview = {} as Record<
  'business_manager' | 'lead_reviewer' | 'board_member' | 'case_group_member',
  Session
>;

const audits = (action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnershipId, pid), eq(auditEvents.action, action)));
const requestsOf = (reviewId: string) =>
  t.database.db.select().from(draftRequests).where(eq(draftRequests.reviewId, reviewId));

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  overdue = await givenReview(t, pid, {
    title: 'Child M',
    stage: 'drafting',
    targetPublicationDate: '2026-03-01',
  });
  onTrack = await givenReview(t, pid, { title: 'Child N', targetPublicationDate: '2099-03-01' });
  await givenReview(t, pid, { title: 'Child O', stage: 'closed', targetPublicationDate: '2025-01-01' });
  elsewhere = await givenReview(t, other.id, { title: 'Child P' });
  await givenQualityAssessment(t, overdue, 1);
  await givenQualityAssessment(t, overdue, 8, { rating: 'red' });
  await givenQualityAssessment(t, overdue, 9, { rating: null });
  await givenQualityAssessment(t, elsewhere, 1);
  await givenDraftRequest(t, overdue, {
    requestedOn: '2026-01-05',
    dueOn: '2026-01-20',
    receivedOn: '2026-01-19',
  });
  await givenDraftRequest(t, overdue);
  monitoringUrl = `/api/partnerships/${pid}/monitoring`;
  draftsUrl = `/api/partnerships/${pid}/reviews/${overdue.id}/draft-requests`;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager', { name: 'Sam Manager' })).email);
  member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  for (const role of ['business_manager', 'lead_reviewer', 'board_member', 'case_group_member'] as const)
    inReview[role] = (await signedInWithRole(t, overdue, role)).session;
});
afterAll(() => t.close());

describe('monitoring the partnership’s reviews', () => {
  it('is for the partnership’s admins and business managers only', async () => {
    expect((await call(t, null, 'GET', monitoringUrl)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', monitoringUrl)).statusCode).toBe(404);
    for (const who of [member, inReview.business_manager, inReview.lead_reviewer])
      expect((await call(t, who, 'GET', monitoringUrl)).statusCode).toBe(403);
    expect((await call(t, admin, 'GET', monitoringUrl)).statusCode).toBe(200);
  });

  it('lists the partnership’s open reviews only, the most pressing target first', async () => {
    const r = await call(t, manager, 'GET', monitoringUrl);
    expect(r.statusCode).toBe(200);
    expect(r.json().reviews.map((row: { title: string }) => row.title)).toEqual(['Child M', 'Child N']);
  });

  it('shows each review’s dates, deadlines missed and to come, quality ratings and latest draft request', async () => {
    const { reviews, totals } = (await call(t, manager, 'GET', monitoringUrl)).json();
    expect(reviews[0]).toMatchObject({
      reviewId: overdue.id,
      stage: 'drafting',
      stageLabel: 'Drafting the report',
      initiatedDate: '2026-09-01',
      targetPublicationDate: '2026-03-01',
      overdueDeadlines: ['Publication', 'Draft requested on 2 March 2026'],
      nextDeadline: null,
      quality: { green: 1, amber: 0, red: 1, notAssessed: 16 },
      latestDraftRequest: {
        requestedOn: '2026-03-02',
        dueOn: '2026-03-16',
        receivedOn: null,
        note: 'The first full draft, for the board in April',
      },
    });
    expect(reviews[0].daysToTarget).toBeLessThan(0);
    expect(reviews[1]).toMatchObject({
      reviewId: onTrack.id,
      overdueDeadlines: [],
      nextDeadline: { label: 'Publication', dueOn: '2099-03-01' },
      quality: { green: 0, amber: 0, red: 0, notAssessed: 18 },
      latestDraftRequest: null,
    });
    expect(reviews[1].daysToTarget).toBeGreaterThan(0);
    expect(totals).toEqual({ green: 1, amber: 0, red: 1, notAssessed: 34 });
  });
});

describe('the list of requests for a draft', () => {
  it('refuses anonymous requests (401) and hides the review from those who cannot see it (404)', async () => {
    expect((await call(t, null, 'GET', draftsUrl)).statusCode).toBe(401);
    for (const who of [outsider, member]) expect((await call(t, who, 'GET', draftsUrl)).statusCode).toBe(404);
  });

  it('refuses the case group (403), and shows the board the requests without the right to record', async () => {
    expect((await call(t, inReview.case_group_member, 'GET', draftsUrl)).statusCode).toBe(403);
    const r = await call(t, inReview.board_member, 'GET', draftsUrl);
    expect(r.statusCode).toBe(200);
    expect(r.json().abilities).toEqual({ record: false });
    expect(r.json().requests.map((q: { requestedOn: string }) => q.requestedOn)).toEqual([
      '2026-03-02',
      '2026-01-05',
    ]);
    expect((await call(t, admin, 'GET', draftsUrl)).json().abilities).toEqual({ record: true });
  });
});

describe('recording a request for a draft', () => {
  const request = {
    requestedOn: '2026-05-04',
    dueOn: '2026-05-18',
    note: 'Please include the family’s comments',
  };

  it('is for the partnership’s admins and business managers, whatever anyone’s role in the review', async () => {
    expect((await call(t, null, 'POST', draftsUrl, request)).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', draftsUrl, request)).statusCode).toBe(404);
    expect((await call(t, member, 'POST', draftsUrl, request)).statusCode).toBe(404);
    for (const who of Object.values(inReview))
      expect((await call(t, who, 'POST', draftsUrl, request)).statusCode).toBe(403);
    expect(await requestsOf(overdue.id)).toHaveLength(2);
    expect(await audits('draft_request.recorded')).toEqual([]);
  });

  it('records it, audited with its dates but not the note', async () => {
    const r = await call(t, manager, 'POST', draftsUrl, request);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ ...request, receivedOn: null, requestedByName: 'Sam Manager' });
    const [audit] = await audits('draft_request.recorded');
    expect(audit).toMatchObject({
      actorUserId: manager.userId,
      entityType: 'draft_request',
      entityId: r.json().id,
      details: { reviewId: overdue.id, requestedOn: '2026-05-04', dueOn: '2026-05-18' },
    });
    expect(JSON.stringify(audit?.details)).not.toContain('comments');
    const latest = (await call(t, admin, 'GET', monitoringUrl)).json().reviews[0].latestDraftRequest;
    expect(latest).toMatchObject({ id: r.json().id });
  });

  it('needs real dates: the request today or earlier, the draft due no earlier than the request (400)', async () => {
    const refused = async (body: Record<string, unknown>) => {
      const r = await call(t, admin, 'POST', draftsUrl, body);
      expect(r.statusCode).toBe(400);
      return r.json().error.details.fields;
    };
    expect(await refused({ requestedOn: '2026-02-30' })).toEqual([
      { path: 'requestedOn', message: 'Enter the date of the request as a real date, like 2027-03-02' },
    ]);
    expect(await refused({ requestedOn: '2099-01-04', dueOn: '2099-01-01' })).toEqual([
      { path: 'requestedOn', message: 'The date of the request must be today or in the past' },
      {
        path: 'dueOn',
        message: 'The date the draft is due must be on or after the date of the request, 4 January 2099',
      },
    ]);
    expect(await audits('draft_request.recorded')).toHaveLength(1);
  });
});

describe('recording that a requested draft arrived', () => {
  let requestId: string;
  const receivedUrl = (id: string) => `${draftsUrl}/${id}/received`;
  beforeAll(async () => {
    requestId = (await givenDraftRequest(t, overdue, { requestedOn: '2026-06-01', dueOn: null })).id;
  });

  it('is for the partnership’s admins and business managers, for this review’s requests only', async () => {
    const body = { receivedOn: '2026-06-10' };
    expect((await call(t, null, 'POST', receivedUrl(requestId), body)).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', receivedUrl(requestId), body)).statusCode).toBe(404);
    for (const who of Object.values(inReview))
      expect((await call(t, who, 'POST', receivedUrl(requestId), body)).statusCode).toBe(403);
    expect((await call(t, admin, 'POST', receivedUrl(crypto.randomUUID()), body)).statusCode).toBe(404);
    const other = await givenDraftRequest(t, onTrack);
    expect((await call(t, admin, 'POST', receivedUrl(other.id), body)).statusCode).toBe(404);
    expect(await audits('draft_request.received')).toEqual([]);
  });

  it('needs the day it arrived: on or after the request, not in the future (400)', async () => {
    for (const [receivedOn, message] of [
      ['2026-05-31', 'The date the draft arrived must be on or after the date it was requested, 1 June 2026'],
      ['2099-01-01', 'The date the draft arrived must be today or in the past'],
      ['soon', 'Enter the date the draft arrived as a real date, like 2027-03-10'],
    ]) {
      const r = await call(t, manager, 'POST', receivedUrl(requestId), { receivedOn });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.details.fields).toEqual([{ path: 'receivedOn', message }]);
    }
  });

  it('records it, audited with the date', async () => {
    const r = await call(t, manager, 'POST', receivedUrl(requestId), { receivedOn: '2026-06-10' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: requestId, receivedOn: '2026-06-10' });
    const rows = await t.database.db
      .select()
      .from(draftRequests)
      .where(inArray(draftRequests.id, [requestId]));
    expect(rows[0]?.receivedOn).toBe('2026-06-10');
    const [audit] = await audits('draft_request.received');
    expect(audit).toMatchObject({
      actorUserId: manager.userId,
      entityId: requestId,
      details: { reviewId: overdue.id, receivedOn: '2026-06-10' },
    });
  });
});
