import { readFileSync } from 'node:fs';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factorGroupKeys } from '#domain/conversation/factors.ts';
import { checkedFindingFields, type FindingStatus } from '#domain/finding/finding.ts';
import { unmetForFindingStatus } from '#domain/finding/rules.ts';
import { parseLibraryImport } from '#domain/library/import.ts';
import { libraryImportColumns, libraryThemes } from '#domain/library/library.ts';
import { pseudonymEntryInput } from '#domain/pseudonym/register.ts';
import { registerProblems } from '#domain/pseudonym/register-rules.ts';
import { builtInLanguageRules, checkLanguage } from '#domain/reference/language.ts';
import { builtInReference } from '#domain/reference/reference.ts';
import type { Database } from '../db/client.ts';
import {
  actions,
  auditEvents,
  contributoryFactors,
  episodes,
  findingEpisodes,
  findings,
  libraryEntries,
  libraryImports,
  librarySettings,
  partnerships,
  pseudonymEntries,
  publications,
  reviews,
} from '../db/schema/index.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { earlierReviewStages } from './library.ts';
import { earlierReviews } from './library-text.ts';
import { EASTMOOR_SLUG } from './library-text-eastmoor.ts';
import { DEMO_SLUG, seedDemo } from './seed.ts';

let database: Database;
let northbrook: string;
const titles = ['Child P', 'Child R', 'Siblings K and L'];

beforeAll(async () => {
  database = await openTestDatabase();
  expect((await seedDemo(database.db, 'demo-password-for-tests')).created).toBe(true);
  const [p] = await database.db.select().from(partnerships).where(eq(partnerships.slug, DEMO_SLUG));
  northbrook = p!.id;
}, 180_000);
afterAll(async () => {
  await database.close();
});

const loadEarlier = () =>
  database.db
    .select({ review: reviews, publication: publications })
    .from(reviews)
    .innerJoin(publications, eq(publications.reviewId, reviews.id))
    .where(and(eq(reviews.partnershipId, northbrook), inArray(reviews.title, titles)))
    .orderBy(asc(reviews.initiatedDate));
const findingsOf = (reviewIds: string[]) =>
  database.db
    .select()
    .from(findings)
    .where(inArray(findings.reviewId, reviewIds))
    .orderBy(asc(findings.reviewId), asc(findings.number));

