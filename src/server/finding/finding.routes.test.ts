import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRole } from '#domain/review/policy.ts';
import { givenEpisode } from '../analysis/testing.ts';
import {
  auditEvents,
  findingEpisodes,
  findingResearchQuestions,
  findings,
  languageFlagDismissals,
  researchQuestions,
} from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { completeFinding, givenFinding } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let url: string;
const as = {} as Record<ReviewRole | 'noRole' | 'outsider' | 'manager', Session>;
const ids = {} as Record<'first' | 'second' | 'elsewhere' | 'question' | 'otherQuestion', string>;

const audited = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
const stored = () => t.database.db.select().from(findings).where(eq(findings.reviewId, review.id));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  const another = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/findings`;
  const roles: ReviewRole[] = [
    'lead_reviewer',
    'trainee_reviewer',
    'review_team_member',
    'supervisor',
    'chair',
    'case_group_member',
    'family_member',
    'board_member',
  ];
  for (const role of roles) {
    const user = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, role, user);
    as[role] = await signInAs(t, user.email);
  }
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
  ids.first = (await givenEpisode(t, review, { title: 'The six-week check' })).id;
  ids.second = (await givenEpisode(t, review, { title: 'The strategy discussion' })).id;
  ids.elsewhere = (await givenEpisode(t, another)).id;
  const [q] = await t.database.db
    .insert(researchQuestions)
    .values({ partnershipId: pid, reviewId: review.id, position: 1, text: 'How are injuries checked?' })
    .returning();
  const [o] = await t.database.db
    .insert(researchQuestions)
    .values({ partnershipId: pid, reviewId: another.id, position: 1, text: 'Another review’s question' })
    .returning();
  ids.question = q!.id;
  ids.otherQuestion = o!.id;
});
afterAll(() => t.close());

describe('who may see and change findings', () => {
  it('refuses anonymous requests and hides the review from other partnerships and from non-members', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, null, 'POST', url, { statement: 'x' })).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole]) {
      expect((await call(t, who, 'GET', url)).statusCode).toBe(404);
      expect((await call(t, who, 'POST', url, { statement: 'x' })).statusCode).toBe(404);
    }
  });

  it('refuses the case group, the family, the chair and board members: they see the review but not its findings (403)', async () => {
    const finding = await givenFinding(t, review);
    for (const role of ['case_group_member', 'family_member', 'chair', 'board_member'] as const) {
      expect((await call(t, as[role], 'GET', url)).statusCode).toBe(403);
      expect((await call(t, as[role], 'GET', `${url}/${finding.id}`)).statusCode).toBe(403);
      expect((await call(t, as[role], 'POST', url, { statement: 'x' })).statusCode).toBe(403);
    }
    await t.database.db.delete(findings).where(eq(findings.id, finding.id));
  });

  it('lets a supervisor read findings but not change, agree or remove them', async () => {
    const finding = await givenFinding(t, review);
    const at = `${url}/${finding.id}`;
    const list = await call(t, as.supervisor, 'GET', url);
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ create: false, agree: false });
    const one = await call(t, as.supervisor, 'GET', at);
    expect(one.statusCode).toBe(200);
    expect(one.json().abilities).toEqual({ edit: false, agree: false });
    expect((await call(t, as.supervisor, 'POST', url, { statement: 'x' })).statusCode).toBe(403);
    expect((await call(t, as.supervisor, 'PATCH', at, { version: 1, statement: 'x' })).statusCode).toBe(403);
    expect((await call(t, as.supervisor, 'POST', `${at}/agree`, { version: 1 })).statusCode).toBe(403);
    expect((await call(t, as.supervisor, 'DELETE', at)).statusCode).toBe(403);
    // A review team member writes findings but does not agree or order them.
    expect((await call(t, as.review_team_member, 'POST', `${at}/agree`, { version: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (await call(t, as.review_team_member, 'POST', `${url}/order`, { findingIds: [finding.id] })).statusCode,
    ).toBe(403);
    expect((await call(t, as.outsider, 'GET', at)).statusCode).toBe(404);
    expect((await call(t, as.lead_reviewer, 'GET', `${url}/${ids.first}`)).statusCode).toBe(404);
    await t.database.db.delete(findings).where(eq(findings.id, finding.id));
  });
});

describe('writing a finding', () => {
  let id: string;

  it('refuses bad input with the fields at fault, and stores nothing', async () => {
    let r = await call(t, as.review_team_member, 'POST', url, {
      statement: 'Accounts of injuries are accepted',
      typologyCode: 'not_a_category',
      episodeIds: [ids.first, ids.elsewhere],
      researchQuestionIds: [ids.otherQuestion],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'typologyCode', message: 'Choose a category of the review’s typology' },
      { path: 'episodeIds.1', message: 'Choose a key practice episode of this review' },
      {
        path: 'researchQuestionIds.0',
        message: 'Choose a research question of the review’s terms of reference',
      },
    ]);
    r = await call(t, as.review_team_member, 'POST', url, {
      statement: ' ',
      polarity: 'neutral',
      boardQuestions: [''],
      prevalenceSources: ['gossip'],
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['boardQuestions.0', 'polarity', 'prevalenceSources.0', 'statement']);
    expect(await stored()).toEqual([]);
    expect(await t.database.db.select().from(findingEpisodes)).toEqual([]);
  });

  it('adds a finding, numbered after the others, emerging and a risk by default, and audits it', async () => {
    const r = await call(t, as.review_team_member, 'POST', url, {
      statement: 'Accounts of injuries to babies are accepted without a second opinion',
      typologyCode: 'human_reasoning',
      episodeIds: [ids.second, ids.first, ids.first],
      researchQuestionIds: [ids.question],
      recommendations: [{ text: 'Agree a protocol for bruising in non-mobile babies', addressee: '' }],
    });
    expect(r.statusCode).toBe(201);
    const f = r.json();
    id = f.id;
    expect(f).toMatchObject({
      number: 1,
      polarity: 'risk',
      status: 'emerging',
      statusLabel: 'Emerging',
      typology: { code: 'human_reasoning', name: 'Human judgement and reasoning' },
      episodes: [
        { id: ids.first, number: 1, title: 'The six-week check' },
        { id: ids.second, number: 2, title: 'The strategy discussion' },
      ],
      researchQuestions: [{ id: ids.question, position: 1, text: 'How are injuries checked?' }],
      recommendations: [{ text: 'Agree a protocol for bruising in non-mobile babies', addressee: null }],
      currency: null,
      priority: null,
      version: 1,
      abilities: { edit: true, agree: false },
    });
    expect(f.unmetForAgreement).toEqual([
      'Give the evidence that it is not a quirk of this case, and where it comes from',
      'Add at least one issue for the board',
    ]);
    const second = await call(t, as.lead_reviewer, 'POST', url, {
      statement: 'A strength',
      polarity: 'strength',
    });
    expect(second.json()).toMatchObject({ number: 2, polarity: 'strength', typology: null, episodes: [] });
    expect(await audited(id, 'finding.created')).toHaveLength(1);
    const list = (await call(t, as.supervisor, 'GET', url)).json();
    expect(
      list.findings.map((x: { number: number; episodeCount: number }) => [x.number, x.episodeCount]),
    ).toEqual([
      [1, 2],
      [2, 0],
    ]);
  });

  it('refuses bad changes with the fields at fault, changing nothing', async () => {
    const r = await call(t, as.review_team_member, 'PATCH', `${url}/${id}`, {
      version: 1,
      statement: 'Changed',
      typologyCode: 'nope',
      episodeIds: [ids.elsewhere],
      researchQuestionIds: [ids.question, ids.otherQuestion],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
      'typologyCode',
      'episodeIds.0',
      'researchQuestionIds.1',
    ]);
    const [row] = await t.database.db.select().from(findings).where(eq(findings.id, id));
    expect(row).toMatchObject({ version: 1, statement: expect.stringMatching(/^Accounts/) });
    expect(
      await t.database.db
        .select()
        .from(findingResearchQuestions)
        .where(eq(findingResearchQuestions.findingId, id)),
    ).toHaveLength(1);
  });

  it('saves a change and answers a stale one with 409 and the finding as it is now', async () => {
    let r = await call(t, as.review_team_member, 'PATCH', `${url}/${id}`, {
      version: 1,
      ...completeFinding,
      currency: 'current',
      priority: 'high',
      episodeIds: [ids.first],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      version: 2,
      currency: 'current',
      priority: 'high',
      episodes: [{ id: ids.first }],
      prevalenceSources: ['review_team', 'data'],
      unmetForAgreement: [],
    });
    const [log] = await audited(id, 'finding.updated');
    expect(log!.details).toMatchObject({
      reviewId: review.id,
      fields: expect.arrayContaining(['prevalenceEvidence', 'episodeIds', 'priority']),
    });
    r = await call(t, as.lead_reviewer, 'PATCH', `${url}/${id}`, { version: 1, statement: 'Overwritten' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('stale_version');
    expect(r.json().error.details.current).toMatchObject({ version: 2, priority: 'high' });
    const [row] = await t.database.db.select().from(findings).where(eq(findings.id, id));
    expect(row!.statement).toMatch(/^Accounts/);
  });

  it('returns an agreed finding to emerging when what it says changes, but not for its priority or themes', async () => {
    let r = await call(t, as.lead_reviewer, 'POST', `${url}/${id}/agree`, { version: 2 });
    expect(r.json()).toMatchObject({ status: 'agreed_by_review_team', version: 3 });
    r = await call(t, as.review_team_member, 'PATCH', `${url}/${id}`, { version: 3, priority: 'medium' });
    expect(r.json()).toMatchObject({ status: 'agreed_by_review_team', version: 4 });
    r = await call(t, as.review_team_member, 'PATCH', `${url}/${id}`, { version: 4, themes: ['cats'] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0]).toEqual({
      path: 'themes.0',
      message: 'Choose themes from the list',
    });
    r = await call(t, as.review_team_member, 'PATCH', `${url}/${id}`, {
      version: 4,
      themes: ['information_sharing', 'neglect'],
    });
    expect(r.json()).toMatchObject({
      status: 'agreed_by_review_team',
      version: 5,
      themes: [
        { key: 'information_sharing', label: 'Information sharing' },
        { key: 'neglect', label: 'Neglect' },
      ],
    });
    r = await call(t, as.review_team_member, 'PATCH', `${url}/${id}`, {
      version: 5,
      boardQuestions: [...completeFinding.boardQuestions, 'What does the board expect of GPs?'],
    });
    expect(r.json()).toMatchObject({ status: 'emerging', version: 6 });
    const logs = await audited(id, 'finding.updated');
    expect(logs.at(-1)!.details).toMatchObject({ fields: ['boardQuestions'], reopened: true });
  });
});

describe('the order of findings', () => {
  it('puts findings in a new order, refusing an order that is not every finding once; removal renumbers', async () => {
    await call(t, as.lead_reviewer, 'POST', url, { statement: 'Third' });
    const order = (await call(t, as.lead_reviewer, 'GET', url))
      .json()
      .findings.map((f: { id: string }) => f.id);
    expect(order).toHaveLength(3);
    let r = await call(t, as.lead_reviewer, 'POST', `${url}/order`, { findingIds: [order[0], order[1]] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0]).toEqual({
      path: 'findingIds',
      message: 'List every finding of the review, each once',
    });
    r = await call(t, as.lead_reviewer, 'POST', `${url}/order`, {
      findingIds: [order[2], order[2], order[0]],
    });
    expect(r.statusCode).toBe(400);
    r = await call(t, as.lead_reviewer, 'POST', `${url}/order`, {
      findingIds: [order[2], order[0], order[1]],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().findings.map((f: { id: string; number: number }) => [f.id, f.number])).toEqual([
      [order[2], 1],
      [order[0], 2],
      [order[1], 3],
    ]);
    const [log] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'findings.reordered'));
    expect(log!.details).toMatchObject({ findingIds: [order[2], order[0], order[1]] });

    expect((await call(t, as.review_team_member, 'DELETE', `${url}/${order[2]}`)).statusCode).toBe(204);
    expect((await call(t, as.review_team_member, 'DELETE', `${url}/${order[2]}`)).statusCode).toBe(204);
    const after = (await call(t, as.lead_reviewer, 'GET', url)).json().findings;
    expect(after.map((f: { id: string; number: number }) => [f.id, f.number])).toEqual([
      [order[0], 1],
      [order[1], 2],
    ]);
    expect(await audited(order[2], 'finding.deleted')).toHaveLength(1);
    expect((await call(t, as.lead_reviewer, 'GET', `${url}/${order[2]}`)).statusCode).toBe(404);
  });
});

describe('flagged wording in findings', () => {
  it('counts flags field by field, each issue for the board on its own, and lets them be kept with a reason', async () => {
    const finding = await givenFinding(t, review, {
      statement: 'Practitioners failed to check accounts of injuries',
      whyItMatters: 'Babies are hurt when the warning signs are missed.',
      boardQuestions: [
        'How does the board know this is checked?',
        'Should have there been a second opinion?',
      ],
      recommendations: [{ text: 'Clearly a protocol is needed', addressee: 'Health' }],
    });
    const at = `${url}/${finding.id}`;
    let f = (await call(t, as.lead_reviewer, 'GET', at)).json();
    expect(
      f.languageFlags.map((x: { field: string; fieldLabel: string }) => [x.field, x.fieldLabel]),
    ).toEqual([
      ['statement', 'The finding'],
      ['whyItMatters', 'Why it matters'],
      ['boardQuestions.1', 'Issue for the board 2'],
      ['recommendations.0', 'Recommendation 1'],
    ]);
    expect(f.languageFlags[0]).toMatchObject({ entityType: 'finding', entityId: finding.id });
    const count = async () =>
      (await call(t, as.lead_reviewer, 'GET', url))
        .json()
        .findings.find((x: { id: string }) => x.id === finding.id).unresolvedFlags;
    expect(await count()).toBe(4);

    const dismiss = `/api/partnerships/${review.partnershipId}/reviews/${review.id}/language-flags/dismissals`;
    const keep = {
      entityType: 'finding',
      entityId: finding.id,
      field: 'boardQuestions.1',
      ruleId: 'should-have',
      phrase: 'Should have',
      reason: 'It is a question to the board, not a judgement of a practitioner.',
    };
    let r = await call(t, as.lead_reviewer, 'POST', dismiss, { ...keep, field: 'boardQuestions.7' });
    expect(r.json().error.details.fields[0].path).toBe('field');
    r = await call(t, as.lead_reviewer, 'POST', dismiss, { ...keep, entityId: ids.first });
    expect(r.json().error.details.fields[0]).toEqual({
      path: 'entityId',
      message: 'Choose a finding of this review',
    });
    r = await call(t, as.lead_reviewer, 'POST', dismiss, { ...keep, field: 'boardQuestions.0' });
    expect(r.json().error.details.fields[0].path).toBe('phrase');
    r = await call(t, as.lead_reviewer, 'POST', dismiss, keep);
    expect(r.statusCode).toBe(200);
    expect(await count()).toBe(3);
    f = (await call(t, as.lead_reviewer, 'GET', at)).json();
    expect(f.languageFlags[2].flags[0]).toMatchObject({
      dismissed: true,
      dismissalReason: keep.reason,
    });
    const [log] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'language_flag.dismissed'));
    expect(log!.details).toMatchObject({
      findingId: finding.id,
      flaggedEntityType: 'finding',
      field: 'boardQuestions.1',
    });
    expect(await t.database.db.select().from(languageFlagDismissals)).toHaveLength(1);
  });
});
