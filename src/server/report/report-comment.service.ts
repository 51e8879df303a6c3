import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { londonDate } from '#domain/intake/deadlines.ts';
import type {
  CirculationAudience,
  commentOnReportInput,
  resolveReportCommentInput,
} from '#domain/report/report.ts';
import { inAudience } from '#domain/report/rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { reportCirculations, reportComments } from '../db/schema/index.ts';
import { audit, inWords, isOpen, loadRound, sectionsById } from './circulation.service.ts';
import type { VersionCtx } from './version-access.ts';

/**
 * Adds a comment on a section of a version to an open round: the person must be in the round's
 * audience or on the review team side (anyone else is told it does not exist), and the section must be
 * one of the version's document.
 */
export async function commentOnReport(
  ctx: VersionCtx,
  circulationId: string,
  input: z.output<typeof commentOnReportInput>,
) {
  const round = await loadRound(ctx, circulationId, 'share');
  const audience = round.audience as CirculationAudience;
  // A round meant for others is not shown to this person, so it does not exist for them.
  if (!mayInReview(ctx.actor, 'viewReportDrafts') && !inAudience(ctx.actor, audience))
    throw AppError.notFound('round of comments');
  if (!isOpen(round, ctx.now)) {
    const closed = round.closedAt ? londonDate(round.closedAt) : round.closesOn;
    throw new AppError('conflict', `This round of comments closed on ${inWords(closed)}.`, {
      reason: 'circulation_closed',
    });
  }
  if (!sectionsById(ctx.reportVersion.document.sections).has(input.sectionId))
    throw AppError.invalid([
      { path: 'sectionId', message: 'Choose a section of this version of the report' },
    ]);
  const [row] = await ctx.tx
    .insert(reportComments)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      circulationId: round.id,
      sectionId: input.sectionId,
      body: input.body,
      authorId: ctx.principal.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('comment not stored');
  await audit(ctx, 'report.commented', 'report_comment', row.id, {
    versionNumber: ctx.reportVersion.number,
    circulationId: round.id,
    sectionId: input.sectionId,
  });
}

/**
 * Records how a comment on this version was dealt with; not changing the report needs a response.
 * A resolved comment can be resolved again, which replaces the outcome.
 */
export async function resolveReportComment(
  ctx: VersionCtx,
  commentId: string,
  input: z.output<typeof resolveReportCommentInput>,
) {
  const [found] = await ctx.tx
    .select({ comment: reportComments })
    .from(reportComments)
    .innerJoin(reportCirculations, eq(reportCirculations.id, reportComments.circulationId))
    .where(and(eq(reportComments.id, commentId), eq(reportCirculations.versionId, ctx.reportVersion.id)))
    .for('update');
  if (!found) throw AppError.notFound('comment');
  const response = input.response?.trim() || null;
  if (input.resolution === 'not_changed' && !response)
    throw AppError.invalid([{ path: 'response', message: 'Say why the report is not changed' }]);
  await ctx.tx
    .update(reportComments)
    .set({ resolution: input.resolution, response, resolvedBy: ctx.principal.userId, resolvedAt: ctx.now })
    .where(eq(reportComments.id, found.comment.id));
  await audit(ctx, 'report.comment_resolved', 'report_comment', found.comment.id, {
    versionNumber: ctx.reportVersion.number,
    resolution: input.resolution,
    ...(found.comment.resolution ? { previously: found.comment.resolution } : {}),
  });
}
