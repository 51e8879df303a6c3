import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDate } from '#domain/intake/deadlines.ts';
import { givenEpisode, givenFactor } from '../analysis/testing.ts';
import { agencies, libraryEntries, reviewAgencies } from '../db/schema/index.ts';
import { completeFinding } from '../finding/testing.ts';
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

let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let base: string;
let lead: Session;
let admin: Session;
let episodeId: string;

const entriesOf = () =>
  t.database.db.select().from(libraryEntries).where(eq(libraryEntries.reviewId, review.id));
const register = (version: number, replacement = 'Child A') => ({
  version,
  entries: [
    { category: 'child', realValue: 'Amelia Hart', variants: ['Millie'], replacement, note: null },
    { category: 'place', realValue: 'Northbrook', variants: [], replacement: 'the town', note: null },
  ],
});

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  review = await givenReview(t, pid, { title: 'Amelia', type: 'learning_review' });
  base = `/api/partnerships/${pid}/reviews/${review.id}`;
  for (const sector of ['police', 'education', 'police'] as const) {
    const agency = await givenAgency(t, pid);
    await t.database.db.update(agencies).set({ sector }).where(eq(agencies.id, agency.id));
    await t.database.db
      .insert(reviewAgencies)
      .values({ reviewId: review.id, agencyId: agency.id, partnershipId: pid });
  }
  lead = (await signedInWithRole(t, review, 'lead_reviewer')).session;
  admin = await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email);
  const episode = await givenEpisode(t, review);
  episodeId = episode.id;
  await givenFactor(t, episode, { groupKey: 'family' });
});
afterAll(() => t.close());

describe('the library keeps in step with a review’s findings', () => {
  let findingId: string;
  let version: number;

  it('holds nothing while a finding is emerging', async () => {
    const r = await call(t, lead, 'POST', `${base}/findings`, {
      statement:
        'Practitioners accept what Amelia’s mother says about Millie without checking it in Northbrook',
      howItShowed: 'Amelia Hart was seen twice; each time the account of her bruises was accepted.',
      whyItMatters: 'Babies like Amelia cannot speak for themselves.',
      episodeIds: [episodeId],
      themes: ['neglect', 'voice_of_the_child', 'neglect'],
      ...completeFinding,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().themes).toEqual([
      { key: 'neglect', label: 'Neglect' },
      { key: 'voice_of_the_child', label: 'The voice of the child' },
    ]);
    findingId = r.json().id;
    version = r.json().version;
    expect(await entriesOf()).toEqual([]);
    expect((await call(t, lead, 'PUT', `${base}/pseudonym-register`, register(0))).statusCode).toBe(200);
    expect(await entriesOf()).toEqual([]);
  });

  it('adds an agreed finding, anonymised with the review’s register, with its factors, agencies and themes', async () => {
    const r = await call(t, lead, 'POST', `${base}/findings/${findingId}/agree`, { version });
    expect(r.statusCode).toBe(200);
    version = r.json().version;
    const [entry] = await entriesOf();
    expect(entry).toMatchObject({
      source: 'review',
      findingId,
      reviewTitle: 'Child A',
      reviewType: 'learning_review',
      findingNumber: 1,
      statement:
        'Practitioners accept what Child A’s mother says about Child A without checking it in the town',
      howItShowed: 'Child A was seen twice; each time the account of her bruises was accepted.',
      typologyCode: 'human_reasoning',
      typologyName: 'Human judgement and reasoning',
      themes: ['neglect', 'voice_of_the_child'],
      factorGroups: ['family'],
      agencySectors: ['education', 'police'],
      year: Number(londonDate(new Date()).slice(0, 4)),
      publishedOn: null,
      reportUrl: null,
    });
    expect(JSON.stringify(entry)).not.toMatch(/Amelia|Hart|Millie|Northbrook/);
  });

  it('follows changes of themes without reopening the finding, keeping the entry', async () => {
    const [before] = await entriesOf();
    const r = await call(t, lead, 'PATCH', `${base}/findings/${findingId}`, {
      version,
      themes: ['men_in_families'],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('agreed_by_review_team');
    version = r.json().version;
    const [after] = await entriesOf();
    expect(after).toMatchObject({ id: before?.id, themes: ['men_in_families'] });
  });

  it('follows contributory factors, the register and the publication', async () => {
    const factor = await call(t, lead, 'POST', `${base}/episodes/${episodeId}/factors`, {
      group: 'own_team',
      description: 'Supervision was cancelled twice that month',
    });
    expect(factor.statusCode).toBe(201);
    expect((await entriesOf())[0]?.factorGroups).toEqual(['family', 'own_team']);

    expect(
      (await call(t, lead, 'PUT', `${base}/pseudonym-register`, register(1, 'Child B'))).statusCode,
    ).toBe(200);
    expect((await entriesOf())[0]).toMatchObject({ reviewTitle: 'Child B' });

    const published = await call(t, admin, 'PUT', `${base}/publication`, {
      version: 0,
      decision: 'publish',
      decisionReason: null,
      form: 'full',
      formReason: null,
      panelNoticeSentOn: '2025-02-19',
      dfeNoticeSentOn: '2025-02-20',
      plannedPublicationDate: '2025-03-02',
      publishedOn: '2025-03-03',
      url: 'https://www.example.org/reviews/child-b',
      removalDate: '2026-03-03',
      repositorySentOn: '2025-03-10',
      notes: null,
    });
    expect(published.statusCode).toBe(200);
    expect((await entriesOf())[0]).toMatchObject({
      year: 2025,
      publishedOn: '2025-03-03',
      reportUrl: 'https://www.example.org/reviews/child-b',
    });
  });

  it('removes the entry when a change reopens the finding, and adds it back when agreed again', async () => {
    const r = await call(t, lead, 'PATCH', `${base}/findings/${findingId}`, {
      version,
      statement: 'Practitioners accept a parent’s account without checking it',
    });
    expect(r.json().status).toBe('emerging');
    expect(await entriesOf()).toEqual([]);
    const again = await call(t, lead, 'POST', `${base}/findings/${findingId}/agree`, {
      version: r.json().version,
    });
    expect(again.statusCode).toBe(200);
    const [entry] = await entriesOf();
    expect(entry).toMatchObject({
      statement: 'Practitioners accept a parent’s account without checking it',
      year: 2025,
    });
    version = again.json().version;
  });

  it('removes the entry when the finding is moved back, and when it is removed', async () => {
    const back = await call(t, lead, 'POST', `${base}/findings/${findingId}/status`, {
      version,
      status: 'tested_with_case_group',
    });
    expect(back.statusCode).toBe(200);
    expect(await entriesOf()).toEqual([]);
    const final = await call(t, lead, 'POST', `${base}/findings/${findingId}/agree`, {
      version: back.json().version,
    });
    expect(final.statusCode).toBe(200);
    expect(await entriesOf()).toHaveLength(1);
    expect((await call(t, lead, 'DELETE', `${base}/findings/${findingId}`)).statusCode).toBe(204);
    expect(await entriesOf()).toEqual([]);
  });
});
