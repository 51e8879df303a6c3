import { and, desc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryEntryDto, LibrarySearchResult } from '#domain/library/library.ts';
import { auditEvents } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
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
import { givenLibraryEntry, givenLibraryImport, givenLibrarySharing } from './testing.ts';

let t: TestApp;
let home: { id: string; name: string };
let quiet: { id: string; name: string };
let sharing: { id: string; name: string };
let url: string;
const as = {} as Record<'admin' | 'manager' | 'member' | 'lead' | 'outsider', Session>;
const ids = {} as Record<string, string>;

const search = async (who: Session, query = '') => {
  const r = await call(t, who, 'GET', `${url}${query ? `?${query}` : ''}`);
  expect(r.statusCode).toBe(200);
  return r.json() as LibrarySearchResult;
};
const titles = (r: LibrarySearchResult) => r.entries.map((e) => e.reviewTitle);
const facet = (r: LibrarySearchResult, name: keyof LibrarySearchResult['facets']) =>
  Object.fromEntries(r.facets[name].map((v) => [v.value, v.count]));

beforeAll(async () => {
  t = await createTestApp();
  home = await givenPartnership(t, 'Northshire Safeguarding Children Partnership');
  quiet = await givenPartnership(t, 'Quietshire Safeguarding Children Partnership');
  sharing = await givenPartnership(t, 'Openshire Safeguarding Children Partnership');
  url = `/api/partnerships/${home.id}/library`;
  as.admin = await signInAs(t, (await givenMember(t, home.id, 'partnership_admin')).email);
  as.manager = await signInAs(t, (await givenMember(t, home.id, 'business_manager')).email);
  as.member = await signInAs(t, (await givenMember(t, home.id, 'member')).email);
  const leadUser = await givenMember(t, home.id, 'member');
  as.lead = await signInAs(t, leadUser.email);
  as.outsider = await signInAs(t, (await givenMember(t, quiet.id, 'partnership_admin')).email);

  const published = await givenReview(t, home.id, { title: 'Child M' });
  const running = await givenReview(t, home.id, { title: 'Child N' });
  await givenParticipant(t, published, 'lead_reviewer', leadUser);
  const f1 = await givenFinding(t, published);
  const f2 = await givenFinding(t, running);
  ids.published = published.id;
  ids.f1 = f1.id;
  ids.e1 = (
    await givenLibraryEntry(t, home.id, {
      reviewId: published.id,
      findingId: f1.id,
      reviewTitle: 'Child M',
      themes: ['neglect', 'information_sharing'],
      typologyCode: 'family_professional',
      typologyName: 'Family–professional interaction',
      factorGroups: ['family'],
      agencySectors: ['police'],
      statement: 'Professionals accept a parent’s account of neglect without seeing the children’s bedrooms.',
      whyItMatters: 'Neglect stays hidden when nobody looks where the children sleep.',
      year: 2024,
      publishedOn: '2024-05-31',
    })
  ).id;
  ids.e2 = (
    await givenLibraryEntry(t, home.id, {
      reviewId: running.id,
      findingId: f2.id,
      reviewTitle: 'Child N',
      themes: ['neglect', 'domestic_abuse'],
      agencySectors: ['health_community'],
      year: 2026,
      publishedOn: null,
      reportUrl: null,
    })
  ).id;
  await givenLibraryImport(t, home.id, [
    {
      reviewTitle: 'Child E',
      themes: ['safer_sleep'],
      typologyCode: 'tools',
      typologyName: 'Human–tool operation',
      factorGroups: ['conditions_of_work'],
      agencySectors: ['health_acute'],
      reviewType: 'scr',
      statement: 'Safer sleep advice is given once at birth and not revisited when the family moves.',
      year: 2021,
      publishedOn: '2021-03-01',
    },
  ]);
  const kinship = 'Kinship carers are assessed quickly and then left without support.';
  await givenLibraryEntry(t, quiet.id, { reviewTitle: 'Quiet published', statement: kinship });
  await givenLibraryEntry(t, quiet.id, {
    reviewTitle: 'Quiet agreed',
    statement: kinship,
    publishedOn: null,
  });
  await givenLibraryEntry(t, sharing.id, {
    reviewTitle: 'Open published',
    statement: kinship,
    year: 2023,
    publishedOn: '2023-01-31',
  });
  await givenLibraryEntry(t, sharing.id, {
    reviewTitle: 'Open agreed',
    statement: kinship,
    publishedOn: null,
  });
  await givenLibrarySharing(t, sharing.id);
  await givenLibrarySharing(t, quiet.id, false);
});
afterAll(() => t.close());