describe('the demo partnership’s earlier reviews', () => {
  it('are three reviews published on fixed past dates: one late, one within six months, one late and still monitored', async () => {
    const rows = await loadEarlier();
    expect(rows.map((r) => [r.review.title, r.review.type, r.review.stage])).toEqual([
      ['Child P', 'lcspr', 'closed'],
      ['Child R', 'lcspr', 'closed'],
      ['Siblings K and L', 'learning_review', 'action_monitoring'],
    ]);
    expect(rows.map((r) => r.publication.publishedOn)).toEqual(['2022-09-30', '2023-08-31', '2025-01-20']);
    expect(rows.map((r) => r.publication.publishedOn! <= r.review.targetPublicationDate)).toEqual([
      false,
      true,
      false,
    ]);
    for (const { review, publication } of rows) {
      expect(publication.decision).toBe('publish');
      expect(publication.url).toMatch(/^https:\/\/northbrook-scp\.example\/reviews\/[a-z-]+$/);
      expect(publication.partnershipId).toBe(northbrook);
      expect(review.initiatedDate < publication.publishedOn!).toBe(true);
      expect(publication.publishedOn! < new Date().toISOString().slice(0, 10)).toBe(true);
    }
  });

  it('moves through the stages in order, from commissioning to where each review is now', () => {
    for (const r of earlierReviews) {
      const path = earlierReviewStages(r);
      expect(path[0]).toEqual({ stage: 'commissioning', on: r.initiatedDate });
      expect(path.at(-1)!.stage).toBe(r.stage);
      const days = path.map((s) => s.on);
      expect(days).toEqual([...days].sort());
      expect(path.find((s) => s.stage === 'publication')!.on <= r.publishedOn).toBe(true);
    }
  });

  it('has 3 to 4 final findings each, coded, themed and linked to episodes with contributory factors', async () => {
    const rows = await loadEarlier();
    const all = await findingsOf(rows.map((r) => r.review.id));
    const codes = builtInReference.typology.content.categories.map((c) => c.code);
    for (const { review } of rows) {
      const mine = all.filter((f) => f.reviewId === review.id);
      expect(mine.length, review.title).toBeGreaterThanOrEqual(3);
      expect(mine.length, review.title).toBeLessThanOrEqual(4);
    }
    const links = await database.db
      .select({ findingId: findingEpisodes.findingId, episode: episodes })
      .from(findingEpisodes)
      .innerJoin(episodes, eq(episodes.id, findingEpisodes.episodeId))
      .where(
        inArray(
          findingEpisodes.findingId,
          all.map((f) => f.id),
        ),
      );
    const factors = await database.db
      .select()
      .from(contributoryFactors)
      .where(
        inArray(
          contributoryFactors.reviewId,
          rows.map((r) => r.review.id),
        ),
      );
    for (const f of all) {
      expect(f.status).toBe('final');
      expect(codes).toContain(f.typologyCode);
      expect(f.themes.length, f.statement).toBeGreaterThanOrEqual(1);
      for (const t of f.themes) expect(Object.keys(libraryThemes)).toContain(t);
      const shown = links.filter((l) => l.findingId === f.id);
      expect(shown.length, f.statement).toBeGreaterThanOrEqual(1);
      for (const { episode } of shown) {
        expect(episode.reviewId).toBe(f.reviewId);
        expect(f.howItShowed).toContain(`episode ${episode.number}`);
        expect(factors.filter((x) => x.episodeId === episode.id).length).toBeGreaterThanOrEqual(2);
      }
      const facts = { ...f, status: 'agreed_by_review_team' as FindingStatus, episodeCount: shown.length };
      expect(unmetForFindingStatus(facts, 'final'), f.statement).toEqual([]);
    }
    expect(new Set(all.map((f) => f.typologyCode)).size).toBe(codes.length);
    const themes = new Set(all.flatMap((f) => f.themes));
    for (const t of [
      'neglect',
      'domestic_abuse',
      'parental_mental_health',
      'substance_misuse',
      'safer_sleep',
      'men_in_families',
      'information_sharing',
    ])
      expect(themes).toContain(t);
    expect(all.some((f) => f.polarity === 'strength')).toBe(true);
    for (const g of new Set(factors.map((x) => x.groupKey))) expect(factorGroupKeys).toContain(g);
  });

  it('writes the findings without hindsight or blame wording', async () => {
    const all = await findingsOf((await loadEarlier()).map((r) => r.review.id));
    const flags: string[] = [];
    for (const f of all)
      for (const field of ['statement', 'howItShowed', 'prevalenceEvidence', 'whyItMatters'] as const)
        for (const flag of checkLanguage(f[field], builtInLanguageRules))
          flags.push(`${checkedFindingFields[field]}: ${flag.phrase}`);
    for (const q of all.flatMap((f) => f.boardQuestions)) {
      expect(q).toMatch(/\?$/);
      for (const flag of checkLanguage(q, builtInLanguageRules)) flags.push(`question: ${flag.phrase}`);
    }
    expect(flags).toEqual([]);
  });

  it('has a valid pseudonym register for each, whose names appear in the findings as the records had them', async () => {
    const rows = await loadEarlier();
    const all = await findingsOf(rows.map((r) => r.review.id));
    for (const { review } of rows) {
      const entries = await database.db
        .select()
        .from(pseudonymEntries)
        .where(eq(pseudonymEntries.reviewId, review.id))
        .orderBy(asc(pseudonymEntries.position));
      expect(entries.length, review.title).toBeGreaterThanOrEqual(3);
      expect(registerProblems(entries.map((e) => pseudonymEntryInput.parse(e)))).toEqual([]);
      const text = all
        .filter((f) => f.reviewId === review.id)
        .map((f) => f.howItShowed)
        .join('\n');
      expect(
        entries.some((e) => text.includes(e.realValue)),
        review.title,
      ).toBe(true);
    }
  });

  it('has actions due 2023 to 2025: done, impact verified with evidence, and one overdue', async () => {
    const rows = await loadEarlier();
    const plan = await database.db
      .select()
      .from(actions)
      .where(
        inArray(
          actions.reviewId,
          rows.map((r) => r.review.id),
        ),
      );
    const today = new Date().toISOString().slice(0, 10);
    const count = (s: string) => plan.filter((a) => a.status === s).length;
    expect(count('done')).toBeGreaterThanOrEqual(2);
    expect(count('impact_verified')).toBeGreaterThanOrEqual(2);
    const overdue = plan.filter(
      (a) => (a.status === 'open' || a.status === 'in_progress') && a.dueOn! < today,
    );
    expect(overdue).toHaveLength(1);
    for (const a of plan) {
      expect(a.dueOn! >= '2023-01-01' && a.dueOn! <= '2025-12-31', a.description).toBe(true);
      expect(a.ownerAgencyId).not.toBeNull();
      if (a.status === 'done' || a.status === 'impact_verified') expect(a.completedOn).not.toBeNull();
      if (a.status === 'impact_verified') expect(a.impactEvidence && a.impactEvidenceKind).toBeTruthy();
    }
    expect(new Set(plan.map((a) => a.dueOn!.slice(0, 4)))).toEqual(new Set(['2023', '2024', '2025']));
  });
});

