import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenChronologyEvent } from '../chronology/testing.ts';
import { auditEvents, episodes } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { completeEpisode, givenCaseGroupScope, givenEpisode } from './testing.ts';

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let shared: Awaited<ReturnType<typeof givenReview>>;
let url: string;
let sharedUrl: string;
let lead: Session;
let teamMember: Session;
let chair: Session;
let outsider: Session;
let healthVisitor: Session;
let policeOfficer: Session;
const agency = {} as Record<'health' | 'police' | 'school' | 'elsewhere', string>;
const event = {} as Record<'visit' | 'strategy' | 'later' | 'otherReview', string>;
const episode = {} as Record<'involvesHealth' | 'notShared' | 'healthVisitorRole' | 'schoolOnly', string>;

async function audited(entityId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

const storedEpisodes = async (reviewId: string) =>
  t.database.db.select().from(episodes).where(eq(episodes.reviewId, reviewId));

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  review = await givenReview(t, pid);
  shared = await givenReview(t, pid);
  url = `/api/partnerships/${pid}/reviews/${review.id}/episodes`;
  sharedUrl = `/api/partnerships/${pid}/reviews/${shared.id}/episodes`;
  agency.health = (await givenAgency(t, pid, 'Community health')).id;
  agency.police = (await givenAgency(t, pid, 'County police')).id;
  agency.school = (await givenAgency(t, pid, 'Primary school')).id;
  agency.elsewhere = (await givenAgency(t, other.id, 'Another partnership’s police')).id;
  const person = async (
    r: typeof review,
    role: 'lead_reviewer' | 'review_team_member' | 'chair' | 'case_group_member',
    extra: { agencyId?: string; jobTitle?: string } = {},
  ) => (await signedInWithRole(t, r, role, extra)).session;
  lead = await person(review, 'lead_reviewer');
  teamMember = await person(review, 'review_team_member');
  chair = await person(review, 'chair');
  healthVisitor = await person(shared, 'case_group_member', {
    agencyId: agency.health,
    jobTitle: 'Health visitor',
  });
  policeOfficer = await person(shared, 'case_group_member', { agencyId: agency.police });
  outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);

  event.visit = (
    await givenChronologyEvent(t, review, {
      agencyId: agency.health,
      occurredOn: '2026-03-02',
      practitionerRole: 'Health visitor',
    })
  ).id;
  event.strategy = (
    await givenChronologyEvent(t, review, {
      agencyId: agency.police,
      occurredOn: '2026-03-05',
      endsOn: '2026-03-09',
      practitionerRole: 'Detective constable',
      summary: 'Strategy discussion over several days',
    })
  ).id;
  event.later = (
    await givenChronologyEvent(t, review, { agencyId: agency.school, occurredOn: '2026-04-20' })
  ).id;
  event.otherReview = (await givenChronologyEvent(t, shared, { agencyId: agency.health })).id;

  episode.involvesHealth = (
    await givenEpisode(t, shared, {
      agencyIds: [agency.health],
      shared: true,
      hindsight: 'Later records show more',
    })
  ).id;
  episode.notShared = (await givenEpisode(t, shared, { agencyIds: [agency.health] })).id;
  episode.healthVisitorRole = (
    await givenEpisode(t, shared, { agencyIds: [agency.school], roles: ['health visitor'], shared: true })
  ).id;
  episode.schoolOnly = (await givenEpisode(t, shared, { agencyIds: [agency.school], shared: true })).id;
});
afterAll(() => t.close());

