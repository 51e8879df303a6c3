import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { EpisodeDto, FactorInput, updateFactorInput } from '#domain/analysis/episode.ts';
import { moveToRank } from '#domain/analysis/rules.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { contributoryFactors } from '../db/schema/index.ts';
import { refreshLibraryForReview } from '../library/library-sync.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { analysisLabels, presentEpisode } from './episode.presenter.ts';
import { type EpisodeRow, loadEpisode, loadFactor } from './episode-access.ts';
import { checkEvidence } from './evidence.ts';

const audit = (
  ctx: ReviewCtx,
  action: 'contributory_factor.added' | 'contributory_factor.updated' | 'contributory_factor.removed',
  factorId: string,
  episodeId: string,
  details: Record<string, unknown> = {},
) =>
  auditAction(ctx, {
    action,
    entityType: 'contributory_factor',
    entityId: factorId,
    details: { reviewId: ctx.review.id, episodeId, ...details },
  });

/**
 * Checks a factor against the review's factor framework: the group must be one of its groups, and
 * where the group lists types the type must be one of them (otherwise any words will do). Returns
 * the type as the framework spells it.
 */
async function checkFactor(
  ctx: ReviewCtx,
  value: { group: string; factorType: string | null; evidence: FactorInput['evidence'] },
): Promise<{ fields: FieldError[]; factorType: string | null }> {
  const { groups } = await analysisLabels(ctx.tx, ctx.review);
  const fields: FieldError[] = [];
  let factorType = value.factorType?.trim() || null;
  const group = groups.find((g) => g.key === value.group);
  if (!group) fields.push({ path: 'group', message: 'Choose a factor group from the review’s framework' });
  else if (factorType && group.types.length) {
    const match = group.types.find((t) => t.toLowerCase() === factorType?.toLowerCase());
    if (match) factorType = match;
    else
      fields.push({ path: 'factorType', message: `Choose a type of “${group.label}” factor from the list` });
  }
  fields.push(
    ...(await checkEvidence(ctx.tx, ctx.review.id, value.evidence, { path: 'evidence', events: true })),
  );
  return { fields, factorType };
}

const storedEvidence = (links: FactorInput['evidence']) =>
  links.map((l) => ({
    kind: l.kind,
    targetId: l.targetId,
    passage: l.passage || null,
    note: l.note || null,
  }));

/** Ranks the episode's factors 1..n, with the given factor moved to the given rank. */
async function rerank(ctx: ReviewCtx, episodeId: string, move?: { id: string; rank: number }) {
  const rows = await ctx.tx
    .select({ id: contributoryFactors.id, rank: contributoryFactors.rank })
    .from(contributoryFactors)
    .where(eq(contributoryFactors.episodeId, episodeId))
    .orderBy(asc(contributoryFactors.rank), asc(contributoryFactors.createdAt));
  const ids = rows.map((r) => r.id);
  const ordered = move ? moveToRank(ids, move.id, move.rank) : ids;
  const rankOf = new Map(rows.map((r) => [r.id, r.rank]));
  for (const [i, id] of ordered.entries())
    if (rankOf.get(id) !== i + 1)
      await ctx.tx
        .update(contributoryFactors)
        .set({ rank: i + 1 })
        .where(eq(contributoryFactors.id, id));
}

async function episodeNow(ctx: ReviewCtx, episode: EpisodeRow) {
  return presentEpisode(ctx, await loadEpisode(ctx, episode.id, { view: null }), null);
}

/** Adds a contributory factor to an episode, at the rank given (or last). */
export async function addContributoryFactor(
  ctx: ReviewCtx,
  episodeId: string,
  input: FactorInput,
): Promise<EpisodeDto> {
  const episode = await loadEpisode(ctx, episodeId, { lock: true, view: null });
  const { fields, factorType } = await checkFactor(ctx, {
    group: input.group,
    factorType: input.factorType ?? null,
    evidence: input.evidence,
  });
  if (fields.length) throw AppError.invalid(fields);
  const [row] = await ctx.tx
    .insert(contributoryFactors)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      episodeId,
      groupKey: input.group,
      factorType,
      description: input.description,
      rank: 10_000,
      evidence: storedEvidence(input.evidence),
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('factor not stored');
  await rerank(ctx, episodeId, input.rank ? { id: row.id, rank: input.rank } : undefined);
  await audit(ctx, 'contributory_factor.added', row.id, episodeId, { group: input.group });
  await refreshLibraryForReview(ctx.tx, ctx.review.id, ctx.now);
  return episodeNow(ctx, episode);
}

/** Changes a contributory factor, or moves it to another rank. */
export async function updateContributoryFactor(
  ctx: ReviewCtx,
  episodeId: string,
  factorId: string,
  input: z.output<typeof updateFactorInput>,
): Promise<EpisodeDto> {
  const episode = await loadEpisode(ctx, episodeId, { lock: true, view: null });
  const factor = await loadFactor(ctx, episodeId, factorId);
  if (factor.version !== input.version) {
    const current = await presentEpisode(ctx, episode, null);
    assertVersion(factor, input.version, 'contributory factor', () => current);
  }
  const group = input.group ?? factor.groupKey;
  const { fields, factorType } = await checkFactor(ctx, {
    group,
    factorType: input.factorType === undefined ? factor.factorType : input.factorType,
    evidence: input.evidence ?? [],
  });
  if (fields.length) throw AppError.invalid(fields);
  const set = {
    groupKey: group,
    factorType,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.evidence !== undefined ? { evidence: storedEvidence(input.evidence) } : {}),
  };
  const changed = Object.entries(set)
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(factor[k as keyof typeof factor]))
    .map(([k]) => (k === 'groupKey' ? 'group' : k));
  if (input.rank !== undefined && input.rank !== factor.rank) changed.push('rank');
  if (!changed.length) return presentEpisode(ctx, episode, null);
  await ctx.tx
    .update(contributoryFactors)
    .set({ ...set, version: factor.version + 1, updatedAt: ctx.now })
    .where(and(eq(contributoryFactors.id, factorId), eq(contributoryFactors.episodeId, episodeId)));
  if (input.rank !== undefined) await rerank(ctx, episodeId, { id: factorId, rank: input.rank });
  await audit(ctx, 'contributory_factor.updated', factorId, episodeId, { fields: changed });
  await refreshLibraryForReview(ctx.tx, ctx.review.id, ctx.now);
  return episodeNow(ctx, episode);
}

/** Removes a contributory factor; the others close up their ranks. Removing one already gone changes nothing. */
export async function deleteContributoryFactor(
  ctx: ReviewCtx,
  episodeId: string,
  factorId: string,
): Promise<EpisodeDto> {
  const episode = await loadEpisode(ctx, episodeId, { lock: true, view: null });
  const deleted = await ctx.tx
    .delete(contributoryFactors)
    .where(and(eq(contributoryFactors.id, factorId), eq(contributoryFactors.episodeId, episodeId)))
    .returning({ id: contributoryFactors.id });
  if (deleted.length) {
    await rerank(ctx, episodeId);
    await audit(ctx, 'contributory_factor.removed', factorId, episodeId);
    await refreshLibraryForReview(ctx.tx, ctx.review.id, ctx.now);
  }
  return episodeNow(ctx, episode);
}
