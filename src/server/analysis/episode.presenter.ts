import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type EpisodeDto,
  type EpisodeList,
  type EpisodeStatus,
  episodeStatuses,
} from '#domain/analysis/episode.ts';
import { nextStatus, unmetForStatus } from '#domain/analysis/rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import type { Queryable } from '../db/client.ts';
import {
  agencies,
  chronologyEvents,
  contributoryFactors,
  episodeComments,
  episodeEvents,
  episodeEvidence,
  episodes,
  users,
} from '../db/schema/index.ts';
import { reviewReferenceOf } from '../reference/reference.service.ts';
import type { ReviewCtx } from '../review/access.ts';
import {
  type CaseGroupView,
  type CommentRow,
  caseGroupScopeOf,
  caseGroupView,
  type EpisodeRow,
  type FactorRow,
  maySeeEpisode,
} from './episode-access.ts';
import { type EvidenceLink, evidenceLabels, presentLink } from './evidence.ts';
import { flaggedFields, unresolvedIn } from './language.service.ts';

type Review = { id: string; partnershipId: string };

/** The labels of the review's appraisal grades and factor groups, in the versions it is pinned to. */
export async function analysisLabels(q: Queryable, review: Review) {
  const appraisal = await reviewReferenceOf(q, review, 'appraisal');
  const factors = await reviewReferenceOf(q, review, 'factors');
  return {
    grades: new Map(appraisal.content.grades.map((g) => [g.key, g.label])),
    groups: factors.content.groups,
    groupLabels: new Map(factors.content.groups.map((g) => [g.key, g.label])),
  };
}
export type AnalysisLabels = Awaited<ReturnType<typeof analysisLabels>>;