describe('making key practice episodes', () => {
  it('refuses anonymous requests, hides the review from other partnerships and refuses roles without the analysis', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(t, outsider, 'POST', url, { title: 'x', eventIds: [event.visit] })).statusCode).toBe(
      404,
    );
    expect((await call(t, chair, 'GET', url)).statusCode).toBe(403);
    expect((await call(t, chair, 'POST', url, { title: 'x', eventIds: [event.visit] })).statusCode).toBe(403);
  });

  it('makes an episode from events: its period, agencies and roles follow from them, and it is audited', async () => {
    const r = await call(t, teamMember, 'POST', url, {
      title: 'Response to the bruise',
      eventIds: [event.strategy, event.visit],
    });
    expect(r.statusCode).toBe(201);
    const e = r.json();
    expect(e).toMatchObject({
      number: 1,
      title: 'Response to the bruise',
      periodFrom: '2026-03-02',
      periodTo: '2026-03-09',
      roles: ['Health visitor', 'Detective constable'],
      status: 'draft',
      statusLabel: 'Draft',
      sharedWithCaseGroupAt: null,
      version: 1,
      abilities: { edit: true, manage: false, comment: true },
    });
    expect(e.agencies.map((a: { name: string }) => a.name).sort()).toEqual([
      'Community health',
      'County police',
    ]);
    expect(e.events.map((x: { id: string }) => x.id)).toEqual([event.visit, event.strategy]);
    expect(e.unmetForNextStatus).toContain('Write what happened');
    expect(await audited(e.id, 'episode.created')).toHaveLength(1);
  });

  it('makes an episode from a period: agencies with events in it, and no event links', async () => {
    const r = await call(t, lead, 'POST', url, {
      title: 'The strategy discussion',
      periodFrom: '2026-03-07',
      periodTo: '2026-03-31',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      number: 2,
      periodFrom: '2026-03-07',
      periodTo: '2026-03-31',
      agencies: [{ id: agency.police, name: 'County police' }],
      roles: [],
      events: [],
    });
  });

  it('refuses bad input with the field at fault, and stores nothing', async () => {
    const before = (await storedEpisodes(review.id)).length;
    let r = await call(t, lead, 'POST', url, {
      title: 'From elsewhere',
      eventIds: [event.visit, event.otherReview],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields).toEqual([
      { path: 'eventIds.1', message: 'Choose an event from this review’s narrative' },
    ]);
    r = await call(t, lead, 'POST', url, { title: ' ', periodFrom: '2026-03-09' });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['eventIds', 'title']);
    r = await call(t, lead, 'POST', url, {
      title: 'Backwards',
      periodFrom: '2026-03-09',
      periodTo: '2026-03-01',
    });
    expect(r.json().error.details.fields[0].path).toBe('periodTo');
    expect(await storedEpisodes(review.id)).toHaveLength(before);
  });
});

