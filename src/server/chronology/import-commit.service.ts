import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { ChronologyImportDto } from '#domain/chronology/chronology.ts';
import type { ImportedRow } from '#domain/chronology/import-rows.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { chronologyEvents, chronologyImports, chronologyPerspectives } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { knowledgeRows } from './event-children.ts';
import {
  findImport,
  findImportSummary,
  type ImportRecord,
  presentImport,
  summariseImport,
} from './import.service.ts';
import { addKnowledge } from './merge.service.ts';

const BATCH = 5000;

/** Inserts a batch of imported events in one statement with one parameter (the rows as JSON), which PGlite and PostgreSQL both read fast. */
async function insertEvents(ctx: ReviewCtx, record: ImportRecord, batch: (ImportedRow & { id: string })[]) {
  const rows = batch.map((r) => ({
    id: r.id,
    occurred_on: r.occurredOn,
    date_precision: r.datePrecision,
    occurred_time: r.occurredTime,
    ends_on: r.endsOn,
    practitioner_role: r.practitionerRole,
    summary: r.summary,
    significance: r.significance,
    tags: r.tags,
  }));
  await ctx.tx.execute(sql`
    insert into chronology_events (id, partnership_id, review_id, agency_id, import_id, created_by,
      occurred_on, date_precision, occurred_time, ends_on, practitioner_role, summary, significance, tags)
    select x.id, ${record.partnershipId}, ${ctx.review.id}, ${record.agencyId}, ${record.id}, ${ctx.principal.userId},
      x.occurred_on, x.date_precision, x.occurred_time, x.ends_on, x.practitioner_role, x.summary, x.significance,
      coalesce(x.tags, '{}')
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, occurred_on date, date_precision text,
      occurred_time text, ends_on date, practitioner_role text, summary text, significance text, tags text[])`);
}

/** Inserts where each event came from, in one statement. */
async function insertSources(
  ctx: ReviewCtx,
  rows: { partnershipId: string; eventId: string; kind: string; reference: string }[],
) {
  const json = JSON.stringify(
    rows.map((r) => ({ event_id: r.eventId, kind: r.kind, reference: r.reference })),
  );
  await ctx.tx.execute(sql`
    insert into chronology_sources (partnership_id, event_id, kind, reference)
    select ${ctx.review.partnershipId}, x.event_id, x.kind, x.reference
    from jsonb_to_recordset(${json}::jsonb) as x(event_id uuid, kind text, reference text)`);
}

async function checkMerges(ctx: ReviewCtx, rows: ImportedRow[], mergeRows: Record<string, string>) {
  const fields: FieldError[] = [];
  const rowNumbers = new Set(rows.map((r) => String(r.row)));
  const eventIds = [...new Set(Object.values(mergeRows))];
  const found = new Set<string>();
  for (let i = 0; i < eventIds.length; i += BATCH) {
    const hits = await ctx.tx
      .select({ id: chronologyEvents.id })
      .from(chronologyEvents)
      .where(
        and(
          eq(chronologyEvents.reviewId, ctx.review.id),
          inArray(chronologyEvents.id, eventIds.slice(i, i + BATCH)),
        ),
      );
    for (const h of hits) found.add(h.id);
  }
  for (const [row, eventId] of Object.entries(mergeRows)) {
    if (!rowNumbers.has(row))
      fields.push({ path: `mergeRows.${row}`, message: `Row ${row} is not a row of this file` });
    else if (!found.has(eventId))
      fields.push({ path: `mergeRows.${row}`, message: 'Choose an event from this review’s narrative' });
  }
  if (fields.length) throw AppError.invalid(fields);
}

const source = (record: ImportRecord, r: ImportedRow) => ({
  partnershipId: record.partnershipId,
  kind: 'agency_return',
  reference: r.sourceReference ?? `${record.filename}, row ${r.row}`.slice(0, 300),
});

