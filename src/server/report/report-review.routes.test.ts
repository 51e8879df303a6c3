import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents, reportCirculations } from '../db/schema/index.ts';
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
import { givenCirculation, givenReportComment } from './review-testing.ts';
import { givenReportVersion, reportUrl } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const as = {} as Record<ReviewRole | 'noRole' | 'outsider' | 'manager', Session>;

const audited = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
const versionUrl = (n: number) => `${url}/versions/${n}`;
const dayOffset = (days: number) => londonDate(new Date(Date.now() + days * 86_400_000));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  url = reportUrl(review);
  const roles: ReviewRole[] = [
    'lead_reviewer',
    'trainee_reviewer',
    'supervisor',
    'review_team_member',
    'chair',
    'case_group_member',
    'family_member',
    'board_member',
  ];
  for (const role of roles)
    as[role] = (await signedInWithRole(t, review, role, { name: `A ${role}` })).session;
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('circulating a version for comment', () => {
  let n: number;
  beforeAll(async () => {
    n = (await givenReportVersion(t, review)).number;
  });
  const body = () => ({
    audience: 'case_group',
    closesOn: dayOffset(14),
    note: 'Comments by the date, please',
  });

  it('refuses anonymous requests, and hides the version from other partnerships, non-members and drafts they may not read', async () => {
    expect((await call(t, null, 'POST', `${versionUrl(n)}/circulations`, body())).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole, as.case_group_member, as.board_member])
      expect((await call(t, who, 'POST', `${versionUrl(n)}/circulations`, body())).statusCode).toBe(404);
    expect(
      (await call(t, as.lead_reviewer, 'POST', `${versionUrl(999)}/circulations`, body())).statusCode,
    ).toBe(404);
  });

  it('refuses the review team side other than the lead reviewers and the business manager (403)', async () => {
    for (const role of ['trainee_reviewer', 'supervisor', 'review_team_member', 'chair'] as const)
      expect((await call(t, as[role], 'POST', `${versionUrl(n)}/circulations`, body())).statusCode).toBe(403);
  });

  it('refuses an unknown audience, a date that is not a date and a closing date already past, naming the field', async () => {
    const fields = async (input: object) => {
      const r = await call(t, as.lead_reviewer, 'POST', `${versionUrl(n)}/circulations`, input);
      expect(r.statusCode).toBe(400);
      return r.json().error.details.fields.map((f: { path: string }) => f.path);
    };
    expect(await fields({ ...body(), audience: 'everyone' })).toEqual(['audience']);
    expect(await fields({ ...body(), closesOn: 'next week' })).toEqual(['closesOn']);
    expect(await fields({ ...body(), closesOn: dayOffset(-1) })).toEqual(['closesOn']);
    const stored = await t.database.db
      .select()
      .from(reportCirculations)
      .where(eq(reportCirculations.reviewId, review.id));
    expect(stored).toHaveLength(0);
  });

  it('opens a round for the audience, audited, and refuses a second open round for the same audience (409)', async () => {
    const r = await call(t, as.lead_reviewer, 'POST', `${versionUrl(n)}/circulations`, {
      ...body(),
      closesOn: dayOffset(0),
    });
    expect(r.statusCode).toBe(201);
    const version = r.json();
    expect(version.circulatedTo).toEqual(['case_group']);
    const [round] = version.circulations;
    expect(round).toMatchObject({
      audience: 'case_group',
      audienceLabel: 'The case group',
      note: 'Comments by the date, please',
      closesOn: dayOffset(0),
      openedByName: 'A lead_reviewer',
      closedAt: null,
      comments: [],
      abilities: { comment: true, close: true },
    });
    const [event] = await audited(round.id, 'report.circulated');
    expect(event?.details).toMatchObject({
      audience: 'case_group',
      closesOn: dayOffset(0),
      versionNumber: n,
    });

    const again = await call(t, as.manager, 'POST', `${versionUrl(n)}/circulations`, body());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already out for comment with the case group/);
    const family = await call(t, as.manager, 'POST', `${versionUrl(n)}/circulations`, {
      ...body(),
      audience: 'family',
    });
    expect(family.statusCode).toBe(201);
    expect(family.json().circulatedTo.sort()).toEqual(['case_group', 'family']);
  });
});

