import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenChronologyEvent } from '../chronology/testing.ts';
import {
  auditEvents,
  contributoryFactors,
  episodeEvents,
  languageFlagDismissals,
} from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenEpisode, givenFactor } from './testing.ts';

let t: TestApp;
let base: string;
let pid: string;
let reviewId: string;
let lead: Session;
let supervisor: Session;
let caseGroup: Session;
let chair: Session;
let outsider: Session;
const agency = {} as Record<'health' | 'police', string>;
const ids = {} as Record<'first' | 'second' | 'third' | 'factor' | 'sharedFactor', string>;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await givenPartnership(t)).id;
  const review = await givenReview(t, pid);
  reviewId = review.id;
  base = `/api/partnerships/${pid}/reviews/${review.id}`;
  const person = async (role: 'lead_reviewer' | 'supervisor' | 'case_group_member' | 'chair') => {
    const user = await givenMember(t, pid, 'member');
    await givenParticipant(t, review, role, user);
    return signInAs(t, user.email);
  };
  lead = await person('lead_reviewer');
  supervisor = await person('supervisor');
  caseGroup = await person('case_group_member');
  chair = await person('chair');
  outsider = await signInAs(
    t,
    (await givenMember(t, (await givenPartnership(t)).id, 'partnership_admin')).email,
  );
  agency.health = (await givenAgency(t, pid, 'Community health')).id;
  agency.police = (await givenAgency(t, pid, 'County police')).id;

  const first = await givenEpisode(t, review, {
    title: 'The six-week check',
    agencyIds: [agency.health],
    appraisal: 'problematic',
    whatHappened:
      'The health visitor failed to ask about the mark. With hindsight, the warning signs were there.',
    localRationality: 'She said “it was obviously an accident” and the baby was feeding well.',
  });
  const second = await givenEpisode(t, review, {
    title: 'The strategy discussion',
    agencyIds: [agency.police, agency.health],
  });
  const third = await givenEpisode(t, review, { title: 'The school referral', agencyIds: [] });
  ids.first = first.id;
  ids.second = second.id;
  ids.third = third.id;
  ids.factor = (
    await givenFactor(t, first, {
      groupKey: 'conditions_of_work',
      factorType: 'Workload',
      description: 'Clearly too busy',
    })
  ).id;
  ids.sharedFactor = (
    await givenFactor(t, second, {
      groupKey: 'conditions_of_work',
      factorType: 'Workload',
      description: 'Busy',
    })
  ).id;
  await givenFactor(t, second, {
    groupKey: 'family',
    factorType: null,
    description: 'Father answered every question',
  });
});
afterAll(() => t.close());

