import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenEpisode } from '../analysis/testing.ts';
import { auditEvents, findings } from '../db/schema/index.ts';
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
import { completeFinding, givenFinding } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let base: string;
let url: string;
let lead: Session;
let manager: Session;
let teamMember: Session;
const ids = {} as Record<'first' | 'second' | 'police', string>;

const audited = (entityId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
const row = async (id: string) =>
  (await t.database.db.select().from(findings).where(eq(findings.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid);
  base = `/api/partnerships/${pid}/reviews/${review.id}`;
  url = `${base}/findings`;
  const person = async (role: 'lead_reviewer' | 'review_team_member') =>
    (await signedInWithRole(t, review, role)).session;
  lead = await person('lead_reviewer');
  teamMember = await person('review_team_member');
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  ids.police = (await givenAgency(t, pid, 'County police')).id;
  ids.first = (await givenEpisode(t, review, { title: 'The six-week check' })).id;
  ids.second = (
    await givenEpisode(t, review, { title: 'The strategy discussion', agencyIds: [ids.police] })
  ).id;
});
afterAll(() => t.close());

describe('agreeing a finding', () => {
  it('refuses while anything is missing, naming each thing and changing nothing; agrees once complete', async () => {
    const f = await givenFinding(t, review);
    const at = `${url}/${f.id}`;
    expect((await call(t, teamMember, 'POST', `${at}/agree`, { version: 1 })).statusCode).toBe(403);
    expect((await call(t, lead, 'POST', `${at}/agree`, {})).json().error.details.fields[0].path).toBe(
      'version',
    );
    let r = await call(t, lead, 'POST', `${at}/agree`, { version: 1 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'conflict',
      message: 'The finding cannot be agreed yet.',
      details: {
        unmet: [
          'Choose the typology category',
          'Link at least one key practice episode that shows it',
          'Give the evidence that it is not a quirk of this case, and where it comes from',
          'Add at least one issue for the board',
        ],
      },
    });
    expect(await row(f.id)).toMatchObject({ status: 'emerging', version: 1 });

    const patch = async (version: number, body: object) => {
      const res = await call(t, teamMember, 'PATCH', at, { version, ...body });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    await patch(1, { typologyCode: completeFinding.typologyCode, episodeIds: [ids.first] });
    r = await call(t, lead, 'POST', `${at}/agree`, { version: 2 });
    expect(r.json().error.details.unmet).toEqual([
      'Give the evidence that it is not a quirk of this case, and where it comes from',
      'Add at least one issue for the board',
    ]);
    // Evidence without saying where it comes from is not enough.
    await patch(2, { prevalenceEvidence: completeFinding.prevalenceEvidence });
    r = await call(t, lead, 'POST', `${at}/agree`, { version: 3 });
    expect(r.json().error.details.unmet).toEqual([
      'Give the evidence that it is not a quirk of this case, and where it comes from',
      'Add at least one issue for the board',
    ]);
    await patch(3, { prevalenceSources: completeFinding.prevalenceSources });
    r = await call(t, lead, 'POST', `${at}/agree`, { version: 4 });
    expect(r.json().error.details.unmet).toEqual(['Add at least one issue for the board']);
    expect(await row(f.id)).toMatchObject({ status: 'emerging', version: 4 });
    expect(await audited(f.id, 'finding.agreed')).toEqual([]);

    await patch(4, { boardQuestions: completeFinding.boardQuestions });
    r = await call(t, lead, 'POST', `${at}/agree`, { version: 4 });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('stale_version');
    expect(r.json().error.details.current).toMatchObject({ version: 5, unmetForAgreement: [] });
    r = await call(t, lead, 'POST', `${at}/agree`, { version: 5 });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'agreed_by_review_team',
      statusLabel: 'Agreed by the review team',
      version: 6,
    });
    const [log] = await audited(f.id, 'finding.agreed');
    expect(log!.details).toMatchObject({
      reviewId: review.id,
      from: 'emerging',
      to: 'agreed_by_review_team',
    });
  });

  it('makes a finding final only once agreed, and lets it go back to emerging or tested at any time', async () => {
    const f = await givenFinding(t, review, { ...completeFinding, episodeIds: [ids.first] });
    const at = `${url}/${f.id}/status`;
    expect((await call(t, teamMember, 'POST', at, { version: 1, status: 'final' })).statusCode).toBe(403);
    let r = await call(t, manager, 'POST', at, { version: 1, status: 'finished' });
    expect(r.json().error.details.fields[0].path).toBe('status');
    r = await call(t, manager, 'POST', at, { version: 1, status: 'final' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toBe('The finding cannot be marked “Final” yet.');
    expect(r.json().error.details.unmet).toEqual(['The review team must agree the finding first']);
    expect(await row(f.id)).toMatchObject({ status: 'emerging', version: 1 });

    r = await call(t, manager, 'POST', at, { version: 1, status: 'tested_with_case_group' });
    expect(r.json()).toMatchObject({ status: 'tested_with_case_group', version: 2 });
    r = await call(t, manager, 'POST', `${url}/${f.id}/agree`, { version: 2 });
    expect(r.json()).toMatchObject({ status: 'agreed_by_review_team', version: 3 });
    r = await call(t, manager, 'POST', at, { version: 3, status: 'final' });
    expect(r.json()).toMatchObject({ status: 'final', statusLabel: 'Final', version: 4 });
    // Agreeing a final finding leaves it final.
    r = await call(t, manager, 'POST', `${url}/${f.id}/agree`, { version: 4 });
    expect(r.json()).toMatchObject({ status: 'final', version: 4 });
    r = await call(t, manager, 'POST', at, { version: 4, status: 'emerging' });
    expect(r.json()).toMatchObject({ status: 'emerging', version: 5 });
    const logs = await audited(f.id, 'finding.status_changed');
    expect(logs.map((l) => l.details)).toEqual([
      expect.objectContaining({ from: 'emerging', to: 'tested_with_case_group' }),
      expect.objectContaining({ from: 'agreed_by_review_team', to: 'final' }),
      expect.objectContaining({ from: 'final', to: 'emerging' }),
    ]);
  });

  it('returns a final finding to emerging when what it says changes', async () => {
    const f = await givenFinding(t, review, { ...completeFinding, status: 'final', episodeIds: [ids.first] });
    const r = await call(t, teamMember, 'PATCH', `${url}/${f.id}`, { version: 1, episodeIds: [ids.second] });
    expect(r.json()).toMatchObject({ status: 'emerging', version: 2, episodes: [{ id: ids.second }] });
  });
});

describe('findings on the causal map', () => {
  it('shows each finding with episodes as a node, with an edge from each episode that supports it', async () => {
    const f = await givenFinding(t, review, {
      statement: 'Accounts of injuries are accepted',
      episodeIds: [ids.second, ids.first],
    });
    const unlinked = await givenFinding(t, review, { statement: 'Nothing shows this yet' });
    let map = (await call(t, lead, 'GET', `${base}/causal-map`)).json();
    const node = map.nodes.find((n: { id: string }) => n.id === `finding:${f.id}`);
    expect(node).toEqual({
      id: `finding:${f.id}`,
      kind: 'finding',
      label: `Finding ${f.number}`,
      detail: 'Accounts of injuries are accepted',
      group: null,
      appraisal: null,
      href: `/partnerships/${review.partnershipId}/reviews/${review.id}/findings/${f.id}`,
    });
    expect(map.edges.filter((e: { to: string }) => e.to === `finding:${f.id}`)).toEqual([
      { from: `episode:${ids.first}`, to: `finding:${f.id}`, kind: 'supports', detail: null },
      { from: `episode:${ids.second}`, to: `finding:${f.id}`, kind: 'supports', detail: null },
    ]);
    expect(map.nodes.some((n: { id: string }) => n.id === `finding:${unlinked.id}`)).toBe(false);
    map = (await call(t, lead, 'GET', `${base}/causal-map?agencyId=${ids.police}`)).json();
    expect(map.edges.filter((e: { to: string }) => e.to === `finding:${f.id}`)).toEqual([
      expect.objectContaining({ from: `episode:${ids.second}` }),
    ]);
  });
});

describe('research questions a finding answers', () => {
  it('stay linked when the terms of reference are saved with the questions in a new order', async () => {
    const tor = `/api/partnerships/${review.partnershipId}/reviews/${review.id}`;
    let r = await call(t, lead, 'PATCH', tor, {
      version: review.version,
      researchQuestions: ['How are injuries checked?', 'How do agencies share concerns?'],
    });
    expect(r.statusCode).toBe(200);
    const [checked, shared] = r.json().termsOfReference.researchQuestions as Array<{ id: string }>;
    const created = await call(t, teamMember, 'POST', url, {
      statement: 'Concerns are shared late',
      researchQuestionIds: [checked!.id, shared!.id],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    r = await call(t, lead, 'PATCH', tor, {
      version: r.json().version,
      researchQuestions: ['How do agencies share concerns?', 'A new question', 'How are injuries checked?'],
    });
    expect(r.statusCode).toBe(200);
    const finding = (await call(t, lead, 'GET', `${url}/${id}`)).json();
    expect(finding.researchQuestions).toEqual([
      { id: shared!.id, position: 1, text: 'How do agencies share concerns?' },
      { id: checked!.id, position: 3, text: 'How are injuries checked?' },
    ]);
    r = await call(t, lead, 'PATCH', tor, {
      version: r.json().version,
      researchQuestions: ['A new question'],
    });
    expect(r.statusCode).toBe(200);
    expect((await call(t, lead, 'GET', `${url}/${id}`)).json().researchQuestions).toEqual([]);
  });
});
