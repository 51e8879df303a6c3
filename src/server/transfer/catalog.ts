import { sql } from 'drizzle-orm';
import type { TableLinks } from '#domain/transfer/table-order.ts';
import type { Queryable } from '../db/client.ts';

/** A column of a table as PostgreSQL describes it. */
export type ColumnInfo = {
  name: string;
  /** `uuid`, `uuid[]`, `text`, `jsonb`, … as `format_type` writes it. */
  type: string;
  notNull: boolean;
  /** Computed by the database (a `GENERATED ALWAYS … STORED` column): never copied, never written. */
  generated: boolean;
};

/** A foreign key of one column. */
export type ForeignKey = { column: string; references: string };

/** A table of the application's schema. */
export type TableInfo = {
  name: string;
  columns: ColumnInfo[];
  foreignKeys: ForeignKey[];
  /** Columns filled from a sequence (bigserial), with the sequence's name. */
  sequences: { column: string; sequence: string }[];
};

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] =>
  Array.isArray(result) ? (result as Row[]) : ((result as { rows: Row[] }).rows ?? []);

/** Runs raw SQL and returns its rows, the same on PGlite and PostgreSQL. */
export async function rawRows(q: Queryable, query: ReturnType<typeof sql>): Promise<Row[]> {
  return rowsOf(await q.execute(query));
}

/** Quotes an identifier for SQL. */
export const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/** Every table of the current schema (`public`), with columns, single-column foreign keys and sequences. */
export async function readCatalog(q: Queryable): Promise<TableInfo[]> {
  const columns = await rawRows(
    q,
    sql`select c.relname as tbl, a.attname as col, format_type(a.atttypid, a.atttypmod) as type,
          a.attnotnull as not_null, a.attgenerated <> '' as generated,
          pg_get_serial_sequence(quote_ident(c.relname), a.attname) as sequence
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = 'public' and c.relkind = 'r'
        order by c.relname, a.attnum`,
  );
  const keys = await rawRows(
    q,
    sql`select c.conrelid::regclass::text as tbl, c.confrelid::regclass::text as refs,
          a.attname as col
        from pg_constraint c
        join pg_namespace n on n.oid = c.connamespace
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and n.nspname = 'public' and array_length(c.conkey, 1) = 1`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const name = String(c.tbl);
    let t = tables.get(name);
    if (!t) {
      t = { name, columns: [], foreignKeys: [], sequences: [] };
      tables.set(name, t);
    }
    t.columns.push({
      name: String(c.col),
      type: String(c.type),
      notNull: Boolean(c.not_null),
      generated: Boolean(c.generated),
    });
    if (c.sequence) t.sequences.push({ column: String(c.col), sequence: String(c.sequence) });
  }
  for (const k of keys) {
    tables.get(String(k.tbl))?.foreignKeys.push({
      column: String(k.col),
      references: String(k.refs)
        .replace(/^public\./, '')
        .replaceAll('"', ''),
    });
  }
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The foreign-key links of the tables, for ordering them. */
export const linksOf = (tables: TableInfo[]): TableLinks[] =>
  tables.map((t) => ({ name: t.name, references: t.foreignKeys.map((k) => k.references) }));

/** The columns that are stored rather than computed. */
export const storedColumns = (t: TableInfo) => t.columns.filter((c) => !c.generated).map((c) => c.name);

/** The SQL that reads a table's rows as JSON objects without its computed columns. */
export function rowJson(t: TableInfo, alias = 't') {
  const generated = t.columns.filter((c) => c.generated).map((c) => c.name);
  const row = sql.raw(`to_jsonb(${alias})`);
  if (generated.length === 0) return row;
  return sql`(${row} - ${sql.raw(`array[${generated.map((g) => `'${g}'`).join(',')}]::text[]`)})`;
}

/**
 * Inserts rows (JSON objects, as `rowJson` reads them) into a table through PostgreSQL's own JSON
 * conversion, so every type (bytea, jsonb, arrays, timestamps) comes back exactly as it was.
 * `rowsJson` is the text of a JSON array.
 */
export async function insertJsonRows(q: Queryable, t: TableInfo, columns: string[], rowsJson: string) {
  const list = sql.raw(columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', '));
  await q.execute(
    sql`insert into ${ident(t.name)} (${list}) select ${list} from jsonb_populate_recordset(null::${ident(t.name)}, ${rowsJson}::jsonb)`,
  );
}
