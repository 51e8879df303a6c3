import { sql } from 'drizzle-orm';
import { verifyAuditLog } from '../audit/verify.ts';
import type { Db } from '../db/client.ts';
import type { AckedEvent, ImportAttempt } from './workload.ts';

export type ImportState = { id: string; committed: boolean; rows: number; events: number; sources: number };

export type Consistency = {
  problems: string[];
  imports: ImportState[];
  auditEvents: number;
};

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

/**
 * Checks the database after a crash: every acknowledged event is stored as written, every import
 * of the review is wholly present or wholly absent, acknowledged imports are present, and the
 * audit log's hash chains verify.
 */
export async function checkConsistency(
  db: Db,
  importsReviewId: string,
  acked: readonly AckedEvent[],
  attempts: readonly ImportAttempt[],
): Promise<Consistency> {
  const problems: string[] = [];
  const stored = new Map<string, string>();
  const ids = acked.map((a) => a.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const batch = ids.slice(i, i + 1000);
    const found = rowsOf<{ id: string; summary: string }>(
      await db.execute(
        sql`select id, summary from chronology_events where id = any(${`{${batch.join(',')}}`}::uuid[])`,
      ),
    );
    for (const r of found) stored.set(r.id, r.summary);
  }
  const missing = acked.filter((a) => stored.get(a.id) !== a.summary);
  if (missing.length)
    problems.push(
      `${missing.length} acknowledged events are missing or changed, e.g. ${missing
        .slice(0, 3)
        .map((m) => `${m.id} "${m.summary}"`)
        .join(', ')}`,
    );

  const imports = rowsOf<{
    id: string;
    status: string;
    rows: number | string;
    events: number | string;
    sources: number | string;
  }>(
    await db.execute(sql`
      select i.id, i.status, jsonb_array_length(i.rows) as rows,
        (select count(*) from chronology_events e where e.import_id = i.id) as events,
        (select count(*) from chronology_sources s join chronology_events e on e.id = s.event_id
          where e.import_id = i.id) as sources
      from chronology_imports i where i.review_id = ${importsReviewId}`),
  ).map((r) => ({
    id: r.id,
    committed: r.status === 'committed',
    rows: Number(r.rows),
    events: Number(r.events),
    sources: Number(r.sources),
  }));
  for (const i of imports) {
    const expected = i.committed ? i.rows : 0;
    if (i.events !== expected || i.sources !== expected)
      problems.push(
        `import ${i.id} is half-written: ${i.committed ? 'imported' : 'not imported'}, ${i.rows} rows, ${i.events} events, ${i.sources} sources`,
      );
  }
  const byId = new Map(imports.map((i) => [i.id, i]));
  for (const a of attempts) {
    if (!a.importId) continue;
    const found = byId.get(a.importId);
    if (!found) problems.push(`the checked import ${a.importId} (round ${a.round}) is missing`);
    else if (a.commitAcked && !found.committed)
      problems.push(`the acknowledged import ${a.importId} (round ${a.round}) is not imported`);
    else if (found.rows !== a.rows)
      problems.push(`import ${a.importId} holds ${found.rows} rows, not ${a.rows}`);
  }

  const audit = await verifyAuditLog(db);
  if (!audit.ok) problems.push(`audit log broken: ${JSON.stringify(audit.firstBreak)}`);
  return { problems, imports, auditEvents: audit.events };
}
