import { and, eq, inArray } from 'drizzle-orm';
import { mayInPartnership, type PartnershipAction } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { reviewerWarnings } from '#domain/training/rules.ts';
import {
  type AccreditationStatus,
  accreditationStatuses,
  type ReviewerDto,
} from '#domain/training/training.ts';
import { agencies, reviewers, reviews, trainingCohorts } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

export type ReviewerRow = typeof reviewers.$inferSelect;

/** Whether the signed-in member may take a partnership action; the presenters' abilities. */
export const may = (ctx: MemberCtx, action: PartnershipAction) =>
  mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, action);

/** A reviewer of the partnership's pool, locked for a change when asked; another partnership's is not found. */
export async function loadReviewer(
  ctx: MemberCtx,
  reviewerId: string,
  options: { lock?: boolean } = {},
): Promise<ReviewerRow> {
  const query = ctx.tx
    .select()
    .from(reviewers)
    .where(and(eq(reviewers.id, reviewerId), eq(reviewers.partnershipId, ctx.membership.partnershipId)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw AppError.notFound('reviewer');
  return row;
}

/** The names of the partnership's rows with these ids, by id. */
async function namesOf(
  ctx: MemberCtx,
  table: typeof agencies | typeof reviewers | typeof trainingCohorts,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await ctx.tx
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(and(eq(table.partnershipId, ctx.membership.partnershipId), inArray(table.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function reviewTitles(ctx: MemberCtx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (!wanted.length) return new Map();
  const rows = await ctx.tx
    .select({ id: reviews.id, title: reviews.title })
    .from(reviews)
    .where(and(eq(reviews.partnershipId, ctx.membership.partnershipId), inArray(reviews.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * Reviewers with the names of their cohort, supervisor, practice review and conflict agencies; with
 * a review, each carries what to weigh before commissioning them for it.
 */
export async function presentReviewers(
  ctx: MemberCtx,
  rows: readonly ReviewerRow[],
  forReview?: { agencyIds: string[] },
): Promise<ReviewerDto[]> {
  const cohorts = await namesOf(
    ctx,
    trainingCohorts,
    rows.map((r) => r.cohortId),
  );
  const supervisors = await namesOf(
    ctx,
    reviewers,
    rows.map((r) => r.supervisorReviewerId),
  );
  const agencyNames = await namesOf(
    ctx,
    agencies,
    rows.flatMap((r) => r.conflicts.map((c) => c.agencyId)),
  );
  const titles = await reviewTitles(
    ctx,
    rows.map((r) => r.practiceReviewId),
  );
  const named = (map: Map<string, string>, id: string | null) => {
    const name = id ? map.get(id) : undefined;
    return id && name !== undefined ? { id, name } : null;
  };
  return rows.map((r) => {
    const status = r.status as AccreditationStatus;
    const conflicts = r.conflicts.map((c) => ({
      agencyId: c.agencyId,
      agencyName: (c.agencyId && agencyNames.get(c.agencyId)) || null,
      description: c.description,
    }));
    const practiceTitle = r.practiceReviewId ? titles.get(r.practiceReviewId) : undefined;
    return {
      id: r.id,
      name: r.name,
      email: r.email,
      userId: r.userId,
      status,
      statusLabel: accreditationStatuses[status] ?? r.status,
      accreditingBody: r.accreditingBody,
      accreditedOn: r.accreditedOn,
      cohort: named(cohorts, r.cohortId),
      supervisor: named(supervisors, r.supervisorReviewerId),
      practiceReview:
        r.practiceReviewId && practiceTitle !== undefined
          ? { id: r.practiceReviewId, title: practiceTitle }
          : null,
      expertise: r.expertise,
      availability: r.availability,
      conflicts,
      warnings: forReview
        ? reviewerWarnings(
            { name: r.name, status, supervisorReviewerId: r.supervisorReviewerId, conflicts },
            forReview,
          )
        : [],
      version: r.version,
    };
  });
}

/** One reviewer, presented. */
export async function presentReviewer(ctx: MemberCtx, row: ReviewerRow): Promise<ReviewerDto> {
  const [dto] = await presentReviewers(ctx, [row]);
  if (!dto) throw new Error('reviewer not presented');
  return dto;
}