describe('changing an episode', () => {
  let id: string;
  let at: string;
  beforeAll(async () => {
    id = (await call(t, lead, 'GET', url)).json().episodes[0].id;
    at = `${url}/${id}`;
  });

  it('reads the episode for reviewers, auditing each reading', async () => {
    const r = await call(t, teamMember, 'GET', at);
    expect(r.statusCode).toBe(200);
    expect(r.json().id).toBe(id);
    expect(await audited(id, 'episode.viewed')).toHaveLength(1);
    expect((await call(t, outsider, 'GET', at)).statusCode).toBe(404);
    expect((await call(t, chair, 'GET', at)).statusCode).toBe(403);
  });

  it('refuses what is not in the review or its scale, changing nothing', async () => {
    const r = await call(t, teamMember, 'PATCH', at, {
      version: 1,
      whatHappened: 'Changed',
      appraisal: 'excellent',
      agencyIds: [agency.health, agency.elsewhere],
      eventIds: [event.otherReview],
      evidence: [
        { kind: 'document', targetId: event.visit },
        { kind: 'event', targetId: event.visit },
      ],
      periodFrom: '2026-03-20',
    });
    expect(r.statusCode).toBe(400);
    expect(
      r
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual([
      'agencyIds.1',
      'appraisal',
      'eventIds.0',
      'evidence.0.targetId',
      'evidence.1.kind',
      'periodTo',
    ]);
    const [row] = await t.database.db.select().from(episodes).where(eq(episodes.id, id));
    expect(row).toMatchObject({ version: 1, whatHappened: '', appraisal: null });
  });

  it('saves a change and answers a stale one with 409 and the episode as it is now', async () => {
    let r = await call(t, teamMember, 'PATCH', at, {
      version: 1,
      ...completeEpisode,
      eventIds: [event.visit],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      version: 2,
      appraisal: { key: 'adequate', label: 'Adequate' },
      events: [{ id: event.visit }],
      unmetForNextStatus: [],
    });
    const [log] = await audited(id, 'episode.updated');
    expect(log!.details).toMatchObject({
      reviewId: review.id,
      fields: expect.arrayContaining(['appraisal']),
    });

    r = await call(t, lead, 'PATCH', at, { version: 1, title: 'Overwritten' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('stale_version');
    expect(r.json().error.details.current).toMatchObject({ version: 2, title: 'Response to the bruise' });
    expect((await call(t, policeOfficer, 'PATCH', at, { version: 2, title: 'x' })).statusCode).toBe(404);
  });

  it('moves forward only when the episode is ready, listing what is missing', async () => {
    const second = (await call(t, lead, 'GET', url)).json().episodes[1].id;
    let r = await call(t, lead, 'POST', `${url}/${second}/status`, {
      version: 1,
      status: 'review_team_agreed',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('conflict');
    expect(r.json().error.details.unmet).toEqual([
      'Write what happened',
      'Write how it looked at the time',
      'Choose an appraisal of the practice',
      'Give the reasons for the appraisal',
    ]);
    const [row] = await t.database.db.select().from(episodes).where(eq(episodes.id, second));
    expect(row).toMatchObject({ status: 'draft', version: 1 });

    expect(
      (await call(t, teamMember, 'POST', `${at}/status`, { version: 2, status: 'review_team_agreed' }))
        .statusCode,
    ).toBe(403);
    r = await call(t, lead, 'POST', `${at}/status`, { version: 2, status: 'review_team_agreed' });
    expect(r.json()).toMatchObject({ status: 'review_team_agreed', version: 3 });
    expect(r.json().unmetForNextStatus).toEqual(['Share the episode with the case group']);
    expect(await audited(id, 'episode.status_changed')).toHaveLength(1);

    r = await call(t, lead, 'POST', `${at}/status`, { version: 3, status: 'case_group_checked' });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.unmet).toEqual(['Share the episode with the case group']);
  });

  it('returns an agreed episode to draft when what it says changes, but not for other changes', async () => {
    let r = await call(t, teamMember, 'PATCH', at, {
      version: 3,
      goodPractice: true,
      roles: ['Health visitor'],
    });
    expect(r.json()).toMatchObject({ status: 'review_team_agreed', version: 4, goodPractice: true });
    r = await call(t, teamMember, 'PATCH', at, {
      version: 4,
      hindsight: 'Later the GP record showed a second mark.',
    });
    expect(r.json()).toMatchObject({ status: 'draft', version: 5 });
    const logs = await audited(id, 'episode.updated');
    expect(logs.at(-1)!.details).toMatchObject({ fields: ['hindsight'], reopened: true });
  });
});

describe('the order of episodes', () => {
  it('puts episodes in a new order, numbered 1..n, refusing an order that is not every episode once', async () => {
    await call(t, lead, 'POST', url, { title: 'Third', eventIds: [event.later] });
    const ids = (await call(t, lead, 'GET', url)).json().episodes.map((e: { id: string }) => e.id);
    expect(ids).toHaveLength(3);
    let r = await call(t, lead, 'POST', `${url}/order`, { episodeIds: [ids[0], ids[1]] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].path).toBe('episodeIds');
    r = await call(t, lead, 'POST', `${url}/order`, { episodeIds: [ids[2], ids[2], ids[0]] });
    expect(r.statusCode).toBe(400);
    expect(
      (await call(t, teamMember, 'POST', `${url}/order`, { episodeIds: [...ids].reverse() })).statusCode,
    ).toBe(403);

    r = await call(t, lead, 'POST', `${url}/order`, { episodeIds: [ids[2], ids[0], ids[1]] });
    expect(r.statusCode).toBe(200);
    expect(r.json().episodes.map((e: { id: string; number: number }) => [e.id, e.number])).toEqual([
      [ids[2], 1],
      [ids[0], 2],
      [ids[1], 3],
    ]);
    const [log] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'episodes.reordered'));
    expect(log!.details).toMatchObject({ reviewId: review.id });
  });

  it('numbers the rest again when one is removed, and removing it twice changes nothing', async () => {
    const before = (await call(t, lead, 'GET', url)).json().episodes;
    const gone = before[0].id;
    expect((await call(t, outsider, 'DELETE', `${url}/${gone}`)).statusCode).toBe(404);
    expect((await call(t, chair, 'DELETE', `${url}/${gone}`)).statusCode).toBe(403);
    expect((await call(t, teamMember, 'DELETE', `${url}/${gone}`)).statusCode).toBe(204);
    expect((await call(t, teamMember, 'DELETE', `${url}/${gone}`)).statusCode).toBe(204);
    const after = (await call(t, lead, 'GET', url)).json().episodes;
    expect(after.map((e: { id: string; number: number }) => [e.id, e.number])).toEqual([
      [before[1].id, 1],
      [before[2].id, 2],
    ]);
    expect(await audited(gone, 'episode.deleted')).toHaveLength(1);
    expect((await call(t, lead, 'GET', `${url}/${gone}`)).statusCode).toBe(404);
  });
});

describe('what the case group sees', () => {
  const ids = (r: { json(): { episodes: { id: string }[] } }) =>
    r
      .json()
      .episodes.map((e) => e.id)
      .sort();

  it('shows a member only shared episodes that involve their agency or role', async () => {
    const list = await call(t, healthVisitor, 'GET', sharedUrl);
    expect(list.statusCode).toBe(200);
    expect(ids(list)).toEqual([episode.involvesHealth, episode.healthVisitorRole].sort());
    expect(list.json()).toMatchObject({
      caseGroupScope: 'involved',
      unresolvedLanguageFlags: 0,
      abilities: { create: false, manage: false, comment: true },
    });
    expect((await call(t, healthVisitor, 'GET', `${sharedUrl}/${episode.notShared}`)).statusCode).toBe(404);
    expect((await call(t, healthVisitor, 'GET', `${sharedUrl}/${episode.schoolOnly}`)).statusCode).toBe(404);
    expect(ids(await call(t, policeOfficer, 'GET', sharedUrl))).toEqual([]);
    expect((await call(t, policeOfficer, 'GET', `${sharedUrl}/${episode.involvesHealth}`)).statusCode).toBe(
      404,
    );
  });

  it('gives a member the shared analysis, hindsight included, without events, evidence or flagged wording', async () => {
    const r = await call(t, healthVisitor, 'GET', `${sharedUrl}/${episode.involvesHealth}`);
    expect(r.json()).toMatchObject({
      hindsight: 'Later records show more',
      events: [],
      evidence: [],
      languageFlags: [],
      unmetForNextStatus: [],
      abilities: { edit: false, manage: false, comment: true },
    });
  });

  it('lets a lead reviewer share every shared episode with the whole case group, or stop sharing one', async () => {
    let r = await call(t, lead, 'POST', `${sharedUrl}/share`, { episodeIds: [event.visit], shared: true });
    expect(r.statusCode).toBe(404);
    const leadOfShared = await (async () => {
      const user = await givenMember(t, shared.partnershipId, 'member');
      await givenParticipant(t, shared, 'lead_reviewer', user);
      return signInAs(t, user.email);
    })();
    r = await call(t, leadOfShared, 'POST', `${sharedUrl}/share`, {
      episodeIds: [event.visit],
      shared: true,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].path).toBe('episodeIds.0');

    r = await call(t, leadOfShared, 'POST', `${sharedUrl}/share`, {
      episodeIds: [episode.schoolOnly],
      shared: false,
      scope: 'all',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().caseGroupScope).toBe('all');
    expect(ids(await call(t, policeOfficer, 'GET', sharedUrl))).toEqual(
      [episode.involvesHealth, episode.healthVisitorRole].sort(),
    );
    const [log] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'episodes.shared'));
    expect(log!.details).toMatchObject({ reviewId: shared.id, shared: false, scope: 'all' });
    await givenCaseGroupScope(t, shared, 'involved');
    expect(ids(await call(t, policeOfficer, 'GET', sharedUrl))).toEqual([]);
  });

  it('refuses a case group member anything but reading and commenting', async () => {
    const at = `${sharedUrl}/${episode.involvesHealth}`;
    expect((await call(t, healthVisitor, 'PATCH', at, { version: 1, title: 'x' })).statusCode).toBe(403);
    expect(
      (await call(t, healthVisitor, 'POST', sharedUrl, { title: 'x', eventIds: [event.otherReview] }))
        .statusCode,
    ).toBe(403);
    expect((await call(t, healthVisitor, 'DELETE', at)).statusCode).toBe(403);
  });
});
