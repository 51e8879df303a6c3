import type { Query } from 'drizzle-orm';
import type { PgPreparedQuery, PreparedQueryConfig, SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
import type { Queryable } from './client.ts';

type Prepared<Row> = PgPreparedQuery<PreparedQueryConfig & { execute: Row[] }>;
type Preparable<Row> = { prepare(name: string): Prepared<Row> };
/** Drizzle's prepared query keeps these out of its public types; both drivers have them. */
type Internals = { fields?: SelectedFieldsOrdered; joinsNotNullableMap?: Record<string, boolean> };

/** What drizzle produced for a query: its SQL text with placeholders, and how to map its rows. */
type Built = {
  query: Query;
  fields: SelectedFieldsOrdered | undefined;
  joinsNotNullableMap: Record<string, boolean> | undefined;
};

/**
 * A select on the hot path whose SQL is built once per process instead of on every request: the
 * values are `sql.placeholder(name)`s, filled in at each run, on any connection or transaction.
 * On PostgreSQL it runs as a named prepared statement, so each connection parses and plans it once.
 * Only for queries whose text never varies: `build` must not depend on anything but `q`.
 */
export function prebuilt<Row>(name: string, build: (q: Queryable) => Preparable<Row>) {
  let built: Built | undefined;
  return (q: Queryable, values: Record<string, unknown>): Promise<Row[]> => {
    if (!built) {
      const prepared = build(q).prepare(name);
      // The ordered fields and the nullable joins say how to map the driver's array rows.
      const { fields, joinsNotNullableMap } = prepared as unknown as Internals;
      if (!fields) throw new Error(`prebuilt query ${name} has no selected fields`);
      built = { query: prepared.getQuery(), fields, joinsNotNullableMap };
      return prepared.execute(values);
    }
    const prepared: Prepared<Row> = q._.session.prepareQuery(built.query, built.fields, name, true);
    (prepared as unknown as Internals).joinsNotNullableMap = built.joinsNotNullableMap;
    return prepared.execute(values);
  };
}