describe('who may search the library', () => {
  it('refuses anonymous requests and hides the partnership from people outside it', async () => {
    expect((await call(t, null, 'GET', url)).statusCode).toBe(401);
    expect((await call(t, as.outsider, 'GET', url)).statusCode).toBe(404);
  });

  it('answers bad filters with 400 naming the field', async () => {
    const r = await call(t, as.admin, 'GET', `${url}?theme=cats&year=24&scope=everywhere&page=0`);
    expect(r.statusCode).toBe(400);
    const paths = r.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['theme.0', 'year.0', 'scope', 'page']));
    const long = await call(t, as.admin, 'GET', `${url}?q=${'a'.repeat(201)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details.fields[0].path).toBe('q');
  });
});

describe('our partnership’s findings', () => {
  it('shows admins and business managers every entry, newest first, with their labels', async () => {
    for (const who of [as.admin, as.manager]) {
      const r = await search(who);
      expect(titles(r)).toEqual(['Child N', 'Child M', 'Child E']);
      expect(r.total).toBe(3);
      expect(r.abilities).toEqual({ manage: true });
      expect(r.sharing).toEqual({ shared: false, partnershipsSharing: 1 });
    }
    const r = await search(as.admin);
    const m = r.entries.find((e) => e.reviewTitle === 'Child M') as LibraryEntryDto;
    expect(m).toMatchObject({
      source: 'review',
      own: true,
      partnershipName: home.name,
      reviewTypeLabel: 'Local child safeguarding practice review (LCSPR)',
      typology: { code: 'family_professional', name: 'Family–professional interaction' },
      themes: [
        { key: 'neglect', label: 'Neglect' },
        { key: 'information_sharing', label: 'Information sharing' },
      ],
      factorGroups: [{ key: 'family', label: 'Family' }],
      agencySectors: [{ key: 'police', label: 'Police' }],
      published: true,
      publishedOn: '2024-05-31',
      path: `/partnerships/${home.id}/reviews/${ids.published}/findings/${ids.f1}`,
    });
    expect(m.snippet).toEqual([
      { text: 'Neglect stays hidden when nobody looks where the children sleep.', match: false },
    ]);
    const e = r.entries.find((x) => x.reviewTitle === 'Child E');
    expect(e).toMatchObject({ source: 'import', published: true, path: null, findingNumber: null });
    expect(r.entries.find((x) => x.reviewTitle === 'Child N')).toMatchObject({
      published: false,
      publishedOn: null,
    });
  });

  it('shows members only published findings, linking those of reviews they have a part in', async () => {
    const member = await search(as.member);
    expect(titles(member)).toEqual(['Child M', 'Child E']);
    expect(member.entries.every((e) => e.path === null)).toBe(true);
    expect(member.abilities).toEqual({ manage: false });
    const lead = await search(as.lead);
    expect(lead.entries.find((e) => e.reviewTitle === 'Child M')?.path).toContain(ids.f1);
  });

  it('finds words, best match first, marking them in the statement and the passage shown', async () => {
    const r = await search(as.admin, 'q=neglect');
    expect(titles(r)).toEqual(['Child M']);
    const [m] = r.entries;
    expect(m?.statementParts).toContainEqual({ text: 'neglect', match: true });
    expect(m?.snippet.some((p) => p.match && /neglect/i.test(p.text))).toBe(true);
    expect(m?.rank).toBeGreaterThan(0);
    const phrase = await search(as.admin, `q=${encodeURIComponent('"safer sleep" -bedrooms')}`);
    expect(titles(phrase)).toEqual(['Child E']);
    const without = await search(as.admin, `q=${encodeURIComponent('"safer sleep" -moves')}`);
    expect(without.total).toBe(0);
  });

  it('lists everything when the words are only ones like “the” and “of”', async () => {
    expect((await search(as.admin, 'q=the%20of')).total).toBe(3);
  });

  it('answers any words and filters with results or a 400, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 60, unit: 'grapheme' }),
        fc.constantFrom('theme', 'typology', 'year', 'factorGroup', 'agencySector', 'reviewType', 'page'),
        fc.string({ maxLength: 20 }),
        async (q, filter, value) => {
          const r = await call(
            t,
            as.member,
            'GET',
            `${url}?q=${encodeURIComponent(q)}&${filter}=${encodeURIComponent(value)}`,
          );
          expect([200, 400]).toContain(r.statusCode);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('combines facets: each filter narrows the results, and each facet counts what the other filters leave', async () => {
    const both = await search(as.admin, 'theme=neglect&agencySector=police');
    expect(titles(both)).toEqual(['Child M']);
    expect(both.total).toBe(1);
    // Theme counts apply the sector filter only; sector counts apply the theme filter only.
    expect(facet(both, 'theme')).toEqual({ neglect: 1, information_sharing: 1 });
    expect(facet(both, 'agencySector')).toEqual({ police: 1, health_community: 1 });
    expect(both.facets.theme.find((v) => v.value === 'neglect')).toMatchObject({
      selected: true,
      label: 'Neglect',
    });
    expect(facet(both, 'year')).toEqual({ '2024': 1 });

    const either = await search(as.admin, 'theme=neglect,safer_sleep');
    expect(either.total).toBe(3);
    const none = await search(as.admin, 'theme=neglect&typology=tools&reviewType=themed_review&year=2019');
    expect(none.total).toBe(0);
    expect(none.facets.typology.find((v) => v.value === 'tools')).toMatchObject({
      count: 0,
      selected: true,
      label: 'Human–tool operation',
    });
    expect(none.facets.reviewType).toContainEqual({
      value: 'themed_review',
      label: 'Themed review',
      count: 0,
      selected: true,
    });
    expect(none.facets.year.map((y) => y.value)).toContain('2019');
  });

  it('labels every facet and orders years newest first', async () => {
    const r = await search(as.admin);
    expect(r.facets.year.map((y) => y.value)).toEqual(['2026', '2024', '2021']);
    expect(r.facets.factorGroup).toContainEqual({
      value: 'conditions_of_work',
      label: 'Conditions of work',
      count: 1,
      selected: false,
    });
    expect(r.facets.reviewType.map((v) => [v.value, v.count])).toEqual([
      ['lcspr', 2],
      ['scr', 1],
    ]);
  });

  it('pages through the results', async () => {
    const r = await search(as.admin, 'pageSize=2&page=2');
    expect(r).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(titles(r)).toEqual(['Child E']);
  });

  it('audits each search with its scope, filters and total, never the words', async () => {
    await search(as.manager, 'q=bedrooms&theme=neglect&scope=partnership');
    const [row] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.partnershipId, home.id), eq(auditEvents.action, 'library.searched')))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(row?.details).toEqual({
      scope: 'partnership',
      filters: { theme: ['neglect'] },
      withWords: true,
      total: 1,
      page: 1,
    });
    expect(JSON.stringify(row)).not.toContain('bedrooms');
  });
});

describe('the national view', () => {
  it('shows published findings of partnerships that share, and our own published ones, never unpublished ones', async () => {
    const r = await search(as.admin, 'scope=national');
    expect(titles(r)).toEqual(['Child M', 'Open published', 'Child E']);
    const open = r.entries.find((e) => e.reviewTitle === 'Open published');
    expect(open).toMatchObject({ own: false, partnershipName: sharing.name, path: null });
    expect(facet(r, 'year')).toEqual({ '2024': 1, '2023': 1, '2021': 1 });
  });

  it('keeps a partnership’s findings out until it opts in, and then shows only its published ones', async () => {
    const before = await search(as.member, 'scope=national&q=kinship');
    expect(titles(before)).toEqual(['Open published']);
    await givenLibrarySharing(t, quiet.id, true);
    const after = await search(as.member, 'scope=national&q=kinship');
    expect(titles(after).sort()).toEqual(['Open published', 'Quiet published']);
    expect(after.sharing.partnershipsSharing).toBe(2);
    await givenLibrarySharing(t, quiet.id, false);
    expect(titles(await search(as.member, 'scope=national&q=kinship'))).toEqual(['Open published']);
  });

  it('never shows another partnership’s findings in our own scope', async () => {
    expect((await search(as.admin, 'q=kinship')).total).toBe(0);
    await givenLibraryEntry(t, home.id, {
      reviewTitle: 'Child K',
      statement: 'Kinship carers are assessed quickly and then left without support.',
      publishedOn: null,
    });
    expect(titles(await search(as.admin, 'q=kinship'))).toEqual(['Child K']);
  });
});
