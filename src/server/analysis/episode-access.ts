import { and, eq, inArray } from 'drizzle-orm';
import type { CaseGroupScope } from '#domain/analysis/episode.ts';
import { type CaseGroupMember, caseGroupMaySee } from '#domain/analysis/rules.ts';
import { mayInReview, type ReviewAction } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Queryable } from '../db/client.ts';
import {
  contributoryFactors,
  episodeComments,
  episodes,
  participants,
  reviewAnalysisSettings,
} from '../db/schema/index.ts';
import type { Ctx } from '../http/context.ts';
import { type ReviewCtx, reviewAccess } from '../review/access.ts';

export type EpisodeRow = typeof episodes.$inferSelect;
export type FactorRow = typeof contributoryFactors.$inferSelect;
export type CommentRow = typeof episodeComments.$inferSelect;

/**
 * How the person sees the review's episodes: `null` for those who see the whole analysis; for a
 * member of the case group, their participant records (agency and job title) and the review's scope.
 */
export type CaseGroupView = { members: CaseGroupMember[]; scope: CaseGroupScope } | null;

/** Which shared episodes the review's case group sees: 'involved' until a lead reviewer says otherwise. */
export async function caseGroupScopeOf(q: Queryable, reviewId: string): Promise<CaseGroupScope> {
  const [row] = await q
    .select({ scope: reviewAnalysisSettings.caseGroupScope })
    .from(reviewAnalysisSettings)
    .where(eq(reviewAnalysisSettings.reviewId, reviewId));
  return (row?.scope as CaseGroupScope | undefined) ?? 'involved';
}

/** Whether the person sees the whole analysis or, as a case group member, only what is shared with them. */
export async function caseGroupView(ctx: ReviewCtx): Promise<CaseGroupView> {
  if (mayInReview(ctx.actor, 'viewAnalysis')) return null;
  const members = ctx.participantIds.length
    ? await ctx.tx
        .select({ agencyId: participants.agencyId, jobTitle: participants.jobTitle })
        .from(participants)
        .where(and(inArray(participants.id, ctx.participantIds), eq(participants.role, 'case_group_member')))
    : [];
  return { members, scope: await caseGroupScopeOf(ctx.tx, ctx.review.id) };
}

/** Whether the person may see this episode at all. */
export function maySeeEpisode(view: CaseGroupView, row: EpisodeRow): boolean {
  if (view === null) return true;
  const episode = {
    sharedWithCaseGroup: row.sharedWithCaseGroupAt !== null,
    agencyIds: row.agencyIds,
    roles: row.roles,
  };
  return view.members.some((m) => caseGroupMaySee(episode, m, view.scope));
}

/** An episode of this review the person may see, or 404 (as if it did not exist). */
export async function loadEpisode(
  ctx: ReviewCtx,
  episodeId: string,
  options: { lock?: boolean; view?: CaseGroupView } = {},
): Promise<EpisodeRow> {
  const query = ctx.tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.reviewId, ctx.review.id)));
  const [row] = options.lock ? await query.for('update') : await query;
  const view = options.view === undefined ? await caseGroupView(ctx) : options.view;
  if (!row || !maySeeEpisode(view, row)) throw AppError.notFound('episode');
  return row;
}

/** A factor of this episode, or 404. */
export async function loadFactor(ctx: ReviewCtx, episodeId: string, factorId: string): Promise<FactorRow> {
  const [row] = await ctx.tx
    .select()
    .from(contributoryFactors)
    .where(
      and(
        eq(contributoryFactors.id, factorId),
        eq(contributoryFactors.episodeId, episodeId),
        eq(contributoryFactors.reviewId, ctx.review.id),
      ),
    );
  if (!row) throw AppError.notFound('contributory factor');
  return row;
}

/** A comment on this episode, or 404. */
export async function loadComment(ctx: ReviewCtx, episodeId: string, commentId: string): Promise<CommentRow> {
  const [row] = await ctx.tx
    .select()
    .from(episodeComments)
    .where(
      and(
        eq(episodeComments.id, commentId),
        eq(episodeComments.episodeId, episodeId),
        eq(episodeComments.partnershipId, ctx.review.partnershipId),
      ),
    );
  if (!row) throw AppError.notFound('comment');
  return row;
}

type AnalysisParams = {
  partnershipId: string;
  reviewId: string;
  episodeId?: string;
  factorId?: string;
  commentId?: string;
};

/**
 * Route access for the analysis: the review must be visible (404), the person must hold one of
 * the actions (403), and then the episode, and the factor or comment named in the path, must be
 * one they can see (404). A case group member sees only the episodes shared with them. A removal
 * names what `mayBeGone`: removing what is already gone changes nothing, as DELETE should.
 */
export function analysisAccess(
  actions: ReviewAction | ReviewAction[],
  options: { lock?: boolean; mayBeGone?: 'episode' | 'factor' } = {},
) {
  const anyOf = Array.isArray(actions) ? actions : [actions];
  const inner = reviewAccess('viewReview', options);
  return async (ctx: Ctx, params: AnalysisParams): Promise<ReviewCtx> => {
    const r = await inner(ctx, params);
    if (!anyOf.some((a) => mayInReview(r.actor, a))) throw AppError.forbidden();
    if (params.episodeId && options.mayBeGone !== 'episode') {
      await loadEpisode(r, params.episodeId);
      if (params.factorId && options.mayBeGone !== 'factor')
        await loadFactor(r, params.episodeId, params.factorId);
      if (params.commentId) await loadComment(r, params.episodeId, params.commentId);
    }
    return r;
  };
}
