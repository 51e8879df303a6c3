import { sql } from 'drizzle-orm';
import { tablesInDependencyOrder, tablesReachedFrom } from '#domain/transfer/table-order.ts';
import type { Queryable } from '../db/client.ts';
import { ident, linksOf, rawRows, readCatalog, rowJson, type TableInfo } from './catalog.ts';

/**
 * Tables that reference reviews without belonging to one: the reviewer pool's practice reviews
 * (partnership training records) and the audit log (which stays where it was written).
 */
const NOT_REVIEW_DATA = ['reviewers', 'audit_events'];

/** Columns that never leave the database in an export: they hold secrets. */
export const SECRET_COLUMNS: Record<string, string[]> = { participants: ['invitation_token_hash'] };

/** The review-scoped tables: `reviews`, every table with a `review_id`, and their children, parents first. */
export type ReviewScope = { catalog: Map<string, TableInfo>; tables: TableInfo[] };

/** Finds the review-scoped tables of the current schema from its foreign keys. */
export async function readReviewScope(q: Queryable): Promise<ReviewScope> {
  const all = await readCatalog(q);
  const catalog = new Map(all.map((t) => [t.name, t]));
  const roots = [
    'reviews',
    ...all.filter((t) => t.columns.some((c) => c.name === 'review_id')).map((t) => t.name),
  ];
  const names = tablesReachedFrom(roots, linksOf(all), NOT_REVIEW_DATA);
  const order = tablesInDependencyOrder(linksOf(all.filter((t) => names.includes(t.name))));
  return { catalog, tables: order.map((n) => catalog.get(n)!) };
}

type Row = Record<string, unknown>;

/**
 * Reads every row that belongs to a review, table by table, parents first: rows with the review's
 * id, and rows of child tables that reference a row already read. Computed columns are left out.
 */
export async function readReviewRows(q: Queryable, scope: ReviewScope, reviewId: string) {
  const rows = new Map<string, Row[]>();
  const idsOf = new Map<string, string[]>();
  for (const t of scope.tables) {
    const hasReviewId = t.columns.some((c) => c.name === 'review_id');
    let where: ReturnType<typeof sql>;
    if (t.name === 'reviews') where = sql`t.id = ${reviewId}`;
    else if (hasReviewId) where = sql`t.review_id = ${reviewId}`;
    else {
      const links = t.foreignKeys.filter((k) => (idsOf.get(k.references)?.length ?? 0) > 0);
      if (links.length === 0) {
        rows.set(t.name, []);
        continue;
      }
      where = sql.join(
        links.map(
          (k) =>
            sql`${sql.raw(`t."${k.column}"`)}::text in (select jsonb_array_elements_text(${JSON.stringify(idsOf.get(k.references))}::jsonb))`,
        ),
        sql` or `,
      );
    }
    const found = await rawRows(q, sql`select ${rowJson(t)} as j from ${ident(t.name)} t where ${where}`);
    const list = found.map((r) => (typeof r.j === 'string' ? JSON.parse(r.j) : r.j) as Row);
    for (const secret of SECRET_COLUMNS[t.name] ?? [])
      for (const r of list) if (secret in r) r[secret] = null;
    rows.set(t.name, list);
    if (t.columns.some((c) => c.name === 'id'))
      idsOf.set(
        t.name,
        list.map((r) => String(r.id)),
      );
  }
  return rows;
}
