import { and, asc, eq, max } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { isPermutation } from '#domain/analysis/rules.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { ReviewCtx } from './access.ts';

/**
 * A table of a review's records numbered 1..n in the order the review team chooses, such as key
 * practice episodes and findings.
 */
export type NumberedTable = PgTable & {
  id: AnyPgColumn<{ data: string; notNull: true }>;
  reviewId: AnyPgColumn<{ data: string }>;
  number: AnyPgColumn<{ data: number }>;
};

/** The number for a record added after the review's others. */
export async function nextNumber(ctx: ReviewCtx, table: NumberedTable): Promise<number> {
  const [last] = await ctx.tx
    .select({ n: max(table.number) })
    .from(table)
    .where(eq(table.reviewId, ctx.review.id));
  return (last?.n ?? 0) + 1;
}

/** The ids of the review's records in number order. */
async function idsInOrder(ctx: ReviewCtx, table: NumberedTable): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: table.id })
    .from(table)
    .where(eq(table.reviewId, ctx.review.id))
    .orderBy(asc(table.number));
  return rows.map((r) => r.id);
}

/** Numbers the review's records 1..n in the order given, changing only those whose number moves. */
async function renumber(ctx: ReviewCtx, table: NumberedTable, orderedIds: readonly string[]) {
  const now = await ctx.tx
    .select({ id: table.id, number: table.number })
    .from(table)
    .where(eq(table.reviewId, ctx.review.id));
  const numberOf = new Map(now.map((r) => [r.id, r.number]));
  for (const [i, id] of orderedIds.entries())
    if (numberOf.get(id) !== i + 1)
      await ctx.tx
        .update(table)
        .set({ number: i + 1 })
        .where(eq(table.id, id));
}

/**
 * Puts the review's records in the order given and numbers them 1..n. The order must name every
 * record once; otherwise nothing changes and the 400 names `field`. The number is not part of what
 * a record says, so the order changes no record's version.
 */
export async function putInOrder(
  ctx: ReviewCtx,
  table: NumberedTable,
  orderedIds: readonly string[],
  problem: { field: string; message: string },
): Promise<void> {
  if (!isPermutation(await idsInOrder(ctx, table), orderedIds))
    throw AppError.invalid([{ path: problem.field, message: problem.message }]);
  await renumber(ctx, table, orderedIds);
}

/**
 * Removes one of the review's records and numbers the rest again. Returns what was removed, or
 * undefined where it was already gone (and nothing changes).
 */
export async function removeNumbered<T extends NumberedTable>(
  ctx: ReviewCtx,
  table: T,
  id: string,
): Promise<T['$inferSelect'] | undefined> {
  const [row] = await ctx.tx
    .select()
    .from(table as NumberedTable)
    .where(and(eq(table.id, id), eq(table.reviewId, ctx.review.id)))
    .for('update');
  if (!row) return undefined;
  await ctx.tx.delete(table).where(eq(table.id, id));
  await renumber(ctx, table, await idsInOrder(ctx, table));
  return row as T['$inferSelect'];
}
