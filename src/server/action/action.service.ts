import { and, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ActionDto,
  ActionList,
  CreateActionInput,
  listActionsQuery,
  UpdateActionInput,
} from '#domain/action/action.ts';
import { actionCounts, actionProblems } from '#domain/action/rules.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { actions, agencies, findings } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import {
  type ActionRow,
  actionRecord,
  actionRecords,
  inTrackerOrder,
  presentAction,
} from './action.presenter.ts';

export type ActionFilters = z.output<typeof listActionsQuery>;

const mayTrack = (ctx: MemberCtx) =>
  mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'trackActions');
const mayManage = (ctx: MemberCtx) =>
  'actor' in ctx
    ? mayInReview((ctx as ReviewCtx).actor, 'manageActions')
    : mayInReview({ reviewRoles: [], partnershipRole: ctx.membership.role }, 'manageActions');

const listOf = (ctx: MemberCtx, shown: ActionDto[], counted: ActionDto[]): ActionList => ({
  actions: shown,
  counts: actionCounts(counted),
  abilities: { export: mayTrack(ctx) },
});

/** The review's action plan in finding order, with counts by status and of those overdue. */
export async function listReviewActions(ctx: ReviewCtx): Promise<ActionList> {
  const today = londonDate(ctx.now);
  const edit = mayManage(ctx);
  const records = await actionRecords(ctx.tx, eq(actions.reviewId, ctx.review.id));
  const list = records.map((r) => presentAction(r, today, edit));
  return listOf(ctx, list, list);
}

/**
 * The partnership's actions across its reviews, overdue first then by due date. The counts cover
 * the actions of the chosen review and agency before the status and overdue filters apply.
 */
export async function listActions(ctx: MemberCtx, filters: ActionFilters): Promise<ActionList> {
  const today = londonDate(ctx.now);
  const edit = mayManage(ctx);
  const where: SQL[] = [eq(actions.partnershipId, ctx.membership.partnershipId)];
  if (filters.reviewId) where.push(eq(actions.reviewId, filters.reviewId));
  if (filters.agencyId) where.push(eq(actions.ownerAgencyId, filters.agencyId));
  const records = await actionRecords(ctx.tx, and(...where));
  const all = inTrackerOrder(
    records.map((r) => presentAction(r, today, edit)),
    records,
  );
  const shown = all.filter(
    (a) =>
      (!filters.status || a.status === filters.status) &&
      (filters.overdue === undefined || a.overdue === (filters.overdue === 'true')),
  );
  return listOf(ctx, shown, all);
}

type ActionInput = CreateActionInput & Partial<Omit<UpdateActionInput, keyof CreateActionInput>>;

/** The finding the input names if it is this review's, and every field error of the input. */
async function checkAction(ctx: ReviewCtx, input: ActionInput) {
  const fields: FieldError[] = [];
  const [finding] = await ctx.tx
    .select()
    .from(findings)
    .where(and(eq(findings.id, input.findingId), eq(findings.reviewId, ctx.review.id)));
  if (!finding) fields.push({ path: 'findingId', message: 'Choose a finding of this review' });
  if (input.ownerAgencyId) {
    const [agency] = await ctx.tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.id, input.ownerAgencyId), eq(agencies.partnershipId, ctx.review.partnershipId)));
    if (!agency) fields.push({ path: 'ownerAgencyId', message: 'Choose an agency of the partnership' });
  }
  if (finding) fields.push(...actionProblems(input, finding, londonDate(ctx.now)));
  if (fields.length || !finding) throw AppError.invalid(fields);
  return finding;
}

/**
 * The columns the input sets; empty text is stored as none, an action still to do has no date done,
 * and only an action whose impact is verified keeps evidence of impact.
 */
function columnsFrom(input: ActionInput) {
  const status = input.status ?? 'open';
  const done = status === 'done' || status === 'impact_verified';
  const verified = status === 'impact_verified';
  return {
    findingId: input.findingId,
    target: input.target,
    targetIndex: input.target === 'finding' ? null : (input.targetIndex ?? null),
    description: input.description,
    ownerAgencyId: input.ownerAgencyId ?? null,
    ownerName: input.ownerName || null,
    dueOn: input.dueOn ?? null,
    successMeasure: input.successMeasure || null,
    status,
    completedOn: done ? (input.completedOn ?? null) : null,
    impactEvidenceKind: verified ? (input.impactEvidenceKind ?? null) : null,
    impactEvidence: verified ? input.impactEvidence || null : null,
    progressNote: input.progressNote || null,
  } satisfies Partial<ActionRow>;
}

async function present(ctx: ReviewCtx, actionId: string): Promise<ActionDto> {
  const record = await actionRecord(ctx.tx, ctx.review.id, actionId);
  if (!record) throw AppError.notFound('action');
  return presentAction(record, londonDate(ctx.now), mayManage(ctx));
}

/**
 * Adds an action, open, to the review's plan: its finding must be this review's and its owner
 * agency the partnership's. The audit row names the finding and what it answers, never the text.
 */
export async function createAction(ctx: ReviewCtx, input: CreateActionInput): Promise<ActionDto> {
  const finding = await checkAction(ctx, input);
  const [row] = await ctx.tx
    .insert(actions)
    .values({
      ...columnsFrom(input),
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('action not stored');
  await auditAction(ctx, {
    action: 'action.created',
    entityType: 'action',
    entityId: row.id,
    details: {
      reviewId: ctx.review.id,
      findingNumber: finding.number,
      target: row.target,
      targetIndex: row.targetIndex,
    },
  });
  return present(ctx, row.id);
}

/**
 * Replaces an action of the review with the whole action sent, if it is based on the current
 * version (409 with the action as it is now otherwise). The audit row names the fields changed.
 */
export async function updateAction(
  ctx: ReviewCtx,
  actionId: string,
  input: UpdateActionInput,
): Promise<ActionDto> {
  const [row] = await ctx.tx
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.reviewId, ctx.review.id)))
    .for('update');
  if (!row) throw AppError.notFound('action');
  if (row.version !== input.version) {
    const current = await present(ctx, row.id);
    assertVersion(row, input.version, 'action', () => current);
  }
  const finding = await checkAction(ctx, input);
  const set = columnsFrom(input);
  const changed = (Object.keys(set) as (keyof typeof set)[]).filter((k) => set[k] !== row[k]);
  if (!changed.length) return present(ctx, row.id);
  await ctx.tx
    .update(actions)
    .set({ ...set, version: row.version + 1, updatedAt: ctx.now })
    .where(eq(actions.id, row.id));
  await auditAction(ctx, {
    action: 'action.updated',
    entityType: 'action',
    entityId: row.id,
    details: {
      reviewId: ctx.review.id,
      findingNumber: finding.number,
      fields: changed,
      ...(row.status !== set.status ? { from: row.status, to: set.status } : {}),
    },
  });
  return present(ctx, row.id);
}
