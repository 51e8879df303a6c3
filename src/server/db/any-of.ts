import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * `column = ANY($1)` with the values as one array parameter. Drizzle's `inArray` writes one
 * parameter per value, and building those is most of the cost of a query for a page of 200 rows.
 */
export function anyOf(column: Column, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(values)})`;
}