describe('the demo learning library', () => {
  it('holds each earlier finding, published and anonymised with its review’s register', async () => {
    const rows = await loadEarlier();
    const all = await findingsOf(rows.map((r) => r.review.id));
    const entries = await database.db
      .select()
      .from(libraryEntries)
      .where(
        inArray(
          libraryEntries.reviewId,
          rows.map((r) => r.review.id),
        ),
      );
    expect(entries).toHaveLength(all.length);
    for (const { review, publication } of rows) {
      const register = await database.db
        .select()
        .from(pseudonymEntries)
        .where(eq(pseudonymEntries.reviewId, review.id));
      const names = register.flatMap((e) => [e.realValue, ...e.variants]);
      const mine = entries.filter((e) => e.reviewId === review.id);
      for (const e of mine) {
        expect(e.partnershipId).toBe(northbrook);
        expect(e.source).toBe('review');
        expect(e.publishedOn).toBe(publication.publishedOn);
        expect(e.year).toBe(Number(publication.publishedOn!.slice(0, 4)));
        expect(e.reportUrl).toBe(publication.url);
        expect(e.themes.length).toBeGreaterThanOrEqual(1);
        expect(e.factorGroups.length).toBeGreaterThanOrEqual(1);
        expect(e.agencySectors.length).toBeGreaterThanOrEqual(1);
        const text = [e.statement, e.howItShowed, e.whyItMatters].join('\n');
        for (const name of names) expect(text, name).not.toContain(name);
      }
      // The name the records used is replaced by what the register gives.
      const named = all.find(
        (f) => f.reviewId === review.id && register.some((r) => f.howItShowed.includes(r.realValue)),
      )!;
      const entry = mine.find((e) => e.findingId === named.id)!;
      const used = register.find((r) => named.howItShowed.includes(r.realValue))!;
      expect(entry.howItShowed).toContain(used.replacement);
    }
  });

  it('holds Child A’s findings agreed by the review team, not yet published', async () => {
    const [childA] = await database.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.partnershipId, northbrook), eq(reviews.title, 'Child A')));
    const entries = await database.db
      .select()
      .from(libraryEntries)
      .where(eq(libraryEntries.reviewId, childA!.id))
      .orderBy(asc(libraryEntries.findingNumber));
    expect(entries.map((e) => e.findingNumber)).toEqual([1, 2]);
    for (const e of entries) {
      expect(e.publishedOn).toBeNull();
      expect(e.themes.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('finds Child R’s finding among the closest to “Police call-outs for domestic abuse do not reliably reach health visitors”', async () => {
    const text = 'Police call-outs for domestic abuse do not reliably reach health visitors';
    const score = sql<number>`similarity(${libraryEntries.statement}, ${text})`;
    const closest = await database.db
      .select({ title: libraryEntries.reviewTitle, score })
      .from(libraryEntries)
      .orderBy(desc(score))
      .limit(3);
    const childR = closest.find((c) => c.title === 'Child R');
    expect(childR, JSON.stringify(closest)).toBeDefined();
    expect(childR!.score).toBeGreaterThan(0.3);
  });

  it('keeps Northbrook’s findings to itself, while Eastmoor shares seven imported published findings', async () => {
    const [own] = await database.db
      .select()
      .from(librarySettings)
      .where(eq(librarySettings.partnershipId, northbrook));
    expect(own?.shareNationally ?? false).toBe(false);

    const [eastmoor] = await database.db
      .select()
      .from(partnerships)
      .where(eq(partnerships.slug, EASTMOOR_SLUG));
    expect(eastmoor?.name).toBe('Eastmoor Safeguarding Children Partnership (demo)');
    const [settings] = await database.db
      .select()
      .from(librarySettings)
      .where(eq(librarySettings.partnershipId, eastmoor!.id));
    expect(settings?.shareNationally).toBe(true);
    const imports = await database.db
      .select()
      .from(libraryImports)
      .where(eq(libraryImports.partnershipId, eastmoor!.id));
    expect(imports.map((i) => i.fileName)).toEqual(['eastmoor-published-findings.csv']);
    const entries = await database.db
      .select()
      .from(libraryEntries)
      .where(eq(libraryEntries.partnershipId, eastmoor!.id));
    expect(entries.length).toBe(imports[0]!.rows);
    expect(entries.length).toBeGreaterThanOrEqual(6);
    expect(entries.length).toBeLessThanOrEqual(8);
    for (const e of entries) {
      expect(e.source).toBe('import');
      expect(e.importId).toBe(imports[0]!.id);
      expect(e.reviewId).toBeNull();
      expect(e.publishedOn).not.toBeNull();
      expect(e.year).toBeGreaterThanOrEqual(2021);
      expect(e.year).toBeLessThanOrEqual(2025);
      expect(e.reportUrl).toMatch(/^https:\/\/eastmoor-scp\.example\//);
      expect(e.typologyName).toBe(
        builtInReference.typology.content.categories.find((c) => c.code === e.typologyCode)?.name,
      );
    }
    expect(new Set(entries.map((e) => e.reviewTitle)).size).toBe(3);
    expect(new Set(entries.map((e) => e.typologyCode)).size).toBeGreaterThanOrEqual(4);
    expect(entries.some((e) => e.themes.includes('safer_sleep'))).toBe(true);
    expect(
      entries.some((e) => e.themes.includes('domestic_abuse') && e.themes.includes('information_sharing')),
    ).toBe(true);

    const audited = await database.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.partnershipId, eastmoor!.id));
    expect(audited.map((a) => a.action)).toEqual(
      expect.arrayContaining(['partnership.created', 'library.imported']),
    );
    for (const a of audited) expect(a.details).toMatchObject({ via: 'demo seed' });
  });

  it('loads once: a second run adds no review, partnership or entry', async () => {
    const countOf = async () => ({
      partnerships: (await database.db.select().from(partnerships)).length,
      reviews: (await database.db.select().from(reviews)).length,
      entries: (await database.db.select().from(libraryEntries)).length,
      imports: (await database.db.select().from(libraryImports)).length,
    });
    const before = await countOf();
    expect((await seedDemo(database.db, undefined)).created).toBe(false);
    expect(await countOf()).toEqual(before);
  });
});

describe('the example import file in the documentation', () => {
  it('has the import’s columns and four findings the import accepts', () => {
    const csv = readFileSync(
      new URL('../../../docs/examples/library-import-example.csv', import.meta.url),
      'utf8',
    );
    expect(csv.split('\n')[0]).toBe(Object.keys(libraryImportColumns).join(','));
    const parsed = parseLibraryImport(csv, {
      typologyCodes: builtInReference.typology.content.categories.map((c) => c.code),
      factorGroupKeys,
      today: new Date().toISOString().slice(0, 10),
    });
    expect(parsed.ok ? parsed.rows.length : parsed.problems).toBe(4);
  });
});
