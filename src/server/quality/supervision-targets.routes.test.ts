import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenEpisode } from '../analysis/testing.ts';
import { auditEvents, episodes, supervisionThreads } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
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
import {
  givenReportVersionWithSections,
  givenSupervisionReply,
  givenSupervisionThread,
  reportSection,
} from './supervision-testing.ts';

let t: TestApp;
type Review = Awaited<ReturnType<typeof givenReview>>;
let review: Review;
let reported: Review;
let base: string;
let supervisor: Session;
let trainee: Session;
let admin: Session;
const ids = {} as Record<'episode' | 'finding' | 'otherEpisode' | 'otherFinding' | 'traineeUser', string>;

const post = (who: Session, url: string, targetType: string, targetId: string) =>
  call(t, who, 'POST', url, { targetType, targetId, body: 'Please say more here.' });
const threadsOf = (reviewId: string) =>
  t.database.db.select().from(supervisionThreads).where(eq(supervisionThreads.reviewId, reviewId));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  reported = await givenReview(t, pid);
  const other = await givenReview(t, pid);
  base = `/api/partnerships/${pid}/reviews/${review.id}`;
  supervisor = (await signedInWithRole(t, review, 'supervisor', { name: 'Sam Supervisor' })).session;
  const traineeRole = await signedInWithRole(t, review, 'trainee_reviewer', { name: 'Tara Trainee' });
  trainee = traineeRole.session;
  ids.traineeUser = traineeRole.user.id;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin', { name: 'Ada Admin' })).email);
  ids.episode = (await givenEpisode(t, review, { title: 'The  six-week\ncheck' })).id;
  ids.finding = (await givenFinding(t, review)).id;
  ids.otherEpisode = (await givenEpisode(t, other)).id;
  ids.otherFinding = (await givenFinding(t, other)).id;
});
afterAll(() => t.close());

describe('what a comment may be about', () => {
  it('refuses missing or unknown fields, naming them', async () => {
    const r = await call(t, supervisor, 'POST', `${base}/supervision`, { targetType: 'meeting', body: '' });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body', 'targetId', 'targetType']);
  });

  it('refuses an episode or finding of another review, or an id that names nothing, naming targetId', async () => {
    for (const [type, id, message] of [
      ['episode', ids.otherEpisode, 'Choose a key practice episode of this review'],
      ['episode', ids.finding, 'Choose a key practice episode of this review'],
      ['finding', ids.otherFinding, 'Choose a finding of this review'],
      ['finding', 'finding-1', 'Choose a finding of this review'],
      ['report_section', 'preface', 'Choose a section of the review’s report'],
      ['report_section', 'introduction.Why', 'Choose a section of the review’s report'],
      ['report_section', 'findings.finding-1.more', 'Choose a section of the review’s report'],
    ] as const) {
      const r = await post(supervisor, `${base}/supervision`, type, id);
      expect(r.statusCode, `${type} ${id}`).toBe(400);
      expect(r.json().error.details.fields).toEqual([{ path: 'targetId', message }]);
    }
    expect(await threadsOf(review.id)).toEqual([]);
  });

  it('before the report has a version, accepts the sections of the fixed structure and their parts', async () => {
    const top = await post(supervisor, `${base}/supervision`, 'report_section', 'research-questions');
    expect(top.statusCode).toBe(201);
    expect(top.json().targetLabel).toBe('Report: The research questions and how the findings answer them');
    const part = await post(
      supervisor,
      `${base}/supervision`,
      'report_section',
      'introduction.why-this-case',
    );
    expect(part.json().targetLabel).toBe('Report: Introduction, why this case');
  });

  it('once the report has a version, accepts only the sections of the latest version, labelled with their titles', async () => {
    const url = `${base.replace(review.id, reported.id)}/supervision`;
    await givenReportVersionWithSections(t, reported, 1);
    await givenReportVersionWithSections(t, reported, 2, [
      reportSection('findings', 'Findings', [reportSection('findings.finding-2', 'Finding 2: Plans drift')]),
    ]);
    // A partnership admin with no role in the review acts as its business manager.
    const r = await post(admin, url, 'report_section', 'findings.finding-2');
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      targetLabel: 'Report: Finding 2: Plans drift',
      authorName: 'Ada Admin',
      authorRoleLabel: 'Partnership admin',
    });
    for (const gone of ['introduction', 'findings.finding-1']) {
      const refused = await post(admin, url, 'report_section', gone);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details.fields[0].path).toBe('targetId');
    }
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, r.json().id), eq(auditEvents.action, 'supervision.commented')));
    expect(audit?.details).toEqual({
      reviewId: reported.id,
      targetType: 'report_section',
      targetId: 'findings.finding-2',
    });
  });
});

describe('listing the threads', () => {
  it('lists threads newest first with replies oldest first, labels and abilities, and filters by target', async () => {
    await t.database.db.delete(supervisionThreads).where(eq(supervisionThreads.reviewId, review.id));
    const older = await givenSupervisionThread(t, review, {
      targetType: 'episode',
      targetId: ids.episode,
      createdAt: new Date('2026-03-01T10:00:00Z'),
    });
    await givenSupervisionReply(t, older, {
      authorId: ids.traineeUser,
      body: 'Second',
      createdAt: new Date('2026-03-03T10:00:00Z'),
    });
    await givenSupervisionReply(t, older, { body: 'First', createdAt: new Date('2026-03-02T10:00:00Z') });
    await givenSupervisionThread(t, review, {
      targetType: 'finding',
      targetId: ids.finding,
      createdAt: new Date('2026-03-04T10:00:00Z'),
      resolvedAt: new Date('2026-03-05T10:00:00Z'),
    });
    const r = await call(t, trainee, 'GET', `${base}/supervision`);
    expect(r.statusCode).toBe(200);
    const { threads, abilities } = r.json();
    expect(abilities).toEqual({ comment: false });
    expect(threads.map((x: { targetLabel: string }) => x.targetLabel)).toEqual([
      'Finding 1: Practitioners accept a parent’s account of an injury to a non-mobile baby without checking it',
      'Episode 1: The six-week check',
    ]);
    expect(threads[0]).toMatchObject({ status: 'resolved', abilities: { reply: true, resolve: false } });
    expect(threads[1].replies).toMatchObject([
      { body: 'First', authorName: null, authorRoleLabel: null },
      { body: 'Second', authorName: 'Tara Trainee', authorRoleLabel: 'Trainee reviewer' },
    ]);
    const only = await call(
      t,
      supervisor,
      'GET',
      `${base}/supervision?targetType=episode&targetId=${ids.episode}`,
    );
    expect(only.json().threads.map((x: { id: string }) => x.id)).toEqual([older.id]);
    expect(only.json().abilities).toEqual({ comment: true });
  });

  it('labels a thread whose episode was removed, and refuses an unknown target type naming it', async () => {
    const episode = await givenEpisode(t, review, { title: 'To be removed' });
    await givenSupervisionThread(t, review, { targetType: 'episode', targetId: episode.id });
    await t.database.db.delete(episodes).where(eq(episodes.id, episode.id));
    const r = await call(t, supervisor, 'GET', `${base}/supervision?targetId=${episode.id}`);
    expect(r.json().threads.map((x: { targetLabel: string }) => x.targetLabel)).toEqual([
      'Episode (removed)',
    ]);
    const bad = await call(t, supervisor, 'GET', `${base}/supervision?targetType=meeting`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].path).toBe('targetType');
  });
});
