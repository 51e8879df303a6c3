import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateEpisodeInput,
  changeEpisodeStatusInput,
  EpisodeDto,
  EpisodeList,
  EpisodeStatus,
  reorderEpisodesInput,
  shareEpisodesInput,
  UpdateEpisodeInput,
} from '#domain/analysis/episode.ts';
import { episodeStatuses } from '#domain/analysis/episode.ts';
import { fieldsThatReopen, unmetForStatus } from '#domain/analysis/rules.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import {
  agencies,
  chronologyEvents,
  episodeEvents,
  episodeEvidence,
  episodes,
  reviewAnalysisSettings,
} from '../db/schema/index.ts';
import { refreshLibraryForReview } from '../library/library-sync.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { nextNumber, putInOrder, removeNumbered } from '../review/numbering.ts';
import {
  analysisLabels,
  factsOf,
  openCommentCount,
  presentEpisode,
  presentEpisodeList,
} from './episode.presenter.ts';
import { type EpisodeRow, loadEpisode } from './episode-access.ts';
import { checkEventIds, checkEvidence } from './evidence.ts';

const audit = (
  ctx: ReviewCtx,
  action: Parameters<typeof auditAction>[1]['action'],
  entityId: string | null,
  details: Record<string, unknown> = {},
) =>
  auditAction(ctx, {
    action,
    entityType: 'episode',
    entityId,
    details: { reviewId: ctx.review.id, ...details },
  });

const distinct = <T>(items: readonly (T | null | undefined)[]) => [
  ...new Set(items.filter((x): x is T => x !== null && x !== undefined)),
];

/** The review's key practice episodes, in order: all of them for reviewers, the shared ones a case group member may see. */
export async function listEpisodes(ctx: ReviewCtx): Promise<EpisodeList> {
  return presentEpisodeList(ctx);
}

/** A key practice episode; each reading is audited. */
export async function getEpisode(ctx: ReviewCtx, episodeId: string): Promise<EpisodeDto> {
  const row = await loadEpisode(ctx, episodeId);
  await audit(ctx, 'episode.viewed', row.id);
  return presentEpisode(ctx, row);
}

/**
 * Adds a key practice episode, numbered after the others: made from narrative events (its period
 * runs from the first to the last of them, its agencies and roles are theirs), or from a period
 * (its agencies are those with events in it).
 */
export async function createEpisode(ctx: ReviewCtx, input: CreateEpisodeInput): Promise<EpisodeDto> {
  const eventIds = distinct(input.eventIds);
  let period: { from: string; to: string };
  let agencyIds: string[];
  let roles: string[] = [];
  if (input.eventIds.length) {
    const fields = await checkEventIds(ctx.tx, ctx.review.id, input.eventIds);
    if (fields.length) throw AppError.invalid(fields);
    const events = await ctx.tx
      .select()
      .from(chronologyEvents)
      .where(and(eq(chronologyEvents.reviewId, ctx.review.id), inArray(chronologyEvents.id, eventIds)))
      .orderBy(asc(chronologyEvents.occurredOn), asc(chronologyEvents.occurredTime));
    // Dates as YYYY-MM-DD sort as text; an event's end counts where it has one.
    const dates = events
      .flatMap((e) => [e.occurredOn, e.endsOn])
      .filter((d): d is string => Boolean(d))
      .sort();
    period = { from: dates[0] as string, to: dates.at(-1) as string };
    agencyIds = distinct(events.map((e) => e.agencyId));
    roles = distinct(events.map((e) => e.practitionerRole?.trim() || null));
  } else {
    period = { from: input.periodFrom as string, to: input.periodTo as string };
    const inPeriod = await ctx.tx
      .selectDistinct({ agencyId: chronologyEvents.agencyId })
      .from(chronologyEvents)
      .where(
        and(
          eq(chronologyEvents.reviewId, ctx.review.id),
          lte(chronologyEvents.occurredOn, period.to),
          gte(sql`coalesce(${chronologyEvents.endsOn}, ${chronologyEvents.occurredOn})`, period.from),
        ),
      );
    agencyIds = inPeriod.map((r) => r.agencyId);
  }
  const [row] = await ctx.tx
    .insert(episodes)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      number: await nextNumber(ctx, episodes),
      title: input.title,
      periodFrom: period.from,
      periodTo: period.to,
      agencyIds,
      roles,
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('episode not stored');
  if (eventIds.length)
    await ctx.tx
      .insert(episodeEvents)
      .values(eventIds.map((eventId) => ({ episodeId: row.id, eventId, partnershipId: row.partnershipId })));
  await audit(ctx, 'episode.created', row.id, { eventCount: eventIds.length });
  return presentEpisode(ctx, row, null);
}

