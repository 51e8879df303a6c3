import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { givenEpisode } from '../analysis/testing.ts';
import { auditEvents, supervisionThreads } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenSupervisionThread } from './supervision-testing.ts';

let t: TestApp;
type Review = Awaited<ReturnType<typeof givenReview>>;
let review: Review;
let otherReview: Review;
let base: string;
let otherBase: string;
const as = {} as Record<ReviewRole | 'admin' | 'noRole' | 'outsider' | 'dual' | 'otherTrainee', Session>;
const ids = {} as Record<'episode' | 'finding' | 'otherEpisode' | 'otherFinding' | 'otherThread', string>;

const audited = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
const fields = (r: { json(): { error: { details: { fields: { path: string }[] } } } }) =>
  r.json().error.details.fields.map((f) => f.path);
const comment = (targetType: string, targetId: string, body = 'Say more about what the manager knew.') => ({
  targetType,
  targetId,
  body,
});

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const elsewhere = await givenPartnership(t);
  review = await givenReview(t, pid);
  otherReview = await givenReview(t, pid);
  base = `/api/partnerships/${pid}/reviews/${review.id}`;
  otherBase = `/api/partnerships/${pid}/reviews/${otherReview.id}`;
  const roles: ReviewRole[] = [
    'supervisor',
    'lead_reviewer',
    'trainee_reviewer',
    'review_team_member',
    'business_manager',
    'chair',
    'case_group_member',
    'family_member',
    'board_member',
  ];
  for (const role of roles)
    as[role] = (await signedInWithRole(t, review, role, { name: `Person ${role}` })).session;
  // A trainee reviewer on the other review who is only a review team member on this one.
  const dual = await signedInWithRole(t, otherReview, 'trainee_reviewer', { name: 'Dual person' });
  await givenParticipant(t, review, 'review_team_member', dual.user);
  as.dual = dual.session;
  as.otherTrainee = (await signedInWithRole(t, otherReview, 'trainee_reviewer')).session;
  as.admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin', { name: 'Admin' })).email);
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, elsewhere.id, 'partnership_admin')).email);
  ids.episode = (await givenEpisode(t, review, { title: 'The six-week check' })).id;
  ids.finding = (await givenFinding(t, review, { statement: 'Accounts of injuries are accepted.' })).id;
  ids.otherEpisode = (await givenEpisode(t, otherReview)).id;
  ids.otherFinding = (await givenFinding(t, otherReview)).id;
  ids.otherThread = (await givenSupervisionThread(t, otherReview)).id;
});
afterAll(() => t.close());

describe('who may see and take part in supervision', () => {
  const requests = () =>
    [
      ['GET', `${base}/supervision`, undefined],
      ['POST', `${base}/supervision`, comment('finding', ids.finding)],
      ['POST', `${base}/supervision/${ids.otherThread}/replies`, { body: 'Done.' }],
      ['POST', `${base}/supervision/${ids.otherThread}/resolve`, undefined],
      ['GET', `${base}/supervision-sessions`, undefined],
      ['POST', `${base}/supervision-sessions`, { kind: 'group', heldOn: '2026-03-01' }],
    ] as const;

  it('refuses anonymous requests with 401, and hides the review from other partnerships and non-members (404)', async () => {
    for (const [method, url, body] of requests()) {
      expect((await call(t, null, method, url, body)).statusCode).toBe(401);
      for (const who of [as.outsider, as.noRole, as.otherTrainee])
        expect((await call(t, who, method, url, body)).statusCode).toBe(404);
    }
  });

  it('refuses the case group, the family, board members, the chair and review team members (403)', async () => {
    for (const role of [
      'case_group_member',
      'family_member',
      'board_member',
      'chair',
      'review_team_member',
    ] as const) {
      expect((await call(t, as[role], 'GET', `${base}/supervision`)).statusCode).toBe(403);
      expect((await call(t, as[role], 'GET', `${base}/supervision-sessions`)).statusCode).toBe(403);
    }
    for (const [method, url, body] of requests().slice(1))
      expect((await call(t, as.case_group_member, method, url, body)).statusCode).toBe(403);
  });

  it('lets only supervisors comment; the review’s business manager reads but does not answer or record', async () => {
    for (const role of ['lead_reviewer', 'trainee_reviewer', 'business_manager'] as const)
      expect(
        (await call(t, as[role], 'POST', `${base}/supervision`, comment('finding', ids.finding))).statusCode,
      ).toBe(403);
    const list = await call(t, as.business_manager, 'GET', `${base}/supervision`);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ comment: false });
    const sessions = await call(t, as.business_manager, 'GET', `${base}/supervision-sessions`);
    expect(sessions.json().abilities).toEqual({ record: false });
    const thread = await givenSupervisionThread(t, review);
    for (const action of ['replies', 'resolve'])
      expect(
        (
          await call(t, as.business_manager, 'POST', `${base}/supervision/${thread.id}/${action}`, {
            body: 'x',
          })
        ).statusCode,
      ).toBe(403);
    expect(
      (
        await call(t, as.business_manager, 'POST', `${base}/supervision-sessions`, {
          kind: 'group',
          heldOn: '2026-03-01',
        })
      ).statusCode,
    ).toBe(403);
    await t.database.db.delete(supervisionThreads).where(eq(supervisionThreads.id, thread.id));
  });
});

