import { and, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import {
  type agreeFindingInput,
  type CreateFindingInput,
  type changeFindingStatusInput,
  type FindingDto,
  type FindingList,
  type FindingStatus,
  findingStatuses,
  type reorderFindingsInput,
  type UpdateFindingInput,
} from '#domain/finding/finding.ts';
import { findingFieldsThatReopen, unmetForFindingStatus } from '#domain/finding/rules.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import {
  actions,
  episodes,
  findingEpisodes,
  findingResearchQuestions,
  findings,
  researchQuestions,
} from '../db/schema/index.ts';
import { refreshLibraryForReview } from '../library/library-sync.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { nextNumber, putInOrder, removeNumbered } from '../review/numbering.ts';
import { factsOf, presentFinding, presentFindingList, typologyNames } from './finding.presenter.ts';
import { type FindingRow, loadFinding } from './finding-access.ts';

const audit = (
  ctx: ReviewCtx,
  action: Parameters<typeof auditAction>[1]['action'],
  entityId: string | null,
  details: Record<string, unknown> = {},
) =>
  auditAction(ctx, {
    action,
    entityType: 'finding',
    entityId,
    details: { reviewId: ctx.review.id, ...details },
  });

/** Keeps the review's entries in the learning library in step with its findings. */
const refreshLibrary = (ctx: ReviewCtx) => refreshLibraryForReview(ctx.tx, ctx.review.id, ctx.now);

const distinct = <T>(items: readonly T[]) => [...new Set(items)];
const sameSet = (a: readonly string[], b: readonly string[]) =>
  JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

type FindingInput = Partial<Omit<CreateFindingInput, 'statement'>> & { statement?: string | undefined };

/**
 * The field errors of what the input names that is not the review's: a typology code outside the
 * version it is pinned to, an episode or a research question of another review.
 */
async function checkReferences(ctx: ReviewCtx, input: FindingInput): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  if (input.typologyCode && !(await typologyNames(ctx.tx, ctx.review)).has(input.typologyCode))
    fields.push({ path: 'typologyCode', message: 'Choose a category of the review’s typology' });
  const check = async (
    path: string,
    ids: readonly string[] | undefined,
    known: (wanted: string[]) => Promise<Array<{ id: string }>>,
    message: string,
  ) => {
    if (!ids?.length) return;
    const found = new Set((await known(distinct(ids))).map((r) => r.id));
    ids.forEach((id, i) => {
      if (!found.has(id)) fields.push({ path: `${path}.${i}`, message });
    });
  };
  await check(
    'episodeIds',
    input.episodeIds,
    (wanted) =>
      ctx.tx
        .select({ id: episodes.id })
        .from(episodes)
        .where(and(eq(episodes.reviewId, ctx.review.id), inArray(episodes.id, wanted))),
    'Choose a key practice episode of this review',
  );
  await check(
    'researchQuestionIds',
    input.researchQuestionIds,
    (wanted) =>
      ctx.tx
        .select({ id: researchQuestions.id })
        .from(researchQuestions)
        .where(and(eq(researchQuestions.reviewId, ctx.review.id), inArray(researchQuestions.id, wanted))),
    'Choose a research question of the review’s terms of reference',
  );
  return fields;
}

/** The columns the input sets: empty choices are stored as none. */
function columnsFrom(input: FindingInput): Partial<typeof findings.$inferInsert> {
  const set: Partial<typeof findings.$inferInsert> = {};
  for (const f of [
    'statement',
    'howItShowed',
    'prevalenceEvidence',
    'whyItMatters',
    'boardQuestions',
  ] as const)
    if (input[f] !== undefined) (set as Record<string, unknown>)[f] = input[f];
  if (input.polarity !== undefined) set.polarity = input.polarity;
  if (input.typologyCode !== undefined) set.typologyCode = input.typologyCode || null;
  if (input.prevalenceSources !== undefined) set.prevalenceSources = distinct(input.prevalenceSources);
  if (input.themes !== undefined) set.themes = distinct(input.themes);
  if (input.currency !== undefined) set.currency = input.currency ?? null;
  if (input.currencyNote !== undefined) set.currencyNote = input.currencyNote || null;
  if (input.priority !== undefined) set.priority = input.priority ?? null;
  if (input.recommendations !== undefined)
    set.recommendations = input.recommendations.map((r) => ({
      text: r.text,
      addressee: r.addressee || null,
    }));
  return set;
}

