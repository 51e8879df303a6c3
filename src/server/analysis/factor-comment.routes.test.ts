import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenChronologyEvent } from '../chronology/testing.ts';
import { givenConversation } from '../conversation/testing.ts';
import { auditEvents, contributoryFactors, episodeComments } from '../db/schema/index.ts';
import { givenDocument } from '../document/testing.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { completeEpisode, givenEpisode } from './testing.ts';

let t: TestApp;
let url: string;
let lead: Session;
let teamMember: Session;
let healthVisitor: Session;
let teacher: Session;
let outsider: Session;
let episodeId: string;
let hiddenId: string;
let evidence: { eventId: string; documentId: string; conversationId: string; elsewhereId: string };

async function audited(action: string) {
  return t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));
}

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  const review = await givenReview(t, pid);
  const otherReview = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/episodes`;
  const health = (await givenAgency(t, pid, 'Community health')).id;
  const school = (await givenAgency(t, pid, 'Primary school')).id;
  const person = async (
    role: 'lead_reviewer' | 'review_team_member' | 'case_group_member',
    extra: { agencyId?: string; jobTitle?: string } = {},
  ) => {
    const { session, participant } = await signedInWithRole(t, review, role, extra);
    return { session, participantId: participant.id };
  };
  lead = (await person('lead_reviewer')).session;
  teamMember = (await person('review_team_member')).session;
  const hv = await person('case_group_member', { agencyId: health, jobTitle: 'Health visitor' });
  healthVisitor = hv.session;
  teacher = (await person('case_group_member', { agencyId: school, jobTitle: 'Class teacher' })).session;
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  episodeId = (
    await givenEpisode(t, review, { agencyIds: [health, school], shared: true, ...completeEpisode })
  ).id;
  hiddenId = (await givenEpisode(t, review, { agencyIds: [health] })).id;
  evidence = {
    eventId: (await givenChronologyEvent(t, review, { agencyId: health })).id,
    documentId: (await givenDocument(t, review, { title: 'Health visiting record' })).id,
    conversationId: (await givenConversation(t, review, hv.participantId)).id,
    elsewhereId: (await givenDocument(t, otherReview)).id,
  };
});
afterAll(() => t.close());

const factorsUrl = () => `${url}/${episodeId}/factors`;
const ranked = (e: { factors: { description: string; rank: number }[] }) =>
  e.factors.map((f) => `${f.rank}:${f.description}`);

describe('contributory factors', () => {
  it('refuses anonymous requests, other partnerships, the case group and factors outside the framework', async () => {
    const body = { group: 'conditions_of_work', factorType: 'Workload', description: 'A' };
    expect((await call(t, null, 'POST', factorsUrl(), body)).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', factorsUrl(), body)).statusCode).toBe(404);
    expect((await call(t, healthVisitor, 'POST', factorsUrl(), body)).statusCode).toBe(403);
    expect((await call(t, lead, 'POST', `${url}/${crypto.randomUUID()}/factors`, body)).statusCode).toBe(404);

    let r = await call(t, lead, 'POST', factorsUrl(), { ...body, group: 'weather' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'group', message: 'Choose a factor group from the review’s framework' },
    ]);
    r = await call(t, lead, 'POST', factorsUrl(), { ...body, factorType: 'Parking' });
    expect(r.json().error.details.fields).toEqual([
      { path: 'factorType', message: 'Choose a type of “Conditions of work” factor from the list' },
    ]);
    r = await call(t, lead, 'POST', factorsUrl(), {
      ...body,
      evidence: [
        { kind: 'document', targetId: evidence.elsewhereId },
        { kind: 'conversation', targetId: evidence.documentId },
      ],
    });
    expect(r.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'evidence.0.targetId',
      'evidence.1.targetId',
    ]);
    r = await call(t, lead, 'POST', factorsUrl(), { group: 'role' });
    expect(r.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['description']);
    expect(
      await t.database.db
        .select()
        .from(contributoryFactors)
        .where(eq(contributoryFactors.episodeId, episodeId)),
    ).toEqual([]);
  });

  it('adds factors in rank order, with free text where the group lists no types and evidence from the review', async () => {
    let r = await call(t, teamMember, 'POST', factorsUrl(), {
      group: 'conditions_of_work',
      factorType: 'workload',
      description: 'Caseload of 400 families',
      evidence: [
        { kind: 'event', targetId: evidence.eventId, passage: null },
        { kind: 'document', targetId: evidence.documentId, passage: 'Visit 14 days late', note: 'p. 3' },
        { kind: 'conversation', targetId: evidence.conversationId },
      ],
    });
    expect(r.statusCode).toBe(201);
    const [first] = r.json().factors;
    expect(first).toMatchObject({
      group: 'conditions_of_work',
      groupLabel: 'Conditions of work',
      factorType: 'Workload',
      rank: 1,
      version: 1,
    });
    expect(first.evidence.map((l: { label: string }) => l.label)).toEqual([
      expect.stringMatching(/^2026-03-02, Community health: /),
      'Health visiting record',
      expect.stringMatching(/^Conversation with /),
    ]);
    r = await call(t, teamMember, 'POST', factorsUrl(), {
      group: 'inter_agency',
      factorType: 'Different thresholds for a referral',
      description: 'Thresholds',
    });
    expect(r.json().factors[1]).toMatchObject({ factorType: 'Different thresholds for a referral', rank: 2 });
    await call(t, teamMember, 'POST', factorsUrl(), { group: 'family', description: 'Father answered' });
    r = await call(t, teamMember, 'POST', factorsUrl(), {
      group: 'own_team',
      description: 'Supervision',
      rank: 1,
    });
    expect(ranked(r.json())).toEqual([
      '1:Supervision',
      '2:Caseload of 400 families',
      '3:Thresholds',
      '4:Father answered',
    ]);
    const logs = await audited('contributory_factor.added');
    expect(logs).toHaveLength(4);
    expect(logs[0]!.details).toMatchObject({ episodeId, group: 'conditions_of_work' });
  });

  it('moves a factor to a rank, refuses a stale change and keeps ranks 1..n when one is removed', async () => {
    const now = (await call(t, lead, 'GET', `${url}/${episodeId}`)).json();
    const father = now.factors.find((f: { description: string }) => f.description === 'Father answered');
    const at = `${factorsUrl()}/${father.id}`;
    let r = await call(t, teamMember, 'PATCH', at, { version: 1, rank: 2 });
    expect(r.statusCode).toBe(200);
    expect(ranked(r.json())).toEqual([
      '1:Supervision',
      '2:Father answered',
      '3:Caseload of 400 families',
      '4:Thresholds',
    ]);
    r = await call(t, teamMember, 'PATCH', at, { version: 1, description: 'Old' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.current.factors[1]).toMatchObject({ id: father.id, version: 2 });
    r = await call(t, teamMember, 'PATCH', at, {
      version: 2,
      group: 'conditions_of_work',
      factorType: 'Weather',
    });
    expect(r.json().error.details.fields[0].path).toBe('factorType');
    r = await call(t, teamMember, 'PATCH', at, { version: 2, group: 'personal', factorType: null });
    expect(r.json().factors[1]).toMatchObject({
      group: 'personal',
      groupLabel: 'Personal (staff)',
      version: 3,
    });

    const supervision = now.factors[0].id;
    r = await call(t, teamMember, 'DELETE', `${factorsUrl()}/${supervision}`);
    expect(r.statusCode).toBe(200);
    expect(ranked(r.json())).toEqual(['1:Father answered', '2:Caseload of 400 families', '3:Thresholds']);
    r = await call(t, teamMember, 'DELETE', `${factorsUrl()}/${supervision}`);
    expect(r.statusCode).toBe(200);
    expect(await audited('contributory_factor.removed')).toHaveLength(1);
    expect(
      (await call(t, teamMember, 'PATCH', `${factorsUrl()}/${supervision}`, { version: 1 })).statusCode,
    ).toBe(404);
    const rows = await t.database.db
      .select({ rank: contributoryFactors.rank })
      .from(contributoryFactors)
      .where(eq(contributoryFactors.episodeId, episodeId))
      .orderBy(asc(contributoryFactors.rank));
    expect(rows.map((x) => x.rank)).toEqual([1, 2, 3]);
  });

  it('shows a case group member the factors without their evidence', async () => {
    const r = await call(t, healthVisitor, 'GET', `${url}/${episodeId}`);
    expect(r.json().factors).toHaveLength(3);
    for (const f of r.json().factors) expect(f.evidence).toEqual([]);
  });
});

describe('comments on an episode', () => {
  const commentsUrl = () => `${url}/${episodeId}/comments`;

  it('lets a case group member comment on an episode they can see, and no other', async () => {
    expect((await call(t, null, 'POST', commentsUrl(), { body: 'x' })).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', commentsUrl(), { body: 'x' })).statusCode).toBe(404);
    expect(
      (await call(t, healthVisitor, 'POST', `${url}/${hiddenId}/comments`, { body: 'x' })).statusCode,
    ).toBe(404);
    let r = await call(t, healthVisitor, 'POST', commentsUrl(), { body: ' ' });
    expect(r.json().error.details.fields[0].path).toBe('body');

    r = await call(t, healthVisitor, 'POST', commentsUrl(), { body: 'The visit was on a Friday afternoon.' });
    expect(r.statusCode).toBe(201);
    expect(r.json().comments).toEqual([
      expect.objectContaining({
        authorRole: 'Case group member (Health visitor)',
        body: 'The visit was on a Friday afternoon.',
        resolvedAt: null,
        mine: true,
      }),
    ]);
    await call(t, teacher, 'POST', commentsUrl(), { body: 'School had no record of the bruise.' });
    await call(t, lead, 'POST', commentsUrl(), { body: 'We will check the school log.' });
    expect(await audited('episode_comment.added')).toHaveLength(3);
  });

  it('shows a member only their own comments, and reviewers every comment', async () => {
    const mine = (await call(t, teacher, 'GET', `${url}/${episodeId}`)).json().comments;
    expect(mine.map((c: { body: string }) => c.body)).toEqual(['School had no record of the bruise.']);
    const list = (await call(t, teacher, 'GET', url)).json().episodes;
    expect(list.find((e: { id: string }) => e.id === episodeId).openComments).toBe(1);
    const all = (await call(t, lead, 'GET', `${url}/${episodeId}`)).json();
    expect(all.comments.map((c: { authorRole: string }) => c.authorRole)).toEqual([
      'Case group member (Health visitor)',
      'Case group member (Class teacher)',
      'Lead reviewer',
    ]);
    expect((await call(t, lead, 'GET', url)).json().episodes[0].openComments).toBe(3);
  });

  it('resolves a comment once, and only a lead reviewer may', async () => {
    const all = (await call(t, lead, 'GET', `${url}/${episodeId}`)).json();
    const [first] = all.comments;
    const at = `${commentsUrl()}/${first.id}/resolve`;
    expect((await call(t, healthVisitor, 'POST', at, { resolution: 'x' })).statusCode).toBe(403);
    expect((await call(t, teamMember, 'POST', at, { resolution: 'x' })).statusCode).toBe(403);
    expect(
      (await call(t, lead, 'POST', `${commentsUrl()}/${crypto.randomUUID()}/resolve`, { resolution: 'x' }))
        .statusCode,
    ).toBe(404);
    let r = await call(t, lead, 'POST', at, {});
    expect(r.json().error.details.fields[0].path).toBe('resolution');
    r = await call(t, lead, 'POST', at, { resolution: 'Added the day and time to what happened' });
    expect(r.statusCode).toBe(200);
    expect(r.json().comments[0]).toMatchObject({
      resolution: 'Added the day and time to what happened',
      resolvedByName: 'Test member',
      resolvedAt: expect.any(String),
    });
    r = await call(t, lead, 'POST', at, { resolution: 'Again' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('conflict');
    const [row] = await t.database.db.select().from(episodeComments).where(eq(episodeComments.id, first.id));
    expect(row!.resolution).toBe('Added the day and time to what happened');
    const logs = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'episode_comment.resolved'), eq(auditEvents.entityId, first.id)));
    expect(logs).toHaveLength(1);
  });

  it('holds back “case group checked” until every comment is resolved', async () => {
    const e = (await call(t, lead, 'GET', `${url}/${episodeId}`)).json();
    let r = await call(t, lead, 'POST', `${url}/${episodeId}/status`, {
      version: e.version,
      status: 'review_team_agreed',
    });
    expect(r.statusCode).toBe(200);
    r = await call(t, lead, 'POST', `${url}/${episodeId}/status`, {
      version: e.version + 1,
      status: 'case_group_checked',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.unmet).toEqual(['Resolve the case group’s comments (2 open)']);
    for (const c of e.comments.slice(1))
      await call(t, lead, 'POST', `${url}/${episodeId}/comments/${c.id}/resolve`, { resolution: 'Noted' });
    r = await call(t, lead, 'POST', `${url}/${episodeId}/status`, {
      version: e.version + 1,
      status: 'case_group_checked',
    });
    expect(r.json()).toMatchObject({ status: 'case_group_checked', unmetForNextStatus: [] });
  });
});
