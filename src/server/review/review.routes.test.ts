import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  notifications,
  rapidReviews,
  researchQuestions,
  reviews,
  reviewTransitions,
} from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenParallelProcess,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';

let t: TestApp;
let pid: string;
let manager: Session;
let member: Session;
let outsider: Session;
let agencyIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  member = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  const other = await givenPartnership(t);
  outsider = await signInAs(t, (await givenMember(t, other.id, 'business_manager')).email);
  agencyIds = [
    (await givenAgency(t, pid)).id,
    (await givenAgency(t, pid)).id,
    (await givenAgency(t, pid)).id,
  ];
});
afterAll(() => t.close());

const base = () => `/api/partnerships/${pid}/reviews`;
const auditFor = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));

describe('POST reviews (commissionReview)', () => {
  const valid = { title: 'Child A', type: 'lcspr', variant: 'full', initiatedDate: '2026-09-14' };

  it('401, 404 for another partnership, 403 for a member', async () => {
    expect((await call(t, null, 'POST', base(), valid)).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', base(), valid)).statusCode).toBe(404);
    expect((await call(t, member, 'POST', base(), valid)).statusCode).toBe(403);
  });

  it('400 naming each field, including the scope period order and foreign agencies', async () => {
    const res = await call(t, manager, 'POST', base(), {
      title: '',
      type: 'inquiry',
      variant: 'tiny',
      initiatedDate: '31/02/2026',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['initiatedDate', 'title', 'type', 'variant']);
    const order = await call(t, manager, 'POST', base(), {
      ...valid,
      scopeFrom: '2026-05-01',
      scopeTo: '2026-01-01',
    });
    expect(order.json().error.details.fields).toEqual([
      { path: 'scopeTo', message: 'The end of the scope period must be on or after its start' },
    ]);
    const foreignAgency = await givenAgency(t, (await givenPartnership(t)).id);
    const foreign = await call(t, manager, 'POST', base(), { ...valid, agencyIds: [foreignAgency.id] });
    expect(foreign.json().error.details.fields[0].path).toBe('agencyIds');
    expect(await t.database.db.select().from(reviews).where(eq(reviews.partnershipId, pid))).toHaveLength(0);
  });

  it('201 commissions at commissioning and set-up with the variant’s defaults, history and audit', async () => {
    const res = await call(t, manager, 'POST', base(), {
      ...valid,
      variant: 'mid_range',
      agencyIds,
      researchQuestions: ['How do agencies share concerns about neglect?'],
    });
    expect(res.statusCode).toBe(201);
    const review = res.json();
    expect(review).toMatchObject({
      stage: 'commissioning',
      stageLabel: 'Commissioning and set-up',
      targetPublicationDate: '2027-03-14',
      nextStage: 'data_collection',
      termsOfReference: {
        plannedReviewTeamMeetings: 3,
        plannedJointMeetings: 1,
        researchQuestions: [{ position: 1 }],
      },
      abilities: { editReview: true, transitionReview: true },
    });
    expect(review.termsOfReference.agencies).toHaveLength(3);
    expect(review.transitions).toEqual([
      expect.objectContaining({ toStage: 'commissioning', action: 'commission' }),
    ]);
    expect(await auditFor(review.id, 'review.commissioned')).toHaveLength(1);
  });

  it('copies the decision rationale from the rapid review it comes from, once', async () => {
    const [n] = await t.database.db
      .insert(notifications)
      .values({
        partnershipId: pid,
        childPseudonym: 'Child B',
        incidentDate: '2026-08-01',
        awareDate: '2026-08-03',
        dueDate: '2026-08-10',
        outcome: 'serious_harm',
        abuseOrNeglect: 'suspected',
      })
      .returning();
    const [rr] = await t.database.db
      .insert(rapidReviews)
      .values({
        partnershipId: pid,
        notificationId: n!.id,
        startedDate: '2026-08-05',
        dueDate: '2026-08-26',
        decision: 'lcspr',
        decisionRationale: 'Regulation 11(c): agencies working together',
        decisionDate: '2026-08-25',
      })
      .returning();
    const res = await call(t, manager, 'POST', base(), { ...valid, title: 'Child B', rapidReviewId: rr!.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      rapidReviewId: rr!.id,
      termsOfReference: {
        decisionRationale: 'Regulation 11(c): agencies working together',
        decisionDate: '2026-08-25',
      },
    });
    const again = await call(t, manager, 'POST', base(), {
      ...valid,
      title: 'Child B2',
      rapidReviewId: rr!.id,
    });
    expect(again.json().error.details.fields[0].path).toBe('rapidReviewId');
  });
});

describe('GET reviews (listReviews) and GET reviews/:id (getReview)', () => {
  it('lists all reviews for the business manager and only their own for a member', async () => {
    const mine = await givenReview(t, pid, { title: 'Child M', targetPublicationDate: '2020-01-01' });
    const memberUser = await givenMember(t, pid, 'member');
    await givenParticipant(t, mine, 'case_group_member', memberUser);
    const theirs = await signInAs(t, memberUser.email);
    const all = (await call(t, manager, 'GET', base())).json();
    expect(all.abilities.commission).toBe(true);
    expect(all.reviews.length).toBeGreaterThanOrEqual(2);
    const listed = (await call(t, theirs, 'GET', base())).json();
    expect(listed.reviews).toEqual([
      expect.objectContaining({
        id: mine.id,
        myRoles: ['Case group member'],
        nextDeadline: expect.objectContaining({ overdue: true }),
      }),
    ]);
    expect((await call(t, theirs, 'GET', `${base()}?scope=all`)).statusCode).toBe(403);
    expect((await call(t, theirs, 'GET', `${base()}?scope=everything`)).statusCode).toBe(400);
  });

  it('shows a board member the outline but not the terms of reference; hides the review from other members', async () => {
    const review = await givenReview(t, pid);
    const board = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, 'board_member', board);
    const s = await signInAs(t, board.email);
    const res = (await call(t, s, 'GET', `${base()}/${review.id}`)).json();
    expect(res).toMatchObject({
      title: review.title,
      termsOfReference: expect.any(Object),
      myRoles: ['Board member'],
    });
    const cg = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, 'case_group_member', cg);
    const cgView = (await call(t, await signInAs(t, cg.email), 'GET', `${base()}/${review.id}`)).json();
    expect(cgView.termsOfReference).toBeNull();
    expect(cgView.abilities.transitionReview).toBe(false);
    expect((await call(t, member, 'GET', `${base()}/${review.id}`)).statusCode).toBe(404);
  });
});

