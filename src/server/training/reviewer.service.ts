import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { londonDate } from '#domain/intake/deadlines.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import { reviewerProblems } from '#domain/training/rules.ts';
import type {
  AccreditationStatus,
  CreateReviewerInput,
  listReviewersQuery,
  ReviewerDto,
  reviewerList,
  UpdateReviewerInput,
} from '#domain/training/training.ts';
import { auditAction } from '../audit/audit.service.ts';
import {
  agencies,
  memberships,
  reviewAgencies,
  reviewers,
  reviews,
  trainingCohorts,
} from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertVersion } from '../review/access.ts';
import {
  loadReviewer,
  may,
  presentReviewer,
  presentReviewers,
  type ReviewerRow,
} from './reviewer.presenter.ts';

const distinct = <T>(items: readonly T[]) => [...new Set(items)];

/**
 * The pool of reviewers, by name, filtered by status. With `forReviewId` (a review of the
 * partnership, else 400 naming it) each reviewer carries warnings about commissioning them for it.
 */
export async function listReviewers(
  ctx: MemberCtx,
  query: z.output<typeof listReviewersQuery>,
): Promise<z.input<typeof reviewerList>> {
  const partnershipId = ctx.membership.partnershipId;
  let forReview: { agencyIds: string[] } | undefined;
  if (query.forReviewId) {
    const [review] = await ctx.tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.id, query.forReviewId), eq(reviews.partnershipId, partnershipId)));
    if (!review)
      throw AppError.invalid([{ path: 'forReviewId', message: 'Choose a review of this partnership' }]);
    const rows = await ctx.tx
      .select({ agencyId: reviewAgencies.agencyId })
      .from(reviewAgencies)
      .where(eq(reviewAgencies.reviewId, review.id));
    forReview = { agencyIds: rows.map((r) => r.agencyId) };
  }
  const where: SQL[] = [eq(reviewers.partnershipId, partnershipId)];
  if (query.status) where.push(eq(reviewers.status, query.status));
  const rows = await ctx.tx
    .select()
    .from(reviewers)
    .where(and(...where))
    .orderBy(asc(reviewers.name), asc(reviewers.createdAt));
  return {
    reviewers: await presentReviewers(ctx, rows, forReview),
    abilities: { manage: may(ctx, 'manageReviewerPool') },
  };
}

/** The ids among `wanted` that are the partnership's rows of a table. */
async function known(
  ctx: MemberCtx,
  table: typeof trainingCohorts | typeof reviewers | typeof reviews | typeof agencies,
  wanted: string[],
): Promise<Set<string>> {
  if (!wanted.length) return new Set();
  const rows = await ctx.tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.partnershipId, ctx.membership.partnershipId), inArray(table.id, distinct(wanted))));
  return new Set(rows.map((r) => r.id));
}

/**
 * The field errors of a reviewer's details: references that are not the partnership's (cohort,
 * supervisor, practice review, account, conflict agencies), then the rules of the pool.
 */