describe('the language check', () => {
  it('flags hindsight and blame wording against the review’s rules, storing nothing', async () => {
    expect((await call(t, null, 'POST', `${base}/language-check`, { text: 'x' })).statusCode).toBe(401);
    expect((await call(t, outsider, 'POST', `${base}/language-check`, { text: 'x' })).statusCode).toBe(404);
    expect((await call(t, caseGroup, 'POST', `${base}/language-check`, { text: 'x' })).statusCode).toBe(403);
    let r = await call(t, supervisor, 'POST', `${base}/language-check`, { text: 1 });
    expect(r.json().error.details.fields[0].path).toBe('text');
    r = await call(t, supervisor, 'POST', `${base}/language-check`, {
      text: 'The team missed opportunities and should have acted.',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      rulesVersion: 1,
      flags: [
        { ruleId: 'missed-opportunity', phrase: 'missed opportunities', replacement: 'opportunities' },
        { ruleId: 'should-have', phrase: 'should have' },
      ],
    });
  });

  it('counts unresolved flags in the episodes and their factors, leaving quoted speech alone', async () => {
    const list = (await call(t, lead, 'GET', `${base}/episodes`)).json();
    expect(list.unresolvedLanguageFlags).toBe(4);
    expect(list.episodes.map((e: { unresolvedFlags: number }) => e.unresolvedFlags)).toEqual([4, 0, 0]);
    const flags = (await call(t, supervisor, 'GET', `${base}/language-flags`)).json();
    expect(flags.unresolved).toBe(4);
    expect(
      flags.fields.map((f: { entityType: string; field: string; flags: unknown[] }) => [
        f.entityType,
        f.field,
        f.flags.length,
      ]),
    ).toEqual([
      ['episode', 'whatHappened', 3],
      ['factor', 'description', 1],
    ]);
    expect(flags.fields[0]).toMatchObject({
      episodeId: ids.first,
      episodeNumber: 1,
      fieldLabel: 'What happened',
    });
    const episode = (await call(t, lead, 'GET', `${base}/episodes/${ids.first}`)).json();
    expect(episode.languageFlags.map((f: { field: string }) => f.field)).toEqual([
      'whatHappened',
      'description',
    ]);
    expect((await call(t, chair, 'GET', `${base}/language-flags`)).statusCode).toBe(403);
  });

  it('keeps flagged wording with a reason, counting it no longer; refuses wording not flagged there', async () => {
    const url = `${base}/language-flags/dismissals`;
    const keep = {
      entityType: 'episode',
      entityId: ids.first,
      field: 'whatHappened',
      ruleId: 'failed-to',
      phrase: 'Failed  to',
      reason: 'The procedure required the question; the wording is the standard’s.',
    };
    expect((await call(t, supervisor, 'POST', url, keep)).statusCode).toBe(403);
    let r = await call(t, lead, 'POST', url, { ...keep, phrase: 'should have' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0]).toMatchObject({
      path: 'phrase',
      message: expect.stringMatching(/not flagged/),
    });
    r = await call(t, lead, 'POST', url, {
      ...keep,
      field: 'localRationality',
      phrase: 'obviously',
      ruleId: 'obviously',
    });
    expect(r.json().error.details.fields[0].path).toBe('phrase');
    r = await call(t, lead, 'POST', url, { ...keep, field: 'title' });
    expect(r.json().error.details.fields[0].path).toBe('field');
    r = await call(t, lead, 'POST', url, { ...keep, entityId: ids.factor });
    expect(r.json().error.details.fields[0].path).toBe('entityId');

    r = await call(t, lead, 'POST', url, keep);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ dismissed: true });
    r = await call(t, lead, 'POST', url, { ...keep, reason: 'Kept: the standard’s wording.' });
    expect(r.statusCode).toBe(200);
    const stored = await t.database.db.select().from(languageFlagDismissals);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ phrase: 'failed to', reason: 'Kept: the standard’s wording.' });
    r = await call(t, lead, 'POST', url, {
      entityType: 'factor',
      entityId: ids.factor,
      field: 'description',
      ruleId: 'obviously',
      phrase: 'clearly',
      reason: 'It is the practitioner’s own word.',
    });
    expect(r.statusCode).toBe(200);
    const logs = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'language_flag.dismissed'));
    expect(logs).toHaveLength(3);
    expect(logs[0]!.details).toMatchObject({ reviewId, flaggedEntityId: ids.first, field: 'whatHappened' });

    expect((await call(t, lead, 'GET', `${base}/episodes`)).json().unresolvedLanguageFlags).toBe(2);
    const flags = (await call(t, lead, 'GET', `${base}/language-flags`)).json();
    expect(flags.unresolved).toBe(2);
    expect(flags.fields[0].flags[0]).toMatchObject({
      ruleId: 'failed-to',
      dismissed: true,
      dismissalReason: 'Kept: the standard’s wording.',
    });
  });

  it('counts again after rewording: reworded flags go, new ones count', async () => {
    const episode = (await call(t, lead, 'GET', `${base}/episodes/${ids.first}`)).json();
    const r = await call(t, lead, 'PATCH', `${base}/episodes/${ids.first}`, {
      version: episode.version,
      whatHappened: 'The health visitor failed to ask about the mark. Looking back, it was a missed chance.',
    });
    expect(r.statusCode).toBe(200);
    // "failed to" is still kept; "looking back" and "missed chance" are new.
    expect(
      r
        .json()
        .languageFlags[0].flags.map((f: { phrase: string; dismissed: boolean }) => [f.phrase, f.dismissed]),
    ).toEqual([
      ['failed to', true],
      ['Looking back', false],
      ['missed chance', false],
    ]);
    expect((await call(t, lead, 'GET', `${base}/episodes`)).json().unresolvedLanguageFlags).toBe(2);
  });
});

