import { and, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ChronologyImportDto,
  ImportPreviewDto,
  ImportRowError,
  previewImportQuery,
} from '#domain/chronology/chronology.ts';
import { likelyDuplicate, similarity } from '#domain/chronology/duplicates.ts';
import { type ImportedRow, readTable } from '#domain/chronology/import-rows.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { agencies, chronologyEvents, chronologyImports } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { parseCsv, parseXlsx } from './import-parse.ts';
import type { UploadedFile } from './upload.ts';

export type ImportRecord = typeof chronologyImports.$inferSelect;
type Duplicate = ImportPreviewDto['duplicates'][number];

function readMapping(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      Object.values(value).every((v) => typeof v === 'string')
    )
      return value as Record<string, string>;
  } catch {}
  throw AppError.invalid([
    { path: 'mapping', message: 'Give the mapping as JSON: template column → the heading in your file' },
  ]);
}

/** Rows that look like an event another agency already recorded: same date, similar words. */
async function findDuplicates(ctx: ReviewCtx, agencyId: string, rows: ImportedRow[]): Promise<Duplicate[]> {
  const dates = [...new Set(rows.map((r) => r.occurredOn))];
  if (!dates.length) return [];
  const existing = [];
  for (let i = 0; i < dates.length; i += 1000) {
    existing.push(
      ...(await ctx.tx
        .select({
          id: chronologyEvents.id,
          occurredOn: chronologyEvents.occurredOn,
          summary: chronologyEvents.summary,
          agencyName: agencies.name,
        })
        .from(chronologyEvents)
        .innerJoin(agencies, eq(agencies.id, chronologyEvents.agencyId))
        .where(
          and(
            eq(chronologyEvents.reviewId, ctx.review.id),
            ne(chronologyEvents.agencyId, agencyId),
            inArray(chronologyEvents.occurredOn, dates.slice(i, i + 1000)),
          ),
        )),
    );
  }
  const byDate = new Map<string, typeof existing>();
  for (const e of existing) byDate.set(e.occurredOn, [...(byDate.get(e.occurredOn) ?? []), e]);
  return rows.flatMap((r) =>
    (byDate.get(r.occurredOn) ?? [])
      .filter((e) => likelyDuplicate(r, e))
      .map((e) => ({
        row: r.row,
        eventId: e.id,
        occurredOn: e.occurredOn,
        agencyName: e.agencyName,
        summary: e.summary,
        similarity: Math.round(similarity(r.summary, e.summary) * 100) / 100,
      })),
  );
}

/** The rows as the preview shows them. */
export const sampleRow = (r: ImportedRow) => ({ ...r });

/**
 * Reads and checks an agency's chronology file without adding anything to the narrative: every
 * problem is listed by row, column and reason, and likely duplicates of other agencies' events are offered.
 */
export async function previewChronologyImport(
  ctx: ReviewCtx,
  file: UploadedFile,
  query: z.output<typeof previewImportQuery>,
): Promise<ImportPreviewDto> {
  const mappingOverride = readMapping(query.mapping);
  const partnershipAgencies = await ctx.tx
    .select({ id: agencies.id, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(eq(agencies.partnershipId, ctx.review.partnershipId));
  if (!partnershipAgencies.some((a) => a.id === query.agencyId))
    throw AppError.invalid([{ path: 'agencyId', message: 'Select the agency whose chronology this is' }]);
  const filename = query.filename || `chronology.${file.kind}`;
  const parsed = file.kind === 'csv' ? parseCsv(file.bytes) : await parseXlsx(file.bytes);
  let rows: ImportedRow[] = [];
  let errors: ImportRowError[] = parsed.errors;
  let mapping: Record<string, string> = {};
  let rowCount = 0;
  let columns: string[] = [];
  if (parsed.table) {
    const read = readTable(parsed.table.headings, parsed.table.rows, {
      agencies: partnershipAgencies,
      recordingAgencyId: query.agencyId,
      mapping: mappingOverride,
    });
    rows = read.rows;
    errors = [...errors, ...read.errors].sort((a, b) => a.row - b.row);
    mapping = read.mapping as Record<string, string>;
    rowCount = read.rowCount;
    columns = parsed.table.headings.map((h) =>
      String(h ?? '')
        .replace(/^\uFEFF/, '')
        .trim(),
    );
  }
  const duplicates = errors.length ? [] : await findDuplicates(ctx, query.agencyId, rows);
  const [record] = await ctx.tx
    .insert(chronologyImports)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      agencyId: query.agencyId,
      filename,
      rowCount,
      mapping,
      errors,
      rows,
      createdBy: ctx.principal.userId,
    })
    .returning({ id: chronologyImports.id });
  await auditAction(ctx, {
    action: 'chronology.import_checked',
    entityType: 'chronology_import',
    entityId: record!.id,
    details: { reviewId: ctx.review.id, agencyId: query.agencyId, rowCount, errorCount: errors.length },
  });
  return {
    importId: record!.id,
    filename,
    agencyId: query.agencyId,
    rowCount,
    validCount: rows.length,
    errors,
    columns,
    mapping,
    sample: rows.slice(0, 20).map(sampleRow),
    duplicates,
  };
}

/** An import of this review, or 404. */
export async function findImport(ctx: ReviewCtx, importId: string, lock = false): Promise<ImportRecord> {
  const q = ctx.tx
    .select()
    .from(chronologyImports)
    .where(and(eq(chronologyImports.id, importId), eq(chronologyImports.reviewId, ctx.review.id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw AppError.notFound('import');
  return row;
}

/** What is shown about an import: its record without the checked rows and problems, only their numbers. */
export type ImportSummary = Omit<ImportRecord, 'rows' | 'errors'> & {
  validCount: number;
  errorCount: number;
};

export const summariseImport = ({ rows, errors, ...rest }: ImportRecord): ImportSummary => ({
  ...rest,
  validCount: rows.length,
  errorCount: errors.length,
});

/**
 * An import of this review without its checked rows (counted in the database), or 404: a 100,000-row
 * file's rows are about 20 MB, and nothing shown needs them.
 */
export async function findImportSummary(ctx: ReviewCtx, importId: string): Promise<ImportSummary> {
  const { rows, errors, ...columns } = getTableColumns(chronologyImports);
  const [row] = await ctx.tx
    .select({
      ...columns,
      validCount: sql<number>`jsonb_array_length(${rows})`.mapWith(Number),
      errorCount: sql<number>`jsonb_array_length(${errors})`.mapWith(Number),
    })
    .from(chronologyImports)
    .where(and(eq(chronologyImports.id, importId), eq(chronologyImports.reviewId, ctx.review.id)));
  if (!row) throw AppError.notFound('import');
  return row;
}

/** Where an import stands: checked or imported, and, once imported, what it added. */
export function presentImport(
  record: ImportSummary,
  counts: { eventsCreated: number; perspectivesAdded: number } | null,
): ChronologyImportDto {
  return {
    importId: record.id,
    filename: record.filename,
    agencyId: record.agencyId,
    status: record.status === 'committed' ? 'committed' : 'previewed',
    rowCount: record.rowCount,
    validCount: record.validCount,
    errorCount: record.errorCount,
    createdAt: record.createdAt.toISOString(),
    committedAt: record.committedAt?.toISOString() ?? null,
    eventsCreated: counts?.eventsCreated ?? null,
    perspectivesAdded: counts?.perspectivesAdded ?? null,
  };
}