/**
 * Adds a checked agency chronology to the narrative, all of it or none of it, in one transaction:
 * each row becomes an event (with who knew), or a perspective of the existing event it was matched to.
 */
export async function commitChronologyImport(
  ctx: ReviewCtx,
  importId: string,
  mergeRows: Record<string, string>,
): Promise<ChronologyImportDto> {
  const record = await findImport(ctx, importId, true);
  if (record.status === 'committed')
    throw new AppError('conflict', 'This file has already been imported.', {
      current: presentImport(summariseImport(record), null),
    });
  const problemRows = new Set((record.errors as { row: number }[]).map((e) => e.row)).size;
  if (record.errors.length)
    throw new AppError(
      'conflict',
      `Fix the ${problemRows} ${problemRows === 1 ? 'row' : 'rows'} with problems and upload the file again.`,
      { errorCount: record.errors.length },
    );
  const rows = record.rows as ImportedRow[];
  await checkMerges(ctx, rows, mergeRows);
  const { partnershipId } = record;
  const merging = rows.filter((r) => mergeRows[String(r.row)]);
  const creating = rows.filter((r) => !mergeRows[String(r.row)]);
  for (let i = 0; i < creating.length; i += BATCH) {
    const batch = creating.slice(i, i + BATCH).map((r) => ({ ...r, id: randomUUID() }));
    await insertEvents(ctx, record, batch);
    await addKnowledge(
      ctx.tx,
      partnershipId,
      batch.flatMap((r) =>
        knowledgeRows({ agencyId: record.agencyId, occurredOn: r.occurredOn }, r.sharedWith).map((k) => ({
          ...k,
          eventId: r.id,
        })),
      ),
    );
    await insertSources(
      ctx,
      batch.map((r) => ({ ...source(record, r), eventId: r.id })),
    );
  }
  for (let i = 0; i < merging.length; i += BATCH) {
    const batch = merging.slice(i, i + BATCH);
    const eventOf = (r: ImportedRow) => mergeRows[String(r.row)]!;
    await ctx.tx.insert(chronologyPerspectives).values(
      batch.map((r) => ({
        partnershipId,
        eventId: eventOf(r),
        agencyId: record.agencyId,
        personRole: r.practitionerRole,
        account: r.summary,
      })),
    );
    await addKnowledge(
      ctx.tx,
      partnershipId,
      batch.flatMap((r) =>
        knowledgeRows({ agencyId: record.agencyId, occurredOn: r.occurredOn }, r.sharedWith).map((k) => ({
          ...k,
          eventId: eventOf(r),
        })),
      ),
    );
    await insertSources(
      ctx,
      batch.map((r) => ({ ...source(record, r), eventId: eventOf(r) })),
    );
  }
  // Nothing returned: the record is known, and sending back its rows would move them all again.
  await ctx.tx
    .update(chronologyImports)
    .set({ status: 'committed', committedAt: ctx.now })
    .where(eq(chronologyImports.id, record.id));
  const counts = { eventsCreated: creating.length, perspectivesAdded: merging.length };
  await auditAction(ctx, {
    action: 'chronology.imported',
    entityType: 'chronology_import',
    entityId: record.id,
    details: { reviewId: ctx.review.id, agencyId: record.agencyId, ...counts },
  });
  return presentImport({ ...summariseImport(record), status: 'committed', committedAt: ctx.now }, counts);
}

/** Where an import stands; once imported, the events it added that are still in the narrative. */
export async function getChronologyImport(ctx: ReviewCtx, importId: string): Promise<ChronologyImportDto> {
  const record = await findImportSummary(ctx, importId);
  if (record.status !== 'committed') return presentImport(record, null);
  const [n] = await ctx.tx
    .select({ n: count() })
    .from(chronologyEvents)
    .where(eq(chronologyEvents.importId, record.id));
  const eventsCreated = n?.n ?? 0;
  return presentImport(record, {
    eventsCreated,
    perspectivesAdded: Math.max(0, record.validCount - eventsCreated),
  });
}