describe('PATCH reviews/:id (updateReview)', () => {
  it('replaces research questions in order, refuses stale versions, audits', async () => {
    const review = await givenReview(t, pid);
    const url = `${base()}/${review.id}`;
    const ok = await call(t, manager, 'PATCH', url, {
      researchQuestions: ['Second first', 'Then this'],
      purposeStatement: 'Learning about neglect',
      version: 1,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().termsOfReference.researchQuestions.map((q: { text: string }) => q.text)).toEqual([
      'Second first',
      'Then this',
    ]);
    const stale = await call(t, manager, 'PATCH', url, { purposeStatement: 'Overwrite', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale_version');
    const bad = await call(t, manager, 'PATCH', url, {
      scopeFrom: '2026-02-01',
      scopeTo: '2026-01-01',
      version: 2,
    });
    expect(bad.json().error.details.fields[0].path).toBe('scopeTo');
    expect(await auditFor(review.id, 'review.updated')).toHaveLength(1);
  });

  it('keeps the row of a research question whose text is unchanged, so links to it survive a reorder', async () => {
    const review = await givenReview(t, pid);
    const url = `${base()}/${review.id}`;
    type Question = { id: string; position: number; text: string };
    const first = await call(t, manager, 'PATCH', url, {
      researchQuestions: ['How are injuries checked?', 'How are concerns shared?', 'Who holds the plan?'],
      version: 1,
    });
    const [checked, shared, plan] = first.json().termsOfReference.researchQuestions as Question[];
    const second = await call(t, manager, 'PATCH', url, {
      researchQuestions: [
        'How are concerns shared?',
        'What did the family say?',
        'How are injuries checked?',
      ],
      version: 2,
    });
    expect(second.statusCode).toBe(200);
    const now = second.json().termsOfReference.researchQuestions as Question[];
    expect(now.map((q) => [q.position, q.text])).toEqual([
      [1, 'How are concerns shared?'],
      [2, 'What did the family say?'],
      [3, 'How are injuries checked?'],
    ]);
    expect(now[0]!.id).toBe(shared!.id);
    expect(now[2]!.id).toBe(checked!.id);
    expect([checked!.id, shared!.id, plan!.id]).not.toContain(now[1]!.id);
    const stored = await t.database.db
      .select({ id: researchQuestions.id })
      .from(researchQuestions)
      .where(eq(researchQuestions.reviewId, review.id));
    expect(stored.map((q) => q.id)).not.toContain(plan!.id);
    expect(stored).toHaveLength(3);
  });
});

describe('POST reviews/:id/transitions (transitionReview)', () => {
  it('refuses with 409 naming the unmet checks and changes nothing; then moves on when they are met', async () => {
    const review = await givenReview(t, pid);
    const url = `${base()}/${review.id}/transitions`;
    const refused = await call(t, manager, 'POST', url, { action: 'advance', version: 1 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.unmet.map((c: { id: string }) => c.id)).toEqual([
      'purpose',
      'scope_period',
      'agencies_in_scope',
      'research_question',
      'two_lead_reviewers',
      'review_team',
    ]);
    const [unchanged] = await t.database.db.select().from(reviews).where(eq(reviews.id, review.id));
    expect(unchanged).toMatchObject({ stage: 'commissioning', version: 1 });
    expect(
      await t.database.db.select().from(reviewTransitions).where(eq(reviewTransitions.reviewId, review.id)),
    ).toHaveLength(0);

    await call(t, manager, 'PATCH', `${base()}/${review.id}`, {
      purposeStatement: 'To learn how agencies respond to neglect',
      scopeFrom: '2025-01-01',
      scopeTo: '2026-06-30',
      agencyIds,
      researchQuestions: ['How are concerns about neglect shared?'],
      version: 1,
    });
    await givenParticipant(t, review, 'lead_reviewer');
    await givenParticipant(t, review, 'lead_reviewer');
    await givenParticipant(t, review, 'review_team_member');
    const moved = await call(t, manager, 'POST', url, { action: 'advance', version: 2 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      stage: 'data_collection',
      nextStage: 'analysis',
      checklist: [{ id: 'case_group', met: false }],
    });

    expect(
      (await call(t, manager, 'POST', url, { action: 'pause', version: 3 })).json().error.details.fields[0]
        .path,
    ).toBe('reason');
    const paused = await call(t, manager, 'POST', url, {
      action: 'pause',
      reason: 'Criminal trial listed for March',
      version: 3,
    });
    expect(paused.json()).toMatchObject({
      stage: 'paused',
      pauseReason: 'Criminal trial listed for March',
      resumeStage: 'data_collection',
    });
    const resumed = await call(t, manager, 'POST', url, { action: 'resume', version: 4 });
    expect(resumed.json()).toMatchObject({ stage: 'data_collection', pauseReason: null });
    expect(resumed.json().transitions.map((x: { toStage: string }) => x.toStage)).toEqual([
      'data_collection',
      'paused',
      'data_collection',
    ]);
    expect(await auditFor(review.id, 'review.transitioned')).toHaveLength(3);
  });

  it('refuses publication while a parallel process embargoes it', async () => {
    const review = await givenReview(t, pid, {
      stage: 'quality_assurance',
      qualityAssurer: 'Independent QA',
      signOffChain: ['Subgroup', 'Executive'],
    });
    const embargo = await call(t, manager, 'POST', `${base()}/${review.id}/parallel-processes`, {
      kind: 'criminal',
      description: 'Trial of the father',
      publicationEmbargo: true,
    });
    expect(embargo.statusCode).toBe(201);
    const res = await call(t, manager, 'POST', `${base()}/${review.id}/transitions`, {
      action: 'advance',
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.unmet).toEqual([expect.objectContaining({ id: 'no_embargo' })]);
  });
});

describe('parallel processes', () => {
  it('lists, adds (400 on bad input) and updates with versions', async () => {
    const review = await givenReview(t, pid);
    const url = `${base()}/${review.id}/parallel-processes`;
    expect(
      (await call(t, manager, 'POST', url, { kind: 'séance' }))
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['description', 'kind']);
    const p = await givenParallelProcess(t, review);
    const updated = await call(t, manager, 'PATCH', `${url}/${p.id}`, { status: 'concluded', version: 1 });
    expect(updated.json()).toMatchObject({ status: 'concluded', version: 2 });
    expect(
      (await call(t, manager, 'PATCH', `${url}/${p.id}`, { status: 'active', version: 1 })).statusCode,
    ).toBe(409);
    const list = (await call(t, manager, 'GET', url)).json();
    expect(list.processes).toHaveLength(1);
    expect(await auditFor(p.id, 'parallel_process.updated')).toHaveLength(1);
  });
});
