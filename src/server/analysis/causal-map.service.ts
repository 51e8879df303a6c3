import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CausalMapDto, causalMapQuery } from '#domain/analysis/episode.ts';
import { buildCausalMap } from '#domain/analysis/rules.ts';
import { contributoryFactors, episodes } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { agencyNamesOf, analysisLabels } from './episode.presenter.ts';

/**
 * The causal map of the review's analysis: its episodes, the contributory factors that influenced
 * them and (once findings exist) the findings they support, filtered by agency and factor group.
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
      // Findings come with the findings feature; until then the map shows episodes and factors.
      findings: [],
    },
    filter,
  );
  const page = `/partnerships/${ctx.review.partnershipId}/reviews/${ctx.review.id}`;
  return {
    nodes: map.nodes.map(({ episodeId, findingId: _, ...node }) => ({
      ...node,
      href: episodeId ? `${page}/episodes/${episodeId}` : null,
    })),
    edges: map.edges,
    agencies: [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    groups: labels.groups.map((g) => ({ key: g.key, label: g.label })),
  };
}
