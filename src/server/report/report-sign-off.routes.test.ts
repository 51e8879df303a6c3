import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { auditEvents, reportSignOffs } from '../db/schema/index.ts';
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
import { givenReportVersion, reportUrl } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const as = {} as Record<ReviewRole | 'noRole' | 'outsider' | 'manager', Session>;

const versionUrl = (n: number) => `${url}/versions/${n}`;
const signOffUrl = (n: number) => `${versionUrl(n)}/sign-offs`;
const approve = (step: number) => ({ step, outcome: 'approved' });
const signOffEvents = (versionId: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, versionId), eq(auditEvents.action, 'report.signed_off')))
    .orderBy(asc(auditEvents.seq));

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
    'board_member',
  ];
  for (const role of roles)
    as[role] = (await signedInWithRole(t, review, role, { name: `A ${role}` })).session;
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.manager = await signInAs(
    t,
    (await givenMember(t, pid, 'business_manager', { name: 'A manager' })).email,
  );
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
});
afterAll(() => t.close());

describe('who may record sign-off', () => {
  let n: number;
  beforeAll(async () => {
    n = (await givenReportVersion(t, review, { publishable: true, circulatedTo: ['case_group'] })).number;
  });

  it('refuses anonymous requests, and hides the version from other partnerships, non-members and the board', async () => {
    expect((await call(t, null, 'POST', signOffUrl(n), approve(0))).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole, as.board_member])
      expect((await call(t, who, 'POST', signOffUrl(n), approve(0))).statusCode).toBe(404);
  });

  it('refuses everyone but the lead reviewers, the business manager and the chair (403)', async () => {
    for (const role of ['trainee_reviewer', 'supervisor', 'review_team_member', 'case_group_member'] as const)
      expect((await call(t, as[role], 'POST', signOffUrl(n), approve(0))).statusCode).toBe(403);
  });

  it('refuses an unknown outcome, a step that is not a number, and changes requested without a note, naming the field', async () => {
    const fieldsOf = async (input: object) => {
      const r = await call(t, as.lead_reviewer, 'POST', signOffUrl(n), input);
      expect(r.statusCode).toBe(400);
      return r.json().error.details.fields.map((f: { path: string }) => f.path);
    };
    expect(await fieldsOf({ step: 0, outcome: 'maybe' })).toEqual(['outcome']);
    expect(await fieldsOf({ step: -1, outcome: 'approved' })).toEqual(['step']);
    expect(await fieldsOf({ step: 0, outcome: 'changes_requested', note: ' ' })).toEqual(['note']);
    expect(
      await t.database.db.select().from(reportSignOffs).where(eq(reportSignOffs.reviewId, review.id)),
    ).toEqual([]);
  });
});

describe('the sign-off chain', () => {
  it('refuses a version that is not publishable (409)', async () => {
    const { number } = await givenReportVersion(t, review);
    const r = await call(t, as.lead_reviewer, 'POST', signOffUrl(number), approve(0));
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      message: 'Mark this version publishable before it is signed off.',
      details: { reason: 'not_publishable' },
    });
  });

  it('records each step in order, refuses a wrong step with the version as it is, and signs off after the last', async () => {
    const version = await givenReportVersion(t, review, { publishable: true });
    const n = version.number;
    let r = await call(t, as.lead_reviewer, 'POST', signOffUrl(n), {
      ...approve(0),
      note: 'Ready for the team',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      signOffStatus: 'in_progress',
      signOffs: [
        {
          step: 0,
          stepLabel: 'Lead reviewers',
          outcome: 'approved',
          outcomeLabel: 'Approved',
          note: 'Ready for the team',
          byName: 'A lead_reviewer',
        },
      ],
      nextSignOffStep: { step: 1, label: 'Review team' },
    });

    for (const step of [0, 2]) {
      r = await call(t, as.chair, 'POST', signOffUrl(n), approve(step));
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('stale_version');
      expect(r.json().error.message).toMatch(/^The next step to record is “Review team”/);
      expect(r.json().error.details.current).toMatchObject({ number: n, nextSignOffStep: { step: 1 } });
    }

    expect((await call(t, as.chair, 'POST', signOffUrl(n), approve(1))).statusCode).toBe(201);
    expect((await call(t, as.board_member, 'GET', versionUrl(n))).statusCode).toBe(404);
    r = await call(t, as.manager, 'POST', signOffUrl(n), approve(2));
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ signOffStatus: 'signed_off', nextSignOffStep: null });
    expect(r.json().signOffs.map((s: { byName: string }) => s.byName)).toEqual([
      'A lead_reviewer',
      'A chair',
      'A manager',
    ]);

    r = await call(t, as.lead_reviewer, 'POST', signOffUrl(n), approve(3));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('This version has already been signed off at every step.');

    // Signed off, the version may be read by everyone in the review, board members included.
    const board = await call(t, as.board_member, 'GET', versionUrl(n));
    expect(board.statusCode).toBe(200);
    expect(board.json().signOffStatus).toBe('signed_off');

    const events = await signOffEvents(version.id);
    expect(events.map((e) => e.details)).toEqual([
      { reviewId: review.id, versionNumber: n, step: 0, label: 'Lead reviewers', outcome: 'approved' },
      { reviewId: review.id, versionNumber: n, step: 1, label: 'Review team', outcome: 'approved' },
      {
        reviewId: review.id,
        versionNumber: n,
        step: 2,
        label: 'Safeguarding partners',
        outcome: 'approved',
        signedOff: true,
      },
    ]);
  });

  it('stops the chain when changes are requested', async () => {
    const version = await givenReportVersion(t, review, { publishable: true });
    const n = version.number;
    expect((await call(t, as.lead_reviewer, 'POST', signOffUrl(n), approve(0))).statusCode).toBe(201);
    let r = await call(t, as.chair, 'POST', signOffUrl(n), {
      step: 1,
      outcome: 'changes_requested',
      note: 'The findings need the agencies’ comments first.',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      signOffStatus: 'changes_requested',
      signOffStatusLabel: 'Changes requested',
      nextSignOffStep: null,
      abilities: { signOff: false },
    });
    expect(r.json().signOffs[1]).toMatchObject({ outcomeLabel: 'Changes requested', byName: 'A chair' });
    r = await call(t, as.chair, 'POST', signOffUrl(n), approve(2));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toMatch(/^Changes were requested for this version/);
    expect((await call(t, as.board_member, 'GET', versionUrl(n))).statusCode).toBe(404);
    expect((await signOffEvents(version.id)).map((e) => (e.details as { outcome: string }).outcome)).toEqual([
      'approved',
      'changes_requested',
    ]);
  });

  it('follows the chain the terms of reference name', async () => {
    const own = await givenReview(t, review.partnershipId, { signOffChain: ['Independent scrutineer'] });
    const lead = (await signedInWithRole(t, own, 'lead_reviewer')).session;
    const version = await givenReportVersion(t, own, { publishable: true });
    const r = await call(
      t,
      lead,
      'POST',
      `${reportUrl(own)}/versions/${version.number}/sign-offs`,
      approve(0),
    );
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      signOffStatus: 'signed_off',
      signOffs: [{ stepLabel: 'Independent scrutineer' }],
    });
  });
});
