import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimilarFindingDto } from '#domain/library/library.ts';
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
import { givenLibraryEntry, givenLibrarySharing } from './testing.ts';

let t: TestApp;
let url: string;
let quietId: string;
const as = {} as Record<'lead' | 'manager' | 'supervisor' | 'caseGroup' | 'noRole' | 'outsider', Session>;
const ids = {} as Record<'other' | 'otherFinding', string>;

const callOuts =
  'Police reports of domestic abuse call-outs do not reliably reach the health visitor or the school, so professionals assess risk without knowing about repeated incidents.';
const typed = 'Police call-outs for domestic abuse do not reliably reach health visitors';
const similar = async (who: Session, text = typed, limit?: number) => {
  const r = await call(
    t,
    who,
    'GET',
    `${url}?text=${encodeURIComponent(text)}${limit ? `&limit=${limit}` : ''}`,
  );
  expect(r.statusCode).toBe(200);
  return r.json().findings as SimilarFindingDto[];
};
const titles = (list: SimilarFindingDto[]) => list.map((f) => f.reviewTitle);

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const quiet = await givenPartnership(t, 'Quietshire Safeguarding Children Partnership');
  quietId = quiet.id;
  const review = await givenReview(t, pid, { title: 'Child A' });
  const other = await givenReview(t, pid, { title: 'Child R' });
  url = `/api/partnerships/${pid}/reviews/${review.id}/findings/similar`;
  as.lead = (await signedInWithRole(t, review, 'lead_reviewer')).session;
  as.supervisor = (await signedInWithRole(t, review, 'supervisor')).session;
  as.caseGroup = (await signedInWithRole(t, review, 'case_group_member')).session;
  as.manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  as.noRole = await signInAs(t, (await givenMember(t, pid, 'member')).email);
  as.outsider = await signInAs(t, (await givenMember(t, quiet.id, 'partnership_admin')).email);
  const own = await givenFinding(t, review);
  const otherFinding = await givenFinding(t, other);
  ids.other = other.id;
  ids.otherFinding = otherFinding.id;
  // This review's own agreed finding: never offered as similar to itself.
  await givenLibraryEntry(t, pid, {
    reviewId: review.id,
    findingId: own.id,
    reviewTitle: 'Child A',
    statement: callOuts,
  });
  await givenLibraryEntry(t, pid, {
    reviewId: other.id,
    findingId: otherFinding.id,
    reviewTitle: 'Child R',
    statement: callOuts,
    publishedOn: '2023-08-31',
    year: 2023,
  });
  await givenLibraryEntry(t, pid, {
    reviewTitle: 'Child S',
    statement: 'Health visitors rarely hear about police call-outs to homes with babies.',
    publishedOn: null,
  });
  await givenLibraryEntry(t, pid, {
    reviewTitle: 'Child T',
    statement: 'Safer sleep advice is given once at birth and not revisited when the family moves.',
  });
  await givenLibraryEntry(t, quiet.id, { reviewTitle: 'Quiet published', statement: callOuts });
  await givenLibraryEntry(t, quiet.id, {
    reviewTitle: 'Quiet agreed',
    statement: callOuts,
    publishedOn: null,
  });
});
afterAll(() => t.close());

describe('who may look for similar findings', () => {
  it('refuses anonymous requests, and hides the review from other partnerships and from members with no part in it', async () => {
    expect((await call(t, null, 'GET', `${url}?text=${encodeURIComponent(typed)}`)).statusCode).toBe(401);
    for (const who of [as.outsider, as.noRole])
      expect((await call(t, who, 'GET', `${url}?text=${encodeURIComponent(typed)}`)).statusCode).toBe(404);
  });

  it('is for those who write findings: others in the review get 403', async () => {
    for (const who of [as.supervisor, as.caseGroup])
      expect((await call(t, who, 'GET', `${url}?text=${encodeURIComponent(typed)}`)).statusCode).toBe(403);
  });

  it('needs at least 12 characters and a sensible limit (400 naming the field)', async () => {
    const short = await call(t, as.lead, 'GET', `${url}?text=short`);
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details.fields[0]).toMatchObject({ path: 'text' });
    const missing = await call(t, as.lead, 'GET', url);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields[0].path).toBe('text');
    const limit = await call(t, as.lead, 'GET', `${url}?text=${encodeURIComponent(typed)}&limit=50`);
    expect(limit.statusCode).toBe(400);
    expect(limit.json().error.details.fields[0].path).toBe('limit');
  });
});

describe('similar findings', () => {
  it('offers the most alike first, never this review’s own, with the matching words marked', async () => {
    const found = await similar(as.lead);
    expect(titles(found)[0]).toBe('Child R');
    expect(titles(found)).not.toContain('Child A');
    expect(titles(found)).not.toContain('Child T');
    const [best] = found;
    expect(best).toMatchObject({
      own: true,
      published: true,
      year: 2023,
      // The lead reviewer of this review has no part in Child R, so cannot open its finding.
      path: null,
    });
    expect(best?.similarity).toBeGreaterThan(0.5);
    expect(best?.similarity).toBeLessThanOrEqual(1);
    expect(best?.statementParts).toContainEqual({ text: 'Police', match: true });
    const [forManager] = await similar(as.manager);
    expect(forManager?.path).toContain(ids.otherFinding);
  });

  it('offers members only published findings of their own partnership, and unpublished ones to those who run reviews', async () => {
    expect(titles(await similar(as.lead))).not.toContain('Child S');
    expect(titles(await similar(as.manager))).toContain('Child S');
  });

  it('never offers findings of a partnership that does not share, and only its published ones once it does', async () => {
    const before = titles(await similar(as.manager));
    expect(before).not.toContain('Quiet published');
    expect(before).not.toContain('Quiet agreed');
    await givenLibrarySharing(t, quietId);
    const after = await similar(as.manager);
    expect(titles(after)).toContain('Quiet published');
    expect(titles(after)).not.toContain('Quiet agreed');
    expect(after.find((f) => f.reviewTitle === 'Quiet published')).toMatchObject({
      own: false,
      partnershipName: 'Quietshire Safeguarding Children Partnership',
      path: null,
    });
    await givenLibrarySharing(t, quietId, false);
  });

  it('keeps to the limit, and offers nothing for text with nothing in common', async () => {
    expect(await similar(as.manager, typed, 1)).toHaveLength(1);
    expect(await similar(as.manager, 'Xylophone zebra quartz')).toEqual([]);
    expect(await similar(as.manager, 'the of and a to in is')).toEqual([]);
  });

  it('answers any text with findings or a 400, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 0, maxLength: 80, unit: 'grapheme' }), async (text) => {
        const r = await call(t, as.manager, 'GET', `${url}?text=${encodeURIComponent(text)}`);
        expect([200, 400]).toContain(r.statusCode);
      }),
      { numRuns: 40 },
    );
    for (const text of [
      "O'Brien & <-> | ! :* ( ) 'quoted'",
      'https://example.org/a?b=1&c=2 call-outs',
      "\\ \\ '' ::: &&&&",
    ])
      expect((await call(t, as.manager, 'GET', `${url}?text=${encodeURIComponent(text)}`)).statusCode).toBe(
        200,
      );
  });
});
