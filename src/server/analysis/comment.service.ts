import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { EpisodeDto } from '#domain/analysis/episode.ts';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { partnershipRoles } from '#domain/user/roles.ts';
import { auditAction } from '../audit/audit.service.ts';
import { episodeComments, participants } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { presentEpisode } from './episode.presenter.ts';
import { loadComment, loadEpisode } from './episode-access.ts';

const roleOrder = Object.keys(reviewRoles) as ReviewRole[];

/**
 * The part the person plays in the review, as their comment shows it: their review role with their
 * job title, such as “Case group member (Health visitor)”, or their partnership role.
 */
async function authorRoleOf(ctx: ReviewCtx): Promise<{ label: string; participantId: string | null }> {
  const mine = ctx.participantIds.length
    ? await ctx.tx
        .select({ id: participants.id, role: participants.role, jobTitle: participants.jobTitle })
        .from(participants)
        .where(inArray(participants.id, ctx.participantIds))
    : [];
  const [first] = mine.sort(
    (a, b) => roleOrder.indexOf(a.role as ReviewRole) - roleOrder.indexOf(b.role as ReviewRole),
  );
  if (!first)
    return { label: partnershipRoles[ctx.membership.role] ?? 'Partnership member', participantId: null };
  const role = reviewRoles[first.role as ReviewRole] ?? first.role;
  const job = first.jobTitle?.trim();
  return { label: job ? `${role} (${job})` : role, participantId: first.id };
}

/** Comments on an episode the person can see; a case group member’s comment is seen by reviewers and by them. */
export async function commentOnEpisode(
  ctx: ReviewCtx,
  episodeId: string,
  input: { body: string },
): Promise<EpisodeDto> {
  const episode = await loadEpisode(ctx, episodeId);
  const author = await authorRoleOf(ctx);
  const [row] = await ctx.tx
    .insert(episodeComments)
    .values({
      partnershipId: ctx.review.partnershipId,
      episodeId: episode.id,
      authorId: ctx.principal.userId,
      authorParticipantId: author.participantId,
      authorRole: author.label,
      body: input.body,
      createdAt: ctx.now,
    })
    .returning({ id: episodeComments.id });
  await auditAction(ctx, {
    action: 'episode_comment.added',
    entityType: 'episode_comment',
    entityId: row?.id ?? null,
    details: { reviewId: ctx.review.id, episodeId: episode.id },
  });
  return presentEpisode(ctx, episode);
}

/** Resolves a comment on an episode, saying how it was dealt with. */
export async function resolveEpisodeComment(
  ctx: ReviewCtx,
  episodeId: string,
  commentId: string,
  input: { resolution: string },
): Promise<EpisodeDto> {
  const episode = await loadEpisode(ctx, episodeId, { view: null });
  const comment = await loadComment(ctx, episodeId, commentId);
  if (comment.resolvedAt) throw new AppError('conflict', 'This comment has already been resolved.');
  await ctx.tx
    .update(episodeComments)
    .set({ resolvedAt: ctx.now, resolvedBy: ctx.principal.userId, resolution: input.resolution })
    .where(and(eq(episodeComments.id, comment.id), isNull(episodeComments.resolvedAt)));
  await auditAction(ctx, {
    action: 'episode_comment.resolved',
    entityType: 'episode_comment',
    entityId: comment.id,
    details: { reviewId: ctx.review.id, episodeId },
  });
  return presentEpisode(ctx, episode, null);
}