describe('closing a round', () => {
  let n: number;
  let roundId: string;
  let elsewhere: string;
  beforeAll(async () => {
    const version = await givenReportVersion(t, review);
    n = version.number;
    roundId = (await givenCirculation(t, review, version.id)).id;
    const another = await givenReportVersion(t, review);
    elsewhere = (await givenCirculation(t, review, another.id)).id;
  });
  const closeUrl = (id: string) => `${versionUrl(n)}/circulations/${id}/close`;

  it('refuses anonymous requests, other partnerships and people who do not circulate', async () => {
    expect((await call(t, null, 'POST', closeUrl(roundId))).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'POST', closeUrl(roundId))).statusCode).toBe(404);
    expect((await call(t, as.noRole, 'POST', closeUrl(roundId))).statusCode).toBe(404);
    expect((await call(t, as.trainee_reviewer, 'POST', closeUrl(roundId))).statusCode).toBe(403);
    // The case group reads the version circulated to them, but does not close the round.
    expect((await call(t, as.case_group_member, 'POST', closeUrl(roundId))).statusCode).toBe(403);
    expect((await call(t, as.lead_reviewer, 'POST', closeUrl(elsewhere))).statusCode).toBe(404);
    expect((await call(t, as.lead_reviewer, 'POST', closeUrl('not-an-id'))).statusCode).toBe(404);
  });

  it('closes the round once, audited; closing it again changes nothing', async () => {
    const r = await call(t, as.lead_reviewer, 'POST', closeUrl(roundId));
    expect(r.statusCode).toBe(200);
    const round = r.json().circulations[0];
    expect(round.closedAt).not.toBeNull();
    expect(round.abilities).toEqual({ comment: false, close: false });
    const again = await call(t, as.manager, 'POST', closeUrl(roundId));
    expect(again.statusCode).toBe(200);
    expect(again.json().circulations[0].closedAt).toBe(round.closedAt);
    expect(await audited(roundId, 'report.circulation_closed')).toHaveLength(1);
    // Once closed, the same audience can have a new round.
    const next = await call(t, as.lead_reviewer, 'POST', `${versionUrl(n)}/circulations`, {
      audience: 'case_group',
      closesOn: dayOffset(7),
    });
    expect(next.statusCode).toBe(201);
  });
});

describe('resolving comments', () => {
  let n: number;
  let commentId: string;
  let elsewhere: string;
  beforeAll(async () => {
    const version = await givenReportVersion(t, review);
    n = version.number;
    const round = await givenCirculation(t, review, version.id);
    const cg = await signedInWithRole(t, review, 'case_group_member');
    commentId = (await givenReportComment(t, review, round.id, cg.user.id)).id;
    const another = await givenReportVersion(t, review);
    const otherRound = await givenCirculation(t, review, another.id);
    elsewhere = (await givenReportComment(t, review, otherRound.id, cg.user.id)).id;
  });
  const resolveUrl = (id: string) => `${versionUrl(n)}/comments/${id}/resolve`;
  const changed = { resolution: 'changed' };

  it('refuses anonymous requests, other partnerships and people who do not edit the report', async () => {
    expect((await call(t, null, 'POST', resolveUrl(commentId), changed)).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'POST', resolveUrl(commentId), changed)).statusCode).toBe(404);
    expect((await call(t, as.noRole, 'POST', resolveUrl(commentId), changed)).statusCode).toBe(404);
    for (const role of ['supervisor', 'review_team_member', 'chair', 'case_group_member'] as const)
      expect((await call(t, as[role], 'POST', resolveUrl(commentId), changed)).statusCode).toBe(403);
    expect((await call(t, as.lead_reviewer, 'POST', resolveUrl(elsewhere), changed)).statusCode).toBe(404);
  });

  it('refuses an unknown resolution, and not changing the report without a response, naming the field', async () => {
    let r = await call(t, as.lead_reviewer, 'POST', resolveUrl(commentId), { resolution: 'ignored' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].path).toBe('resolution');
    r = await call(t, as.lead_reviewer, 'POST', resolveUrl(commentId), {
      resolution: 'not_changed',
      response: ' ',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'response', message: 'Say why the report is not changed' },
    ]);
  });

  it('records how the comment was dealt with, audited, and lets it be resolved again', async () => {
    let r = await call(t, as.trainee_reviewer, 'POST', resolveUrl(commentId), changed);
    expect(r.statusCode).toBe(200);
    let comment = r.json().circulations[0].comments[0];
    expect(comment).toMatchObject({
      id: commentId,
      sectionTitle: 'A short summary of the case',
      resolution: 'changed',
      resolutionLabel: 'Changed in the report',
      response: null,
      resolvedByName: 'A trainee_reviewer',
      abilities: { resolve: false },
    });
    r = await call(t, as.lead_reviewer, 'POST', resolveUrl(commentId), {
      resolution: 'not_changed',
      response: 'The records show the visit was in April.',
    });
    expect(r.statusCode).toBe(200);
    comment = r.json().circulations[0].comments[0];
    expect(comment).toMatchObject({
      resolution: 'not_changed',
      response: 'The records show the visit was in April.',
      resolvedByName: 'A lead_reviewer',
    });
    const events = await audited(commentId, 'report.comment_resolved');
    expect(events.map((e) => e.details)).toEqual([
      { reviewId: review.id, versionNumber: n, resolution: 'changed' },
      { reviewId: review.id, versionNumber: n, resolution: 'not_changed', previously: 'changed' },
    ]);
  });
});