async function assertFresh(ctx: ReviewCtx, row: EpisodeRow, given: number) {
  if (row.version === given) return;
  const current = await presentEpisode(ctx, row);
  assertVersion(row, given, 'episode', () => current);
}

const textFields = [
  'title',
  'whatHappened',
  'localRationality',
  'appraisalRationale',
  'hindsight',
  'wentWell',
  'overviewQueries',
] as const;

/** The changes the input asks for, and the field errors of anything it names that is not in the review. */
async function changesFrom(ctx: ReviewCtx, row: EpisodeRow, input: UpdateEpisodeInput) {
  const fields: FieldError[] = [];
  const set: Partial<typeof episodes.$inferInsert> = {};
  for (const f of textFields) if (input[f] !== undefined) set[f] = input[f];
  for (const f of ['periodFrom', 'periodTo', 'goodPractice'] as const)
    if (input[f] !== undefined) (set as Record<string, unknown>)[f] = input[f];
  for (const f of ['appraisal', 'standardKind', 'standardReference'] as const)
    if (input[f] !== undefined) set[f] = input[f] || null;
  if ((set.periodFrom ?? row.periodFrom) > (set.periodTo ?? row.periodTo))
    fields.push({ path: 'periodTo', message: 'The end of the period must be on or after its start' });
  if (set.appraisal) {
    const { grades } = await analysisLabels(ctx.tx, ctx.review);
    if (!grades.has(set.appraisal))
      fields.push({ path: 'appraisal', message: 'Choose a grade from the review’s appraisal scale' });
  }
  if (input.agencyIds) {
    const wanted = distinct(input.agencyIds);
    const found = wanted.length
      ? await ctx.tx
          .select({ id: agencies.id })
          .from(agencies)
          .where(and(eq(agencies.partnershipId, ctx.review.partnershipId), inArray(agencies.id, wanted)))
      : [];
    const known = new Set(found.map((a) => a.id));
    input.agencyIds.forEach((id, i) => {
      if (!known.has(id))
        fields.push({ path: `agencyIds.${i}`, message: 'Choose an agency of the partnership' });
    });
    set.agencyIds = wanted;
  }
  if (input.roles) set.roles = distinct(input.roles);
  if (input.eventIds) fields.push(...(await checkEventIds(ctx.tx, ctx.review.id, input.eventIds)));
  if (input.evidence)
    fields.push(
      ...(await checkEvidence(ctx.tx, ctx.review.id, input.evidence, { path: 'evidence', events: false })),
    );
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter(
    (k) => JSON.stringify(set[k]) !== JSON.stringify(row[k as keyof EpisodeRow]),
  );
  return { fields, set, changed: changed as string[] };
}

/**
 * Changes what an episode says, its links and its evidence. A change to what an agreed episode
 * says returns it to draft, so the review team agrees it again.
 */
export async function updateEpisode(
  ctx: ReviewCtx,
  episodeId: string,
  input: UpdateEpisodeInput,
): Promise<EpisodeDto> {
  const row = await loadEpisode(ctx, episodeId, { lock: true, view: null });
  await assertFresh(ctx, row, input.version);
  const { fields, set, changed } = await changesFrom(ctx, row, input);
  if (fields.length) throw AppError.invalid(fields);
  if (input.eventIds) {
    const before = await ctx.tx
      .select({ id: episodeEvents.eventId })
      .from(episodeEvents)
      .where(eq(episodeEvents.episodeId, row.id));
    const next = distinct(input.eventIds);
    if (JSON.stringify(before.map((b) => b.id).sort()) !== JSON.stringify([...next].sort())) {
      changed.push('eventIds');
      await ctx.tx.delete(episodeEvents).where(eq(episodeEvents.episodeId, row.id));
      if (next.length)
        await ctx.tx
          .insert(episodeEvents)
          .values(next.map((eventId) => ({ episodeId: row.id, eventId, partnershipId: row.partnershipId })));
    }
  }
  if (input.evidence) {
    changed.push('evidence');
    await ctx.tx.delete(episodeEvidence).where(eq(episodeEvidence.episodeId, row.id));
    if (input.evidence.length)
      await ctx.tx.insert(episodeEvidence).values(
        input.evidence.map((l, position) => ({
          partnershipId: row.partnershipId,
          episodeId: row.id,
          kind: l.kind,
          documentId: l.kind === 'document' ? l.targetId : null,
          conversationId: l.kind === 'conversation' ? l.targetId : null,
          passage: l.passage || null,
          note: l.note || null,
          position,
        })),
      );
  }
  if (!changed.length) return presentEpisode(ctx, row, null);
  const reopened =
    row.status !== 'draft' && changed.some((f) => (fieldsThatReopen as readonly string[]).includes(f));
  const [updated] = await ctx.tx
    .update(episodes)
    .set({ ...set, ...(reopened ? { status: 'draft' } : {}), version: row.version + 1, updatedAt: ctx.now })
    .where(eq(episodes.id, row.id))
    .returning();
  await audit(ctx, 'episode.updated', row.id, { fields: changed, ...(reopened ? { reopened: true } : {}) });
  return presentEpisode(ctx, updated ?? row, null);
}

