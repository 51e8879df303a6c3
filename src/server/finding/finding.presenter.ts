import { asc, eq, inArray } from 'drizzle-orm';
import {
  type Currency,
  type FindingDto,
  type FindingList,
  type FindingStatus,
  findingStatuses,
  type Polarity,
  type PrevalenceSource,
  type Priority,
} from '#domain/finding/finding.ts';
import { type FindingFacts, unmetForFindingStatus } from '#domain/finding/rules.ts';
import { type LibraryTheme, libraryThemes } from '#domain/library/library.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { flaggedFindingFields, unresolvedIn } from '../analysis/language.service.ts';
import type { Queryable } from '../db/client.ts';
import {
  episodes,
  findingEpisodes,
  findingResearchQuestions,
  findings,
  researchQuestions,
} from '../db/schema/index.ts';
import { reviewReferenceOf } from '../reference/reference.service.ts';
import type { ReviewCtx } from '../review/access.ts';
import type { FindingRow } from './finding-access.ts';

type Review = { id: string; partnershipId: string };

/** The categories of the typology the review is pinned to: name by code. */
export async function typologyNames(q: Queryable, review: Review): Promise<Map<string, string>> {
  const { content } = await reviewReferenceOf(q, review, 'typology');
  return new Map(content.categories.map((c) => [c.code, c.name]));
}

const typologyOf = (code: string | null, names: Map<string, string>) =>
  code ? { code, name: names.get(code) ?? code } : null;

/** A finding's theme tags with their labels; a key no longer in the list is left out. */
const themesOf = (keys: readonly string[]) =>
  keys
    .filter((k): k is LibraryTheme => Object.hasOwn(libraryThemes, k))
    .map((key) => ({ key, label: libraryThemes[key] }));

/** The facts the status rules read, from the row and how many episodes show it. */
export function factsOf(row: FindingRow, episodeCount: number): FindingFacts {
  return {
    status: row.status as FindingStatus,
    statement: row.statement,
    typologyCode: row.typologyCode,
    episodeCount,
    prevalenceSources: row.prevalenceSources,
    prevalenceEvidence: row.prevalenceEvidence,
    boardQuestions: row.boardQuestions,
  };
}

/** The key practice episodes linked to the given findings, in episode order. */
export async function linkedEpisodes(q: Queryable, findingIds: readonly string[]) {
  if (!findingIds.length) return [];
  return q
    .select({
      findingId: findingEpisodes.findingId,
      id: episodes.id,
      number: episodes.number,
      title: episodes.title,
    })
    .from(findingEpisodes)
    .innerJoin(episodes, eq(episodes.id, findingEpisodes.episodeId))
    .where(inArray(findingEpisodes.findingId, [...findingIds]))
    .orderBy(asc(episodes.number));
}

/** The research questions a finding answers, in the order of the terms of reference. */
export async function linkedResearchQuestions(q: Queryable, findingId: string) {
  return q
    .select({ id: researchQuestions.id, position: researchQuestions.position, text: researchQuestions.text })
    .from(findingResearchQuestions)
    .innerJoin(researchQuestions, eq(researchQuestions.id, findingResearchQuestions.researchQuestionId))
    .where(eq(findingResearchQuestions.findingId, findingId))
    .orderBy(asc(researchQuestions.position));
}

const abilitiesOf = (ctx: ReviewCtx) => ({
  edit: mayInReview(ctx.actor, 'editFindings'),
  agree: mayInReview(ctx.actor, 'agreeFindings'),
});

/** A finding with its episodes, research questions, flagged wording and what it still needs before agreement. */
export async function presentFinding(ctx: ReviewCtx, row: FindingRow): Promise<FindingDto> {
  const q = ctx.tx;
  const names = await typologyNames(q, ctx.review);
  const linked = await linkedEpisodes(q, [row.id]);
  const questions = await linkedResearchQuestions(q, row.id);
  const flags = await flaggedFindingFields(q, ctx.review, [row]);
  const status = row.status as FindingStatus;
  return {
    id: row.id,
    number: row.number,
    statement: row.statement,
    typology: typologyOf(row.typologyCode, names),
    polarity: row.polarity as Polarity,
    episodes: linked.map(({ findingId: _, ...e }) => e),
    howItShowed: row.howItShowed,
    prevalenceSources: row.prevalenceSources as PrevalenceSource[],
    prevalenceEvidence: row.prevalenceEvidence,
    currency: row.currency as Currency | null,
    currencyNote: row.currencyNote,
    whyItMatters: row.whyItMatters,
    boardQuestions: row.boardQuestions,
    recommendations: row.recommendations,
    priority: row.priority as Priority | null,
    researchQuestions: questions,
    themes: themesOf(row.themes),
    status,
    statusLabel: findingStatuses[status] ?? status,
    unmetForAgreement: unmetForFindingStatus(factsOf(row, linked.length), 'agreed_by_review_team'),
    languageFlags: flags.map(({ findingId: _, ...f }) => f),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesOf(ctx),
  };
}

/** The review's findings in number order, with counts, unresolved flagged wording and what the person may do. */
export async function presentFindingList(ctx: ReviewCtx): Promise<FindingList> {
  const q = ctx.tx;
  const rows = await q
    .select()
    .from(findings)
    .where(eq(findings.reviewId, ctx.review.id))
    .orderBy(asc(findings.number));
  const names = await typologyNames(q, ctx.review);
  const linked = await linkedEpisodes(
    q,
    rows.map((f) => f.id),
  );
  const flags = await flaggedFindingFields(q, ctx.review, rows);
  return {
    findings: rows.map((f) => {
      const status = f.status as FindingStatus;
      return {
        id: f.id,
        number: f.number,
        statement: f.statement,
        typology: typologyOf(f.typologyCode, names),
        polarity: f.polarity as Polarity,
        priority: f.priority as Priority | null,
        status,
        statusLabel: findingStatuses[status] ?? status,
        version: f.version,
        episodeCount: linked.filter((e) => e.findingId === f.id).length,
        boardQuestionCount: f.boardQuestions.filter((b) => b.trim()).length,
        unresolvedFlags: unresolvedIn(flags.filter((x) => x.findingId === f.id)),
      };
    }),
    abilities: {
      create: mayInReview(ctx.actor, 'editFindings'),
      agree: mayInReview(ctx.actor, 'agreeFindings'),
    },
  };
}
