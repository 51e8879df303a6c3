import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedFindingFields, type FindingStatus } from '#domain/finding/finding.ts';
import { unmetForFindingStatus } from '#domain/finding/rules.ts';
import { pseudonymise } from '#domain/pseudonym/pseudonymise.ts';
import { type PseudonymCategory, pseudonymEntryInput } from '#domain/pseudonym/register.ts';
import { registerProblems } from '#domain/pseudonym/register-rules.ts';
import { scanIdentifiers } from '#domain/pseudonym/scan.ts';
import { builtInLanguageRules, checkLanguage } from '#domain/reference/language.ts';
import { builtInReference } from '#domain/reference/reference.ts';
import type { Database } from '../db/client.ts';
import {
  episodes,
  findingEpisodes,
  findingResearchQuestions,
  findings,
  participants,
  pseudonymEntries,
  pseudonymRegisters,
  referenceVersions,
  researchQuestions,
  reviewReferencePins,
  reviews,
} from '../db/schema/index.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let database: Database;
let reviewId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const result = await seedDemo(database.db, 'demo-password-for-tests');
  expect(result.created).toBe(true);
  const [review] = await database.db.select().from(reviews).where(eq(reviews.title, 'Child A'));
  reviewId = review!.id;
});
afterAll(async () => {
  await database.close();
});

const loadFindings = () =>
  database.db.select().from(findings).where(eq(findings.reviewId, reviewId)).orderBy(findings.number);
const loadEntries = () =>
  database.db
    .select()
    .from(pseudonymEntries)
    .where(eq(pseudonymEntries.reviewId, reviewId))
    .orderBy(pseudonymEntries.position);
const linksOf = async (findingIds: string[]) => ({
  episodes: await database.db
    .select({ link: findingEpisodes, episode: episodes })
    .from(findingEpisodes)
    .innerJoin(episodes, eq(episodes.id, findingEpisodes.episodeId))
    .where(inArray(findingEpisodes.findingId, findingIds)),
  questions: await database.db
    .select({ link: findingResearchQuestions, question: researchQuestions })
    .from(findingResearchQuestions)
    .innerJoin(researchQuestions, eq(researchQuestions.id, findingResearchQuestions.researchQuestionId))
    .where(inArray(findingResearchQuestions.findingId, findingIds)),
});