/**
 * Removes an episode with its factors, comments and links, and numbers the rest again. Removing one
 * that is already gone changes nothing.
 */
export async function deleteEpisode(ctx: ReviewCtx, episodeId: string): Promise<void> {
  const row = await removeNumbered(ctx, episodes, episodeId);
  if (!row) return;
  await audit(ctx, 'episode.deleted', row.id, { number: row.number, status: row.status });
  await refreshLibraryForReview(ctx.tx, ctx.review.id, ctx.now);
}

/**
 * Moves an episode to a status. Going forward needs the episode to be complete (and, for "case group
 * checked", agreed, shared and with every comment resolved); otherwise nothing changes and the 409
 * lists what is missing.
 */
export async function changeEpisodeStatus(
  ctx: ReviewCtx,
  episodeId: string,
  input: z.output<typeof changeEpisodeStatusInput>,
): Promise<EpisodeDto> {
  const row = await loadEpisode(ctx, episodeId, { lock: true, view: null });
  await assertFresh(ctx, row, input.version);
  const to = input.status as EpisodeStatus;
  const unmet = unmetForStatus(factsOf(row, await openCommentCount(ctx.tx, row.id)), to);
  if (unmet.length)
    throw new AppError('conflict', `The episode cannot be marked “${episodeStatuses[to]}” yet.`, { unmet });
  if (row.status === to) return presentEpisode(ctx, row, null);
  const [updated] = await ctx.tx
    .update(episodes)
    .set({ status: to, version: row.version + 1, updatedAt: ctx.now })
    .where(eq(episodes.id, row.id))
    .returning();
  await audit(ctx, 'episode.status_changed', row.id, { from: row.status, to });
  return presentEpisode(ctx, updated ?? row, null);
}

/** Puts the review's episodes in a new order, numbered 1..n; the order must name every episode once. */
export async function reorderEpisodes(
  ctx: ReviewCtx,
  input: z.output<typeof reorderEpisodesInput>,
): Promise<EpisodeList> {
  await putInOrder(ctx, episodes, input.episodeIds, {
    field: 'episodeIds',
    message: 'List every episode of the review, each once',
  });
  await audit(ctx, 'episodes.reordered', null, { episodeIds: input.episodeIds });
  return presentEpisodeList(ctx);
}

/**
 * Shares episodes with the case group (or stops sharing them), and optionally sets which shared
 * episodes case group members see.
 */
export async function shareEpisodesWithCaseGroup(
  ctx: ReviewCtx,
  input: z.output<typeof shareEpisodesInput>,
): Promise<EpisodeList> {
  const ids = distinct(input.episodeIds);
  const rows = ids.length
    ? await ctx.tx
        .select()
        .from(episodes)
        .where(and(eq(episodes.reviewId, ctx.review.id), inArray(episodes.id, ids)))
    : [];
  const known = new Set(rows.map((r) => r.id));
  const fields = input.episodeIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `episodeIds.${i}`, message: 'Choose an episode of this review' }],
  );
  if (fields.length) throw AppError.invalid(fields);
  const changing = rows.filter((r) => (r.sharedWithCaseGroupAt !== null) !== input.shared);
  if (changing.length)
    await ctx.tx
      .update(episodes)
      .set({
        sharedWithCaseGroupAt: input.shared ? ctx.now : null,
        updatedAt: ctx.now,
      })
      .where(
        inArray(
          episodes.id,
          changing.map((r) => r.id),
        ),
      );
  if (input.scope)
    await ctx.tx
      .insert(reviewAnalysisSettings)
      .values({
        reviewId: ctx.review.id,
        partnershipId: ctx.review.partnershipId,
        caseGroupScope: input.scope,
      })
      .onConflictDoUpdate({ target: reviewAnalysisSettings.reviewId, set: { caseGroupScope: input.scope } });
  await audit(ctx, 'episodes.shared', null, {
    episodeIds: changing.map((r) => r.id),
    shared: input.shared,
    ...(input.scope ? { scope: input.scope } : {}),
  });
  return presentEpisodeList(ctx);
}
