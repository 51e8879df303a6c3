import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { londonDate } from '#domain/intake/deadlines.ts';
import type { Section } from '#domain/report/document.ts';
import {
  type CirculationAudience,
  type CirculationDto,
  type CommentResolution,
  type circulateReportInput,
  circulationAudiences,
  commentResolutions,
  type ReportCommentDto,
} from '#domain/report/report.ts';
import { inAudience } from '#domain/report/rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { reportCirculations, reportComments, reportVersions, users } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import type { VersionCtx } from './version-access.ts';

type CirculationRow = typeof reportCirculations.$inferSelect;
type CommentRow = typeof reportComments.$inferSelect;

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** A date as messages write it, like "3 March 2024". */
export const inWords = (iso: string) => longDate.format(new Date(`${iso}T12:00:00Z`));

/** The names of the given people, by id. */
export async function userNames(q: Queryable, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await q
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Every section of a document, subsections included, by id. */
export function sectionsById(sections: readonly Section[], into = new Map<string, Section>()) {
  for (const s of sections) {
    into.set(s.id, s);
    sectionsById(s.sections, into);
  }
  return into;
}

/** Whether a round still takes comments: nobody closed it and its closing date has not passed. */
export function isOpen(row: Pick<CirculationRow, 'closedAt' | 'closesOn'>, now: Date): boolean {
  return !row.closedAt && row.closesOn >= londonDate(now);
}

/** Records an action on the report of the review, with the review's id. */
export const audit = (
  ctx: ReviewCtx,
  action: Parameters<typeof auditAction>[1]['action'],
  entityType: string,
  entityId: string,
  details: Record<string, unknown>,
) => auditAction(ctx, { action, entityType, entityId, details: { reviewId: ctx.review.id, ...details } });

/**
 * The rounds of comments on a version, oldest first, each with its comments: the review team side
 * sees every comment, anyone else only their own.
 */
export async function loadCirculations(ctx: ReviewCtx, versionId: string): Promise<CirculationDto[]> {
  const teamSide = mayInReview(ctx.actor, 'viewReportDrafts');
  // Outside the review team side, a person sees only the rounds meant for them (a family member
  // does not see the case group's round, nor a board member any round).
  const rounds = (
    await ctx.tx
      .select()
      .from(reportCirculations)
      .where(and(eq(reportCirculations.reviewId, ctx.review.id), eq(reportCirculations.versionId, versionId)))
      .orderBy(asc(reportCirculations.openedAt), asc(reportCirculations.id))
  ).filter((r) => teamSide || inAudience(ctx.actor, r.audience as CirculationAudience));
  if (!rounds.length) return [];
  const comments = await ctx.tx
    .select()
    .from(reportComments)
    .where(
      and(
        inArray(
          reportComments.circulationId,
          rounds.map((r) => r.id),
        ),
        teamSide ? undefined : eq(reportComments.authorId, ctx.principal.userId),
      ),
    )
    .orderBy(asc(reportComments.createdAt), asc(reportComments.id));
  const titles = await sectionTitles(ctx, versionId);
  const names = await userNames(ctx.tx, [
    ...rounds.map((r) => r.openedBy),
    ...comments.flatMap((c) => [c.authorId, c.resolvedBy]),
  ]);
  const mayEdit = mayInReview(ctx.actor, 'editReport');
  const mayCirculate = mayInReview(ctx.actor, 'circulateReport');
  const present = (c: CommentRow): ReportCommentDto => {
    const resolution = c.resolution as CommentResolution | null;
    return {
      id: c.id,
      sectionId: c.sectionId,
      sectionTitle: titles.get(c.sectionId) ?? c.sectionId,
      body: c.body,
      authorName: (c.authorId && names.get(c.authorId)) || null,
      createdAt: c.createdAt.toISOString(),
      resolution,
      resolutionLabel: resolution ? commentResolutions[resolution] : null,
      response: c.response,
      resolvedByName: (c.resolvedBy && names.get(c.resolvedBy)) || null,
      resolvedAt: c.resolvedAt?.toISOString() ?? null,
      abilities: { resolve: mayEdit && !resolution },
    };
  };
  return rounds.map((r) => {
    const audience = r.audience as CirculationAudience;
    const open = isOpen(r, ctx.now);
    return {
      id: r.id,
      audience,
      audienceLabel: circulationAudiences[audience],
      note: r.note,
      closesOn: r.closesOn,
      openedAt: r.openedAt.toISOString(),
      openedByName: (r.openedBy && names.get(r.openedBy)) || null,
      closedAt: r.closedAt?.toISOString() ?? null,
      comments: comments.filter((c) => c.circulationId === r.id).map(present),
      abilities: {
        comment: open && (teamSide || inAudience(ctx.actor, audience)),
        close: mayCirculate && open,
      },
    };
  });
}

async function sectionTitles(ctx: ReviewCtx, versionId: string): Promise<Map<string, string>> {
  const [row] = await ctx.tx
    .select({ document: reportVersions.document })
    .from(reportVersions)
    .where(eq(reportVersions.id, versionId));
  const titles = new Map<string, string>();
  for (const [id, s] of sectionsById(row?.document.sections ?? [])) titles.set(id, s.title);
  return titles;
}

/** The round of comments, which must be on this version (404 otherwise). */
export async function loadRound(ctx: VersionCtx, circulationId: string, lock: 'update' | 'share') {
  const [row] = await ctx.tx
    .select()
    .from(reportCirculations)
    .where(
      and(
        eq(reportCirculations.id, circulationId),
        eq(reportCirculations.versionId, ctx.reportVersion.id),
        eq(reportCirculations.reviewId, ctx.review.id),
      ),
    )
    .for(lock);
  if (!row) throw AppError.notFound('round of comments');
  return row;
}

/**
 * Opens a round of comments on a version for an audience until a closing date (today or later, in
 * London); one open round per audience at a time.
 */
export async function circulateReport(ctx: VersionCtx, input: z.output<typeof circulateReportInput>) {
  const today = londonDate(ctx.now);
  if (input.closesOn < today)
    throw AppError.invalid([{ path: 'closesOn', message: 'The date comments close must be today or later' }]);
  const rounds = await ctx.tx
    .select()
    .from(reportCirculations)
    .where(
      and(
        eq(reportCirculations.versionId, ctx.reportVersion.id),
        eq(reportCirculations.audience, input.audience),
        isNull(reportCirculations.closedAt),
      ),
    );
  const open = rounds.find((r) => isOpen(r, ctx.now));
  if (open)
    throw new AppError(
      'conflict',
      `Version ${ctx.reportVersion.number} is already out for comment with ${circulationAudiences[input.audience].toLowerCase()} until ${inWords(open.closesOn)}. Close that round before you start another.`,
      { reason: 'already_circulated', circulationId: open.id },
    );
  const [row] = await ctx.tx
    .insert(reportCirculations)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      versionId: ctx.reportVersion.id,
      audience: input.audience,
      note: input.note || null,
      closesOn: input.closesOn,
      openedBy: ctx.principal.userId,
      openedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('round of comments not stored');
  await audit(ctx, 'report.circulated', 'report_circulation', row.id, {
    versionNumber: ctx.reportVersion.number,
    audience: input.audience,
    closesOn: input.closesOn,
  });
}

/** Closes a round of comments on this version; closing one already closed changes nothing. */
export async function closeReportCirculation(ctx: VersionCtx, circulationId: string) {
  const row = await loadRound(ctx, circulationId, 'update');
  if (row.closedAt) return;
  await ctx.tx
    .update(reportCirculations)
    .set({ closedAt: ctx.now, closedBy: ctx.principal.userId })
    .where(eq(reportCirculations.id, row.id));
  await audit(ctx, 'report.circulation_closed', 'report_circulation', row.id, {
    versionNumber: ctx.reportVersion.number,
    audience: row.audience,
  });
}
