import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CausalMapDto, causalMapQuery } from '#domain/analysis/episode.ts';
import { buildCausalMap } from '#domain/analysis/rules.ts';
import { contributoryFactors, episodes, findingEpisodes, findings } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { agencyNamesOf, analysisLabels } from './episode.presenter.ts';

/**
 * The causal map of the review's analysis: its episodes, the contributory factors that influenced
 * them and the findings they support, filtered by agency and factor group.
 */
export async function getCausalMap(
  ctx: ReviewCtx,
  filter: z.output<typeof causalMapQuery>,
): Promise<CausalMapDto> {
  const rows = await ctx.tx
    .select()
    .from(episodes)
    .where(eq(episodes.reviewId, ctx.review.id))
    .orderBy(asc(episodes.number));
  const factors = await ctx.tx
    .select()
    .from(contributoryFactors)
    .where(eq(contributoryFactors.reviewId, ctx.review.id))
    .orderBy(asc(contributoryFactors.rank));
  const findingRows = await ctx.tx
    .select({ id: findings.id, number: findings.number, statement: findings.statement })
    .from(findings)
    .where(eq(findings.reviewId, ctx.review.id))
    .orderBy(asc(findings.number));
  const links = await ctx.tx
    .select({ findingId: findingEpisodes.findingId, episodeId: findingEpisodes.episodeId })
    .from(findingEpisodes)
    .innerJoin(findings, eq(findings.id, findingEpisodes.findingId))
    .where(eq(findings.reviewId, ctx.review.id));
  const linked = new Set(links.map((l) => `${l.findingId}:${l.episodeId}`));
  const labels = await analysisLabels(ctx.tx, ctx.review);
  const names = await agencyNamesOf(
    ctx.tx,
    ctx.review.partnershipId,
    rows.flatMap((e) => e.agencyIds),
  );
  const map = buildCausalMap(
    {
      episodes: rows.map((e) => ({
        id: e.id,
        number: e.number,
        title: e.title,
        appraisal: e.appraisal,
        appraisalLabel: e.appraisal ? (labels.grades.get(e.appraisal) ?? e.appraisal) : null,
        agencyIds: e.agencyIds,
      })),
      factors: factors.map((f) => ({
        episodeId: f.episodeId,
        group: f.groupKey,
        groupLabel: labels.groupLabels.get(f.groupKey) ?? f.groupKey,
        factorType: f.factorType,
        description: f.description,
      })),
      findings: findingRows.map((f) => ({
        ...f,
        // In episode order, so the map's edges come out the same way each time.
        episodeIds: rows.filter((e) => linked.has(`${f.id}:${e.id}`)).map((e) => e.id),
      })),
    },
    filter,
  );
  const page = `/partnerships/${ctx.review.partnershipId}/reviews/${ctx.review.id}`;
  return {
    nodes: map.nodes.map(({ episodeId, findingId, ...node }) => ({
      ...node,
      href: episodeId ? `${page}/episodes/${episodeId}` : findingId ? `${page}/findings/${findingId}` : null,
    })),
    edges: map.edges,
    agencies: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    groups: labels.groups.map((g) => ({ key: g.key, label: g.label })),
  };
}
