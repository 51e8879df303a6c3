import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { mayInReview } from '#domain/review/policy.ts';
import {
  type ParallelProcessDto,
  type ParallelProcessKind,
  type parallelProcessInput,
  parallelProcessKinds,
  type updateParallelProcessInput,
} from '#domain/review/review.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { parallelProcesses } from '../db/schema/index.ts';
import { assertVersion, type ReviewCtx } from './access.ts';

type Row = typeof parallelProcesses.$inferSelect;

function present(row: Row): ParallelProcessDto {
  return {
    id: row.id,
    kind: row.kind as ParallelProcessKind,
    kindLabel: parallelProcessKinds[row.kind as ParallelProcessKind],
    description: row.description,
    contact: row.contact,
    status: row.status as 'active' | 'concluded',
    noConversations: row.noConversations,
    publicationEmbargo: row.publicationEmbargo,
    expectedEndDate: row.expectedEndDate,
    notes: row.notes,
    version: row.version,
  };
}

/** The processes running alongside a review (trials, inquests, HR processes), active first. */
export async function listParallelProcesses(ctx: ReviewCtx) {
  const rows = await ctx.tx
    .select()
    .from(parallelProcesses)
    .where(eq(parallelProcesses.reviewId, ctx.review.id))
    .orderBy(asc(parallelProcesses.status), asc(parallelProcesses.createdAt));
  return {
    processes: rows.map(present),
    abilities: { manage: mayInReview(ctx.actor, 'manageParallelProcesses') },
  };
}

/** Records a process running alongside the review, with any constraint it places on the review. */
export async function addParallelProcess(ctx: ReviewCtx, input: z.output<typeof parallelProcessInput>) {
  const [row] = await ctx.tx
    .insert(parallelProcesses)
    .values({ ...input, partnershipId: ctx.review.partnershipId, reviewId: ctx.review.id })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await auditAction(ctx, {
    action: 'parallel_process.added',
    entityType: 'parallel_process',
    entityId: row.id,
    details: {
      reviewId: row.reviewId,
      kind: row.kind,
      noConversations: row.noConversations,
      publicationEmbargo: row.publicationEmbargo,
    },
  });
  return present(row);
}

/** Changes a parallel process, for example when a trial ends and its embargo lifts. */
export async function updateParallelProcess(
  ctx: ReviewCtx,
  processId: string,
  input: z.output<typeof updateParallelProcessInput>,
) {
  const [current] = await ctx.tx
    .select()
    .from(parallelProcesses)
    .where(and(eq(parallelProcesses.id, processId), eq(parallelProcesses.reviewId, ctx.review.id)))
    .for('update');
  if (!current) throw AppError.notFound('parallel process');
  assertVersion(current, input.version, 'parallel process', () => present(current));
  const { version: _v, ...fields } = input;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const [row] = await ctx.tx
    .update(parallelProcesses)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(parallelProcesses.id, processId))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await auditAction(ctx, {
    action: 'parallel_process.updated',
    entityType: 'parallel_process',
    entityId: row.id,
    details: { reviewId: row.reviewId, changed: Object.keys(changes), version: row.version },
  });
  return present(row);
}