describe('a supervisor’s comment, answered and resolved by the trainee', () => {
  let threadId: string;

  it('opens a thread on a finding, labelled, and audits the target but never the text', async () => {
    const body = 'How do you know this happens beyond this case?';
    const r = await call(
      t,
      as.supervisor,
      'POST',
      `${base}/supervision`,
      comment('finding', ids.finding, body),
    );
    expect(r.statusCode).toBe(201);
    const thread = r.json();
    threadId = thread.id;
    expect(thread).toMatchObject({
      targetType: 'finding',
      targetId: ids.finding,
      targetLabel: 'Finding 1: Accounts of injuries are accepted.',
      body,
      authorName: 'Person supervisor',
      authorRoleLabel: 'Supervisor',
      replies: [],
      status: 'open',
      resolvedByName: null,
      resolvedAt: null,
      abilities: { reply: true, resolve: true },
    });
    const [row] = await audited(threadId, 'supervision.commented');
    expect(row?.details).toEqual({ reviewId: review.id, targetType: 'finding', targetId: ids.finding });
    expect(JSON.stringify(row?.details)).not.toContain('beyond this case');
  });

  it('lets the trainee reviewer of the same review reply and resolve it', async () => {
    const reply = await call(t, as.trainee_reviewer, 'POST', `${base}/supervision/${threadId}/replies`, {
      body: 'The audit of 40 records found it in 11.',
    });
    expect(reply.statusCode).toBe(201);
    expect(reply.json().replies).toMatchObject([
      {
        body: 'The audit of 40 records found it in 11.',
        authorName: 'Person trainee_reviewer',
        authorRoleLabel: 'Trainee reviewer',
      },
    ]);
    expect(await audited(threadId, 'supervision.replied')).toHaveLength(1);
    const resolved = await call(t, as.trainee_reviewer, 'POST', `${base}/supervision/${threadId}/resolve`);
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolvedByName: 'Person trainee_reviewer',
      abilities: { reply: true, resolve: false },
    });
    expect(await audited(threadId, 'supervision.resolved')).toHaveLength(1);
  });

  it('changes nothing when a resolved thread is resolved again; a reply leaves it resolved', async () => {
    const again = await call(t, as.supervisor, 'POST', `${base}/supervision/${threadId}/resolve`);
    expect(again.statusCode).toBe(200);
    expect(again.json().resolvedByName).toBe('Person trainee_reviewer');
    expect(await audited(threadId, 'supervision.resolved')).toHaveLength(1);
    const reply = await call(t, as.supervisor, 'POST', `${base}/supervision/${threadId}/replies`, {
      body: 'Thank you: that answers it.',
    });
    expect(reply.json()).toMatchObject({ status: 'resolved' });
    expect(reply.json().replies.map((r: { authorRoleLabel: string }) => r.authorRoleLabel)).toEqual([
      'Trainee reviewer',
      'Supervisor',
    ]);
  });

  it('keeps a reviewer of another review out: 403 with a lesser role here, 404 with none', async () => {
    for (const action of ['replies', 'resolve']) {
      const url = `${base}/supervision/${threadId}/${action}`;
      expect((await call(t, as.dual, 'POST', url, { body: 'Resolved.' })).statusCode).toBe(403);
      expect((await call(t, as.otherTrainee, 'POST', url, { body: 'Resolved.' })).statusCode).toBe(404);
      // Nor through their own review: the thread is not that review's.
      const theirs = `${otherBase}/supervision/${threadId}/${action}`;
      expect((await call(t, as.dual, 'POST', theirs, { body: 'Resolved.' })).statusCode).toBe(404);
    }
    const [row] = await t.database.db
      .select()
      .from(supervisionThreads)
      .where(eq(supervisionThreads.id, threadId));
    expect(row?.resolvedBy).not.toBe(as.dual.userId);
  });

  it('answers 404 for a thread of another review, or one that does not exist', async () => {
    for (const thread of [ids.otherThread, '00000000-0000-4000-8000-000000000000', 'not-an-id'])
      for (const action of ['replies', 'resolve'])
        expect(
          (await call(t, as.lead_reviewer, 'POST', `${base}/supervision/${thread}/${action}`, { body: 'x' }))
            .statusCode,
        ).toBe(404);
  });

  it('refuses an empty reply naming the body', async () => {
    const r = await call(t, as.lead_reviewer, 'POST', `${base}/supervision/${threadId}/replies`, {
      body: ' ',
    });
    expect(r.statusCode).toBe(400);
    expect(fields(r)).toEqual(['body']);
  });
});
