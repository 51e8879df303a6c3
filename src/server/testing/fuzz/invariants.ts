import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

/** The audit log's own tables: they grow with every audited write. */
export const auditTables = ['audit_events', 'audit_chain_heads'] as const;
/**
 * Tables a refused request may still write: the session's last-seen time, and failed sign-in and
 * code attempts, which are kept (with their audit rows) so that guessing is throttled.
 */
export const bookkeepingTables = ['sessions', 'login_attempts', 'mfa_attempts'] as const;

export type Tables = { all: string[]; versioned: string[] };

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => ((result as { rows?: Row[] }).rows ?? []) as Row[];
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table of the application, and those whose rows carry an `id` and a `version`. */
export async function discoverTables(q: Queryable): Promise<Tables> {
  const all = rowsOf(
    await q.execute(sql`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`),
  ).map((r) => String(r.name));
  const versioned = rowsOf(
    await q.execute(sql`select c.table_name as name from information_schema.columns c
      join information_schema.columns i on i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'id'
      where c.table_schema = current_schema() and c.column_name = 'version' order by c.table_name`),
  ).map((r) => String(r.name));
  return { all, versioned };
}

/** Per table: its row count and an order-independent checksum of its rows. */
export type Checksums = Map<string, string>;
/** Per versioned row (`table/id`): its version and a hash of the whole row. */
export type Versions = Map<string, { table: string; id: string; version: number; hash: number }>;

export type Snapshot = { checksums: Checksums; versions: Versions; auditEvents: number };

/** One query over every table: cheap enough to take before and after each generated request. */
export async function takeSnapshot(q: Queryable, tables: Tables): Promise<Snapshot> {
  // The audit log only grows (its chain is verified at the end), so its length is enough here.
  const sums = tables.all
    .map((t) =>
      (auditTables as readonly string[]).includes(t)
        ? `select '${t}' as t, count(*)::text || ':' || coalesce(max(x.seq), 0)::text as c from ${quote(t)} x`
        : `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as c from ${quote(t)} x`,
    )
    .join(' union all ');
  const checksums: Checksums = new Map();
  for (const r of rowsOf(await q.execute(sql.raw(sums)))) checksums.set(String(r.t), String(r.c));
  const versions: Versions = new Map();
  if (tables.versioned.length > 0) {
    const rows = tables.versioned
      .map(
        (t) =>
          `select '${t}' as t, x.id::text as id, x.version::int as v, hashtext(x::text) as h from ${quote(t)} x`,
      )
      .join(' union all ');
    for (const r of rowsOf(await q.execute(sql.raw(rows)))) {
      const table = String(r.t);
      const id = String(r.id);
      versions.set(`${table}/${id}`, { table, id, version: Number(r.v), hash: Number(r.h) });
    }
  }
  const auditEvents = Number(checksums.get('audit_events')?.split(':')[0] ?? 0);
  return { checksums, versions, auditEvents };
}

/** The tables whose rows changed between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...before.checksums.keys(), ...after.checksums.keys()]);
  return [...names].filter((n) => before.checksums.get(n) !== after.checksums.get(n)).sort();
}

/**
 * What a refused (4xx) request changed that it must not have: anything but bookkeeping and the
 * audit log. A refusal may be audited: a failed sign-in or code is kept with its audit row, and a
 * stale write to the pseudonym register answers 409 with the current register, a read that is audited.
 */
export function forbiddenChangesOnRefusal(changed: readonly string[]): string[] {
  return recordChanges(changed);
}

/**
 * Tables written the first time something needs them, whoever asks, even on a read: the built-in
 * reference data is recorded for the partnership and pinned to the review on first use.
 */
export const lazilyRecordedTables = ['reference_versions', 'review_reference_pins'] as const;

/** The changed tables that hold records rather than sessions, attempts or the audit log itself. */
export function recordChanges(changed: readonly string[]): string[] {
  return changed.filter(
    (t) =>
      !(bookkeepingTables as readonly string[]).includes(t) &&
      !(auditTables as readonly string[]).includes(t),
  );
}

/**
 * Versioned rows a request changed whose version did not rise by exactly one. Only the rows the
 * request names (in its path or its answer) are held to this; `others` counts the remaining
 * changed rows whose version stayed the same (a position renumbered beside a deleted sibling).
 * New rows are not checked: a history row (a conversation's earlier version) carries the version
 * it records.
 */
export function versionViolations(
  before: Snapshot,
  after: Snapshot,
  named: ReadonlySet<string>,
): { problems: string[]; checked: number; others: number } {
  const problems: string[] = [];
  let checked = 0;
  let others = 0;
  for (const [key, row] of after.versions) {
    const old = before.versions.get(key);
    if (!old || old.hash === row.hash) continue;
    if (!named.has(row.id)) {
      if (row.version === old.version) others++;
      continue;
    }
    checked++;
    if (row.version !== old.version + 1)
      problems.push(`${key} changed from version ${old.version} to ${row.version}, not ${old.version + 1}`);
  }
  return { problems, checked, others };
}

/** The records in a response that carry an `id` and a `version` (at the top level or one level down). */
export function versionedRecordsIn(body: unknown): { id: string; version: number }[] {
  const found: { id: string; version: number }[] = [];
  const consider = (v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const r = v as Record<string, unknown>;
      if (typeof r.id === 'string' && typeof r.version === 'number')
        found.push({ id: r.id, version: r.version });
    }
  };
  consider(body);
  if (body && typeof body === 'object' && !Array.isArray(body))
    for (const v of Object.values(body)) consider(v);
  return found;
}

/** The current version of the row with this id, in whichever versioned table holds it. */
export function versionOf(snapshot: Snapshot, id: string): number | null {
  for (const row of snapshot.versions.values()) if (row.id === id) return row.version;
  return null;
}