async function linkEpisodes(ctx: ReviewCtx, findingId: string, ids: readonly string[]) {
  await ctx.tx.delete(findingEpisodes).where(eq(findingEpisodes.findingId, findingId));
  if (ids.length)
    await ctx.tx
      .insert(findingEpisodes)
      .values(ids.map((episodeId) => ({ findingId, episodeId, partnershipId: ctx.review.partnershipId })));
}

async function linkResearchQuestions(ctx: ReviewCtx, findingId: string, ids: readonly string[]) {
  await ctx.tx.delete(findingResearchQuestions).where(eq(findingResearchQuestions.findingId, findingId));
  if (ids.length)
    await ctx.tx.insert(findingResearchQuestions).values(
      ids.map((researchQuestionId) => ({
        findingId,
        researchQuestionId,
        partnershipId: ctx.review.partnershipId,
      })),
    );
}

const episodeIdsOf = async (ctx: ReviewCtx, findingId: string) =>
  (
    await ctx.tx
      .select({ id: findingEpisodes.episodeId })
      .from(findingEpisodes)
      .where(eq(findingEpisodes.findingId, findingId))
  ).map((r) => r.id);

const researchQuestionIdsOf = async (ctx: ReviewCtx, findingId: string) =>
  (
    await ctx.tx
      .select({ id: findingResearchQuestions.researchQuestionId })
      .from(findingResearchQuestions)
      .where(eq(findingResearchQuestions.findingId, findingId))
  ).map((r) => r.id);

/** The review's findings in number order, with what the person may do. */
export async function listFindings(ctx: ReviewCtx): Promise<FindingList> {
  return presentFindingList(ctx);
}

/** A finding of the review, with its episodes, research questions and flagged wording. */
export async function getFinding(ctx: ReviewCtx, findingId: string): Promise<FindingDto> {
  return presentFinding(ctx, await loadFinding(ctx, findingId));
}