async function checkReviewer(
  ctx: MemberCtx,
  input: CreateReviewerInput,
  current: ReviewerRow | null,
): Promise<FieldError[]> {
  const fields: FieldError[] = [];
  const refuse = (path: string, message: string) => fields.push({ path, message });
  if (input.cohortId && !(await known(ctx, trainingCohorts, [input.cohortId])).size)
    refuse('cohortId', 'Choose a cohort of this partnership');
  let supervisorStatus: AccreditationStatus | null = null;
  if (input.supervisorReviewerId) {
    const [supervisor] = await ctx.tx
      .select({ status: reviewers.status })
      .from(reviewers)
      .where(
        and(
          eq(reviewers.id, input.supervisorReviewerId),
          eq(reviewers.partnershipId, ctx.membership.partnershipId),
        ),
      );
    if (!supervisor) refuse('supervisorReviewerId', 'Choose a reviewer in this partnership’s pool');
    supervisorStatus = (supervisor?.status as AccreditationStatus | undefined) ?? null;
  }
  if (input.practiceReviewId && !(await known(ctx, reviews, [input.practiceReviewId])).size)
    refuse('practiceReviewId', 'Choose a review of this partnership');
  if (input.userId) {
    const [member] = await ctx.tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, input.userId),
          eq(memberships.partnershipId, ctx.membership.partnershipId),
          eq(memberships.active, true),
        ),
      );
    const taken = [
      eq(reviewers.userId, input.userId),
      eq(reviewers.partnershipId, ctx.membership.partnershipId),
    ];
    if (current) taken.push(ne(reviewers.id, current.id));
    if (!member) refuse('userId', 'Choose a person with an account in this partnership');
    else if (
      (
        await ctx.tx
          .select({ id: reviewers.id })
          .from(reviewers)
          .where(and(...taken))
      ).length
    )
      refuse('userId', 'This person is already in the pool as another reviewer');
  }
  const agencyIds = input.conflicts.map((c) => c.agencyId).filter((i): i is string => !!i);
  const agencyIdsKnown = await known(ctx, agencies, agencyIds);
  input.conflicts.forEach((c, i) => {
    if (c.agencyId && !agencyIdsKnown.has(c.agencyId))
      refuse(`conflicts.${i}.agencyId`, 'Choose an agency of this partnership');
  });
  const ruled = reviewerProblems(
    {
      reviewerId: current?.id ?? null,
      status: input.status,
      accreditedOn: input.accreditedOn ?? null,
      supervisorReviewerId: input.supervisorReviewerId ?? null,
      supervisorStatus,
      practiceReviewId: input.practiceReviewId ?? null,
      storedPracticeReviewId: current?.practiceReviewId ?? null,
    },
    londonDate(ctx.now),
  );
  // A reference already refused is not refused twice.
  return [...fields, ...ruled.filter((p) => !fields.some((f) => f.path === p.path))];
}

/** The columns of a reviewer's details: every field is set, and one left out is cleared. */
function columnsFrom(input: CreateReviewerInput) {
  return {
    name: input.name,
    email: input.email || null,
    userId: input.userId ?? null,
    status: input.status,
    accreditingBody: input.accreditingBody || null,
    accreditedOn: input.accreditedOn ?? null,
    cohortId: input.cohortId ?? null,
    supervisorReviewerId: input.supervisorReviewerId ?? null,
    practiceReviewId: input.practiceReviewId ?? null,
    expertise: distinct(input.expertise),
    availability: input.availability || null,
    conflicts: input.conflicts.map((c) => ({ agencyId: c.agencyId ?? null, description: c.description })),
  };
}

/** Adds a reviewer to the partnership's pool. */
export async function createReviewer(ctx: MemberCtx, input: CreateReviewerInput): Promise<ReviewerDto> {
  const fields = await checkReviewer(ctx, input, null);
  if (fields.length) throw AppError.invalid(fields);
  const [row] = await ctx.tx
    .insert(reviewers)
    .values({
      ...columnsFrom(input),
      partnershipId: ctx.membership.partnershipId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('reviewer not stored');
  await auditAction(ctx, {
    action: 'reviewer.created',
    entityType: 'reviewer',
    entityId: row.id,
    details: { status: row.status, cohortId: row.cohortId },
  });
  return presentReviewer(ctx, row);
}

/**
 * Replaces a reviewer's details, refusing a change based on an out-of-date version (409 with the
 * reviewer as they are now). The audit names the fields that changed.
 */
export async function updateReviewer(
  ctx: MemberCtx,
  reviewerId: string,
  input: UpdateReviewerInput,
): Promise<ReviewerDto> {
  const row = await loadReviewer(ctx, reviewerId, { lock: true });
  if (row.version !== input.version) {
    const current = await presentReviewer(ctx, row);
    assertVersion(row, input.version, 'reviewer', () => current);
  }
  const fields = await checkReviewer(ctx, input, row);
  if (fields.length) throw AppError.invalid(fields);
  const set = columnsFrom(input);
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter(
    (k) => JSON.stringify(set[k]) !== JSON.stringify(row[k]),
  );
  if (!changed.length) return presentReviewer(ctx, row);
  const [updated] = await ctx.tx
    .update(reviewers)
    .set({ ...set, version: row.version + 1, updatedAt: ctx.now })
    .where(eq(reviewers.id, row.id))
    .returning();
  await auditAction(ctx, {
    action: 'reviewer.updated',
    entityType: 'reviewer',
    entityId: row.id,
    details: { fields: changed, version: updated?.version },
  });
  return presentReviewer(ctx, updated ?? row);
}