/** The names of the given agencies, by id. */
export async function agencyNamesOf(q: Queryable, partnershipId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map<string, string>();
  const rows = await q
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(and(eq(agencies.partnershipId, partnershipId), inArray(agencies.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const appraisalOf = (key: string | null, labels: AnalysisLabels) =>
  key ? { key, label: labels.grades.get(key) ?? key } : null;

/** The facts the status rules read, from the row and the number of open comments. */
export function factsOf(row: EpisodeRow, openComments: number) {
  return {
    status: row.status as EpisodeStatus,
    whatHappened: row.whatHappened,
    localRationality: row.localRationality,
    appraisal: row.appraisal,
    appraisalRationale: row.appraisalRationale,
    sharedWithCaseGroup: row.sharedWithCaseGroupAt !== null,
    openComments,
  };
}

/** How many comments on the episode are still open. */
export async function openCommentCount(q: Queryable, episodeId: string) {
  const rows = await q
    .select({ id: episodeComments.id })
    .from(episodeComments)
    .where(and(eq(episodeComments.episodeId, episodeId), isNull(episodeComments.resolvedAt)));
  return rows.length;
}

function presentFactor(f: FactorRow, labels: AnalysisLabels, evidence: Map<string, string> | null) {
  return {
    id: f.id,
    group: f.groupKey,
    groupLabel: labels.groupLabels.get(f.groupKey) ?? f.groupKey,
    factorType: f.factorType,
    description: f.description,
    rank: f.rank,
    evidence: evidence ? f.evidence.map((l) => presentLink(l, evidence)) : [],
    version: f.version,
  };
}

/**
 * A key practice episode for the person viewing it. A case group member gets the shared analysis
 * (hindsight included) and their own comments, without the evidence, events or flagged wording.
 */
export async function presentEpisode(
  ctx: ReviewCtx,
  row: EpisodeRow,
  view?: CaseGroupView,
): Promise<EpisodeDto> {
  const v = view === undefined ? await caseGroupView(ctx) : view;
  const reviewer = v === null;
  const q = ctx.tx;
  const labels = await analysisLabels(q, ctx.review);
  const names = await agencyNamesOf(q, ctx.review.partnershipId, row.agencyIds);
  const factors = await q
    .select()
    .from(contributoryFactors)
    .where(eq(contributoryFactors.episodeId, row.id))
    .orderBy(asc(contributoryFactors.rank));

  let events: EpisodeDto['events'] = [];
  let evidence: EpisodeDto['evidence'] = [];
  let factorEvidence: Map<string, string> | null = null;
  let languageFlags: EpisodeDto['languageFlags'] = [];
  if (reviewer) {
    events = (
      await q
        .select({ e: chronologyEvents, agencyName: agencies.name })
        .from(episodeEvents)
        .innerJoin(chronologyEvents, eq(chronologyEvents.id, episodeEvents.eventId))
        .leftJoin(agencies, eq(agencies.id, chronologyEvents.agencyId))
        .where(eq(episodeEvents.episodeId, row.id))
        .orderBy(asc(chronologyEvents.occurredOn), asc(chronologyEvents.occurredTime))
    ).map(({ e, agencyName }) => ({
      id: e.id,
      occurredOn: e.occurredOn,
      agencyName: agencyName ?? '',
      summary: e.summary,
    }));
    const links: EvidenceLink[] = (
      await q
        .select()
        .from(episodeEvidence)
        .where(eq(episodeEvidence.episodeId, row.id))
        .orderBy(asc(episodeEvidence.position))
    ).map((l) => ({
      kind: l.kind,
      targetId: (l.documentId ?? l.conversationId) as string,
      passage: l.passage,
      note: l.note,
    }));
    const allLinks = [...links, ...factors.flatMap((f) => f.evidence)];
    const evidenceNames = await evidenceLabels(q, ctx.review.id, allLinks);
    evidence = links.map((l) => presentLink(l, evidenceNames));
    factorEvidence = evidenceNames;
    languageFlags = (await flaggedFields(q, ctx.review, [row], factors)).map(({ episodeId: _, ...f }) => f);
  }

  const author = alias(users, 'author');
  const resolver = alias(users, 'resolver');
  const allComments = await q
    .select({ c: episodeComments, authorName: author.name, resolvedByName: resolver.name })
    .from(episodeComments)
    .leftJoin(author, eq(author.id, episodeComments.authorId))
    .leftJoin(resolver, eq(resolver.id, episodeComments.resolvedBy))
    .where(eq(episodeComments.episodeId, row.id))
    .orderBy(asc(episodeComments.createdAt));
  const mine = (c: CommentRow) => c.authorId === ctx.principal.userId;
  const comments = allComments
    .filter(({ c }) => reviewer || mine(c))
    .map(({ c, authorName, resolvedByName }) => ({
      id: c.id,
      authorName: authorName ?? 'Unknown person',
      authorRole: c.authorRole,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      resolvedByName: c.resolvedAt ? (resolvedByName ?? 'Unknown person') : null,
      resolution: c.resolution,
      mine: mine(c),
    }));

  const status = row.status as EpisodeStatus;
  const next = nextStatus(status);
  const openComments = allComments.filter(({ c }) => !c.resolvedAt).length;
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    agencies: row.agencyIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown agency' })),
    roles: row.roles,
    whatHappened: row.whatHappened,
    localRationality: row.localRationality,
    appraisal: appraisalOf(row.appraisal, labels),
    appraisalRationale: row.appraisalRationale,
    standardKind: row.standardKind,
    standardReference: row.standardReference,
    hindsight: row.hindsight,
    wentWell: row.wentWell,
    overviewQueries: row.overviewQueries,
    goodPractice: row.goodPractice,
    status,
    statusLabel: episodeStatuses[status] ?? status,
    sharedWithCaseGroupAt: row.sharedWithCaseGroupAt?.toISOString() ?? null,
    events,
    evidence,
    factors: factors.map((f) => presentFactor(f, labels, factorEvidence)),
    comments,
    languageFlags,
    unmetForNextStatus: reviewer && next ? unmetForStatus(factsOf(row, openComments), next) : [],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      edit: mayInReview(ctx.actor, 'editAnalysis'),
      manage: mayInReview(ctx.actor, 'manageAnalysis'),
      comment: mayInReview(ctx.actor, 'commentOnEpisodes'),
    },
  };
}

/** The review's episodes in order, as the person may see them, with counts and what they may do. */
export async function presentEpisodeList(ctx: ReviewCtx): Promise<EpisodeList> {
  const q = ctx.tx;
  const view = await caseGroupView(ctx);
  const reviewer = view === null;
  const all = await q
    .select()
    .from(episodes)
    .where(eq(episodes.reviewId, ctx.review.id))
    .orderBy(asc(episodes.number));
  const rows = all.filter((e) => maySeeEpisode(view, e));
  const ids = rows.map((e) => e.id);
  const labels = await analysisLabels(q, ctx.review);
  const names = await agencyNamesOf(
    q,
    ctx.review.partnershipId,
    rows.flatMap((e) => e.agencyIds),
  );
  const factors = ids.length
    ? await q.select().from(contributoryFactors).where(inArray(contributoryFactors.episodeId, ids))
    : [];
  const comments = ids.length
    ? await q
        .select({ episodeId: episodeComments.episodeId, authorId: episodeComments.authorId })
        .from(episodeComments)
        .where(and(inArray(episodeComments.episodeId, ids), isNull(episodeComments.resolvedAt)))
    : [];
  const flags = reviewer ? await flaggedFields(q, ctx.review, rows, factors) : [];
  return {
    episodes: rows.map((e) => ({
      id: e.id,
      number: e.number,
      title: e.title,
      periodFrom: e.periodFrom,
      periodTo: e.periodTo,
      agencies: e.agencyIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown agency' })),
      appraisal: appraisalOf(e.appraisal, labels),
      goodPractice: e.goodPractice,
      status: e.status as EpisodeStatus,
      statusLabel: episodeStatuses[e.status as EpisodeStatus] ?? e.status,
      sharedWithCaseGroup: e.sharedWithCaseGroupAt !== null,
      factorCount: factors.filter((f) => f.episodeId === e.id).length,
      openComments: comments.filter(
        (c) => c.episodeId === e.id && (reviewer || c.authorId === ctx.principal.userId),
      ).length,
      unresolvedFlags: unresolvedIn(flags.filter((f) => f.episodeId === e.id)),
    })),
    unresolvedLanguageFlags: unresolvedIn(flags),
    caseGroupScope: view?.scope ?? (await caseGroupScopeOf(q, ctx.review.id)),
    abilities: {
      create: mayInReview(ctx.actor, 'editAnalysis'),
      manage: mayInReview(ctx.actor, 'manageAnalysis'),
      comment: mayInReview(ctx.actor, 'commentOnEpisodes'),
    },
  };
}