describe('the causal map', () => {
  it('shows episodes and the factors that influenced them, one node per shared factor type', async () => {
    expect((await call(t, null, 'GET', `${base}/causal-map`)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', `${base}/causal-map`)).statusCode).toBe(404);
    expect((await call(t, caseGroup, 'GET', `${base}/causal-map`)).statusCode).toBe(403);
    const r = await call(t, supervisor, 'GET', `${base}/causal-map`);
    expect(r.statusCode).toBe(200);
    const map = r.json();
    expect(map.nodes.filter((n: { kind: string }) => n.kind === 'episode')).toEqual([
      {
        id: `episode:${ids.first}`,
        kind: 'episode',
        label: '1. The six-week check',
        detail: 'Appraisal: Problematic',
        group: null,
        appraisal: 'problematic',
        href: `/partnerships/${pid}/reviews/${reviewId}/episodes/${ids.first}`,
      },
      expect.objectContaining({ label: '2. The strategy discussion', detail: 'Not yet appraised' }),
      expect.objectContaining({ label: '3. The school referral' }),
    ]);
    const factors = map.nodes.filter((n: { kind: string }) => n.kind === 'factor');
    expect(factors.map((n: { label: string; href: null }) => [n.label, n.href])).toEqual([
      ['Workload', null],
      ['Father answered every question', null],
    ]);
    expect(map.edges).toEqual([
      {
        from: 'factor:conditions_of_work:workload',
        to: `episode:${ids.first}`,
        kind: 'influenced',
        detail: 'Clearly too busy',
      },
      {
        from: 'factor:conditions_of_work:workload',
        to: `episode:${ids.second}`,
        kind: 'influenced',
        detail: 'Busy',
      },
      {
        from: factors[1].id,
        to: `episode:${ids.second}`,
        kind: 'influenced',
        detail: 'Father answered every question',
      },
    ]);
    expect(map.agencies.map((a: { name: string }) => a.name)).toEqual(['Community health', 'County police']);
    expect(map.groups.map((g: { key: string }) => g.key)).toContain('conditions_of_work');
  });

  it('filters by agency and by factor group', async () => {
    let map = (await call(t, lead, 'GET', `${base}/causal-map?agencyId=${agency.police}`)).json();
    expect(map.nodes.map((n: { id: string }) => n.id)).toEqual([
      `episode:${ids.second}`,
      'factor:conditions_of_work:workload',
      expect.stringMatching(/^factor:family:/),
    ]);
    map = (await call(t, lead, 'GET', `${base}/causal-map?group=family`)).json();
    expect(
      map.nodes.filter((n: { kind: string }) => n.kind === 'factor').map((n: { group: string }) => n.group),
    ).toEqual(['family']);
    expect(map.edges).toHaveLength(1);
    const r = await call(t, lead, 'GET', `${base}/causal-map?agencyId=nope`);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details.fields[0].path).toBe('agencyId');
  });

  it('shows the findings the episodes support, linking to the finding', async () => {
    const review = { id: reviewId, partnershipId: pid };
    const finding = await givenFinding(t, review, {
      statement: 'Busy teams accept accounts of injuries',
      episodeIds: [ids.first, ids.second],
    });
    let map = (await call(t, lead, 'GET', `${base}/causal-map`)).json();
    expect(map.nodes.filter((n: { kind: string }) => n.kind === 'finding')).toEqual([
      {
        id: `finding:${finding.id}`,
        kind: 'finding',
        label: 'Finding 1',
        detail: 'Busy teams accept accounts of injuries',
        group: null,
        appraisal: null,
        href: `/partnerships/${pid}/reviews/${reviewId}/findings/${finding.id}`,
      },
    ]);
    expect(map.edges.filter((e: { kind: string }) => e.kind === 'supports')).toEqual([
      { from: `episode:${ids.first}`, to: `finding:${finding.id}`, kind: 'supports', detail: null },
      { from: `episode:${ids.second}`, to: `finding:${finding.id}`, kind: 'supports', detail: null },
    ]);
    // An agency filter keeps the finding with the episodes that are still shown.
    map = (await call(t, lead, 'GET', `${base}/causal-map?agencyId=${agency.police}`)).json();
    expect(map.edges.filter((e: { kind: string }) => e.kind === 'supports')).toEqual([
      { from: `episode:${ids.second}`, to: `finding:${finding.id}`, kind: 'supports', detail: null },
    ]);
  });
});

describe('the reference data a review is analysed with', () => {
  it('is the pinned version of each kind, for reviewers and the case group', async () => {
    expect((await call(t, null, 'GET', `${base}/reference`)).statusCode).toBe(401);
    expect((await call(t, outsider, 'GET', `${base}/reference`)).statusCode).toBe(404);
    expect((await call(t, chair, 'GET', `${base}/reference`)).statusCode).toBe(403);
    const r = await call(t, caseGroup, 'GET', `${base}/reference`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      appraisal: {
        version: 1,
        content: { grades: expect.arrayContaining([expect.objectContaining({ key: 'good' })]) },
      },
      factors: { version: 1 },
      language: { version: 1 },
      typology: { version: 1 },
    });
  });
});

describe('merging narrative events', () => {
  it('moves the other event’s episode links to the kept event', async () => {
    const review = { id: reviewId, partnershipId: pid };
    const kept = await givenChronologyEvent(t, review, { agencyId: agency.health });
    const merged = await givenChronologyEvent(t, review, { agencyId: agency.police });
    const both = await givenEpisode(t, review, { title: 'Both', eventIds: [kept.id, merged.id] });
    const onlyMerged = await givenEpisode(t, review, { title: 'Only the merged one', eventIds: [merged.id] });
    const cited = { kind: 'event', targetId: merged.id, passage: null, note: 'The call-out' };
    const untouched = { kind: 'document', targetId: merged.id, passage: null, note: null };
    const factor = await givenFactor(
      t,
      { ...onlyMerged, reviewId, partnershipId: pid },
      { evidence: [cited, untouched] },
    );
    const r = await call(t, lead, 'POST', `${base}/chronology/events/${kept.id}/merge`, {
      otherEventId: merged.id,
      version: kept.version,
    });
    expect(r.statusCode).toBe(200);
    const links = await t.database.db.select().from(episodeEvents).where(eq(episodeEvents.eventId, kept.id));
    expect(links.map((l) => l.episodeId).sort()).toEqual([both.id, onlyMerged.id].sort());
    expect(
      await t.database.db.select().from(episodeEvents).where(eq(episodeEvents.eventId, merged.id)),
    ).toEqual([]);
    const [after] = await t.database.db
      .select({ evidence: contributoryFactors.evidence })
      .from(contributoryFactors)
      .where(eq(contributoryFactors.id, factor.id));
    expect(after?.evidence).toEqual([{ ...cited, targetId: kept.id }, untouched]);
  });
});