/** Adds a finding, numbered after the others; it starts as emerging, a risk unless it says otherwise. */
export async function createFinding(ctx: ReviewCtx, input: CreateFindingInput): Promise<FindingDto> {
  const fields = await checkReferences(ctx, input);
  if (fields.length) throw AppError.invalid(fields);
  const [row] = await ctx.tx
    .insert(findings)
    .values({
      polarity: 'risk',
      ...columnsFrom(input),
      statement: input.statement,
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      number: await nextNumber(ctx, findings),
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('finding not stored');
  await linkEpisodes(ctx, row.id, distinct(input.episodeIds ?? []));
  await linkResearchQuestions(ctx, row.id, distinct(input.researchQuestionIds ?? []));
  await audit(ctx, 'finding.created', row.id, { number: row.number });
  await refreshLibrary(ctx);
  return presentFinding(ctx, row);
}

async function assertFresh(ctx: ReviewCtx, row: FindingRow, given: number) {
  if (row.version === given) return;
  const current = await presentFinding(ctx, row);
  assertVersion(row, given, 'finding', () => current);
}

/**
 * Changes what a finding says and what it links to. A change to what an agreed or final finding
 * says returns it to emerging, so the review team agrees it again.
 */
export async function updateFinding(
  ctx: ReviewCtx,
  findingId: string,
  input: UpdateFindingInput,
): Promise<FindingDto> {
  const row = await loadFinding(ctx, findingId, { lock: true });
  await assertFresh(ctx, row, input.version);
  const fields = await checkReferences(ctx, input);
  if (fields.length) throw AppError.invalid(fields);
  const set = columnsFrom(input);
  const changed: string[] = (Object.keys(set) as (keyof typeof set)[]).filter(
    (k) => JSON.stringify(set[k]) !== JSON.stringify(row[k as keyof FindingRow]),
  );
  if (input.episodeIds) {
    const next = distinct(input.episodeIds);
    if (!sameSet(await episodeIdsOf(ctx, row.id), next)) {
      changed.push('episodeIds');
      await linkEpisodes(ctx, row.id, next);
    }
  }
  if (input.researchQuestionIds) {
    const next = distinct(input.researchQuestionIds);
    if (!sameSet(await researchQuestionIdsOf(ctx, row.id), next)) {
      changed.push('researchQuestionIds');
      await linkResearchQuestions(ctx, row.id, next);
    }
  }
  if (!changed.length) return presentFinding(ctx, row);
  const reopened =
    (row.status === 'agreed_by_review_team' || row.status === 'final') &&
    changed.some((f) => (findingFieldsThatReopen as readonly string[]).includes(f));
  const [updated] = await ctx.tx
    .update(findings)
    .set({
      ...set,
      ...(reopened ? { status: 'emerging' } : {}),
      version: row.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(findings.id, row.id))
    .returning();
  await audit(ctx, 'finding.updated', row.id, {
    fields: changed,
    ...(reopened ? { reopened: true, from: row.status } : {}),
  });
  await refreshLibrary(ctx);
  return presentFinding(ctx, updated ?? row);
}

/** Removes a finding with its links, and numbers the rest again. Removing one already gone changes nothing. */
export async function deleteFinding(ctx: ReviewCtx, findingId: string): Promise<void> {
  const [answered] = await ctx.tx
    .select({ n: count() })
    .from(actions)
    .where(and(eq(actions.findingId, findingId), eq(actions.reviewId, ctx.review.id)));
  if (answered && answered.n > 0)
    throw new AppError(
      'conflict',
      `This finding has ${answered.n === 1 ? 'an action' : `${answered.n} actions`} in the action plan. Remove ${answered.n === 1 ? 'it' : 'them'} or link ${answered.n === 1 ? 'it' : 'them'} to another finding first.`,
      { reason: 'has_actions' },
    );
  const row = await removeNumbered(ctx, findings, findingId);
  if (!row) return;
  await audit(ctx, 'finding.deleted', row.id, { number: row.number, status: row.status });
  await refreshLibrary(ctx);
}

/** Puts the review's findings in a new order, numbered 1..n; the order must name every finding once. */
export async function reorderFindings(
  ctx: ReviewCtx,
  input: z.output<typeof reorderFindingsInput>,
): Promise<FindingList> {
  await putInOrder(ctx, findings, input.findingIds, {
    field: 'findingIds',
    message: 'List every finding of the review, each once',
  });
  await audit(ctx, 'findings.reordered', null, { findingIds: input.findingIds });
  await refreshLibrary(ctx);
  return presentFindingList(ctx);
}

/** Moves a finding to a status if the rules allow it; otherwise nothing changes and the 409 lists what is missing. */
async function moveTo(
  ctx: ReviewCtx,
  row: FindingRow,
  to: FindingStatus,
  refusal: string,
): Promise<FindingDto> {
  const unmet = unmetForFindingStatus(factsOf(row, (await episodeIdsOf(ctx, row.id)).length), to);
  if (unmet.length) throw new AppError('conflict', refusal, { unmet });
  if (row.status === to) return presentFinding(ctx, row);
  const [updated] = await ctx.tx
    .update(findings)
    .set({ status: to, version: row.version + 1, updatedAt: ctx.now })
    .where(eq(findings.id, row.id))
    .returning();
  await audit(ctx, to === 'agreed_by_review_team' ? 'finding.agreed' : 'finding.status_changed', row.id, {
    from: row.status,
    to,
  });
  await refreshLibrary(ctx);
  return presentFinding(ctx, updated ?? row);
}

/**
 * The review team agrees a finding: it needs its statement, typology category, an episode that shows
 * it, evidence that it is not a quirk of this case and an issue for the board. A final finding is
 * already agreed and stays final.
 */
export async function agreeFinding(
  ctx: ReviewCtx,
  findingId: string,
  input: z.output<typeof agreeFindingInput>,
): Promise<FindingDto> {
  const row = await loadFinding(ctx, findingId, { lock: true });
  await assertFresh(ctx, row, input.version);
  if (row.status === 'final') return presentFinding(ctx, row);
  return moveTo(ctx, row, 'agreed_by_review_team', 'The finding cannot be agreed yet.');
}

/**
 * Moves a finding to another status: back to emerging or to tested with the case group at any time;
 * agreed or final only when complete, and final only once the review team has agreed it.
 */
export async function changeFindingStatus(
  ctx: ReviewCtx,
  findingId: string,
  input: z.output<typeof changeFindingStatusInput>,
): Promise<FindingDto> {
  const row = await loadFinding(ctx, findingId, { lock: true });
  await assertFresh(ctx, row, input.version);
  const to = input.status as FindingStatus;
  return moveTo(ctx, row, to, `The finding cannot be marked “${findingStatuses[to]}” yet.`);
}