describe('demo findings for Child A', () => {
  it('has four numbered findings: two agreed by the review team, one tested with the case group, one emerging', async () => {
    const rows = await loadFindings();
    expect(rows.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    const byStatus = (s: FindingStatus) => rows.filter((f) => f.status === s).length;
    expect([
      byStatus('agreed_by_review_team'),
      byStatus('tested_with_case_group'),
      byStatus('emerging'),
      byStatus('final'),
    ]).toEqual([2, 1, 1, 0]);
    expect(rows.filter((f) => f.polarity === 'strength')).toHaveLength(1);
    expect(rows.filter((f) => f.polarity === 'risk')).toHaveLength(3);
    for (const f of rows) {
      expect(f.partnershipId).toBe(rows[0]!.partnershipId);
      expect(f.priority, f.statement).not.toBeNull();
      expect(f.currency, f.statement).not.toBeNull();
      expect(f.prevalenceSources.length, f.statement).toBeGreaterThanOrEqual(2);
      expect(f.boardQuestions.length, f.statement).toBeGreaterThanOrEqual(2);
      expect(f.boardQuestions.length, f.statement).toBeLessThanOrEqual(3);
      for (const q of f.boardQuestions) expect(q).toMatch(/\?$/);
    }
  });

  it('codes each finding to the typology the review is pinned to (the built-in version 1)', async () => {
    const [pin] = await database.db
      .select({ version: referenceVersions.version })
      .from(reviewReferencePins)
      .innerJoin(referenceVersions, eq(referenceVersions.id, reviewReferencePins.referenceVersionId))
      .where(and(eq(reviewReferencePins.reviewId, reviewId), eq(reviewReferencePins.kind, 'typology')));
    expect(pin?.version).toBe(1);
    const codes = builtInReference.typology.content.categories.map((c) => c.code);
    const rows = await loadFindings();
    for (const f of rows) expect(codes).toContain(f.typologyCode);
    expect(new Set(rows.map((f) => f.typologyCode)).size).toBeGreaterThanOrEqual(3);
  });

  it('links each finding to 2 to 4 of the review’s episodes and to its research questions', async () => {
    const rows = await loadFindings();
    const links = await linksOf(rows.map((f) => f.id));
    for (const f of rows) {
      const mine = links.episodes.filter((l) => l.link.findingId === f.id);
      expect(mine.length, f.statement).toBeGreaterThanOrEqual(2);
      expect(mine.length, f.statement).toBeLessThanOrEqual(4);
      for (const { episode, link } of mine) {
        expect(episode.reviewId).toBe(reviewId);
        expect(link.partnershipId).toBe(f.partnershipId);
        expect(f.howItShowed).toContain(`episode ${episode.number}`);
      }
      const questions = links.questions.filter((l) => l.link.findingId === f.id);
      expect(questions.length, f.statement).toBeGreaterThanOrEqual(1);
      for (const { question } of questions) expect(question.reviewId).toBe(reviewId);
    }
    // Every episode shows in at least one finding, and every research question is answered.
    const allEpisodes = await database.db.select().from(episodes).where(eq(episodes.reviewId, reviewId));
    expect(new Set(links.episodes.map((l) => l.episode.id))).toEqual(new Set(allEpisodes.map((e) => e.id)));
    const allQuestions = await database.db
      .select()
      .from(researchQuestions)
      .where(eq(researchQuestions.reviewId, reviewId));
    expect(new Set(links.questions.map((l) => l.question.id))).toEqual(
      new Set(allQuestions.map((q) => q.id)),
    );
  });

  it('gives each agreed finding, and the others too, all the review team needs to agree it', async () => {
    const rows = await loadFindings();
    const links = await linksOf(rows.map((f) => f.id));
    for (const f of rows) {
      const facts = {
        ...f,
        status: f.status as FindingStatus,
        episodeCount: links.episodes.filter((l) => l.link.findingId === f.id).length,
      };
      // The findings not yet agreed are complete too, so agreeing one in the demo shows agreement at work.
      expect(unmetForFindingStatus(facts, 'agreed_by_review_team'), f.statement).toEqual([]);
    }
  });

  it('keeps the written fields free of hindsight and blame wording', async () => {
    const flags: { where: string; phrase: string }[] = [];
    for (const f of await loadFindings())
      for (const field of Object.keys(checkedFindingFields) as (keyof typeof checkedFindingFields)[]) {
        const value = f[field];
        const texts =
          typeof value === 'string'
            ? [value]
            : value.map((v) => (typeof v === 'string' ? v : `${v.text} ${v.addressee ?? ''}`));
        for (const text of texts)
          for (const flag of checkLanguage(text, builtInLanguageRules))
            flags.push({ where: `finding ${f.number} ${field}`, phrase: flag.phrase });
      }
    expect(flags).toEqual([]);
  });

  it('has a pseudonym register, version 1, for the family, the practitioners, the places and the date of birth', async () => {
    const [register] = await database.db
      .select()
      .from(pseudonymRegisters)
      .where(eq(pseudonymRegisters.reviewId, reviewId));
    expect(register?.version).toBe(1);
    const [lead] = await database.db
      .select()
      .from(participants)
      .where(eq(participants.userId, register!.updatedBy!));
    expect(lead?.role).toBe('lead_reviewer');

    const entries = await loadEntries();
    expect(entries.map((e) => e.position)).toEqual(entries.map((_, i) => i + 1));
    for (const e of entries) expect(e.partnershipId).toBe(register!.partnershipId);
    // The server would accept it as it stands: each entry valid, no name twice, no replacement that
    // still identifies anyone.
    const parsed = entries.map((e) => pseudonymEntryInput.parse(e));
    expect(registerProblems(parsed)).toEqual([]);
    const count = (c: string) => entries.filter((e) => e.category === c).length;
    expect(
      ['child', 'family_member', 'practitioner', 'place', 'school', 'address', 'date_of_birth'].map(count),
    ).toEqual([1, 3, 3, 1, 1, 1, 1]);
    expect(entries.find((e) => e.category === 'child')?.replacement).toBe('Child A');

    // Practitioners are replaced by their role, and are the case group of the demo review.
    const caseGroup = await database.db
      .select()
      .from(participants)
      .where(eq(participants.reviewId, reviewId))
      .then((ps) => ps.filter((p) => p.role === 'case_group_member'));
    const practitioners = entries.filter((e) => e.category === 'practitioner');
    expect(practitioners.map((e) => e.replacement).sort()).toEqual([
      'the GP',
      'the health visitor',
      'the social worker',
    ]);
    for (const e of practitioners) expect(caseGroup.map((p) => p.name)).toContain(e.realValue);

    // The date of birth is given as an age, and its other spellings name the same day.
    const dob = entries.find((e) => e.category === 'date_of_birth')!;
    expect(dob.replacement).toMatch(/^aged .* at the time of the incident$/);
    const [d, m, y] = dob.realValue.split('/');
    const [review] = await database.db.select().from(reviews).where(eq(reviews.id, reviewId));
    const [ty, tm, td] = review!.scopeTo!.split('-').map(Number) as [number, number, number];
    const fullMonths = (ty - Number(y)) * 12 + tm - Number(m) - (td < Number(d) ? 1 : 0);
    expect(fullMonths).toBe(32);
  });

  it('replaces every name in a passage from the records, and the scan then finds none of them', async () => {
    const register = (await loadEntries()).map((e) => ({ ...e, category: e.category as PseudonymCategory }));
    const dob = register.find((e) => e.category === 'date_of_birth')!.realValue;
    const passage = `Kez took Noey to Little Acorns (DOB ${dob}). Dr Price saw Kerry-Ann Quillfeather’s son at 14 Wren Close, Harrowby HB3 7QT; Mrs Quillfeather said Daz had left.`;
    const result = pseudonymise(passage, register);
    for (const words of [
      'Mother took Child A to the nursery',
      'aged two years',
      'Mother’s son',
      'the family home',
    ])
      expect(result.text).toContain(words);
    // The surname alone could be the child, the mother or the sister: it is replaced neutrally.
    expect(result.ambiguous.map((a) => a.match)).toEqual(['Mrs Quillfeather']);
    expect(scanIdentifiers(result.text, register)).toEqual([]);
  });

  it('names no one from the register in the findings', async () => {
    const entries = await loadEntries();
    const names = entries.flatMap((e) => [e.realValue, ...e.variants]);
    for (const f of await loadFindings()) {
      const text = [
        f.statement,
        f.howItShowed,
        f.prevalenceEvidence,
        f.whyItMatters,
        ...f.boardQuestions,
      ].join('\n');
      for (const name of names) expect(text, name).not.toContain(name);
    }
  });

  it('loads once: a second run changes nothing', async () => {
    const again = await seedDemo(database.db, undefined);
    expect(again.created).toBe(false);
    expect(await loadFindings()).toHaveLength(4);
    expect(await loadEntries()).toHaveLength(11);
  });
});
