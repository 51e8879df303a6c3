import type { DatePrecision, ImportColumn, ImportRowError, Significance } from './chronology.ts';
import { datePrecisions, importColumns, significances } from './chronology.ts';
import { type Cell, cellText, clip, readDate, readList, readTime } from './import-values.ts';

/** One row of an agency chronology, checked and ready to become an event. */
export type ImportedRow = {
  row: number;
  occurredOn: string;
  datePrecision: DatePrecision;
  occurredTime: string | null;
  endsOn: string | null;
  practitionerRole: string | null;
  summary: string;
  significance: Significance | null;
  tags: string[];
  sharedWith: { agencyId: string; learnedOn: string }[];
  sourceReference: string | null;
};

export type AgencyRef = { id: string; name: string; shortName: string | null };

/** Other headings people use for each template column (compared lowercased, spaces and punctuation ignored). */
const aliases: Record<ImportColumn, string[]> = {
  date: ['date', 'event date', 'date of event', 'occurred on', 'start date'],
  date_precision: ['date precision', 'precision', 'date accuracy'],
  time: ['time', 'event time', 'time of event'],
  end_date: ['end date', 'ends on', 'date ended', 'to date'],
  practitioner_role: ['practitioner role', 'role', 'practitioner', 'worker role', 'professional role'],
  what_happened: [
    'what happened',
    'details',
    'description',
    'summary',
    'event',
    'narrative',
    'event details',
  ],
  significance: ['significance', 'importance'],
  tags: ['tags', 'tag', 'themes'],
  shared_with: ['shared with', 'shared', 'information shared with'],
  source_reference: ['source reference', 'source', 'reference', 'record reference'],
};
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const columnKeys = Object.keys(importColumns) as ImportColumn[];

/** The limits on each text in a row. */
export const importLimits = { summary: 10_000, practitionerRole: 120, tag: 40, tags: 20, reference: 300 };
/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 100_000;

/**
 * Matches the file's headings to the template columns: by the template name or a common alias,
 * or as the person chose (`override`: template column or its label → file heading).
 */
export function mapColumns(
  headings: readonly string[],
  override: Record<string, string> = {},
): { mapping: Partial<Record<ImportColumn, string>>; errors: ImportRowError[] } {
  const mapping: Partial<Record<ImportColumn, string>> = {};
  const errors: ImportRowError[] = [];
  const byKey = new Map(
    columnKeys.flatMap((k) => [[squash(k), k] as const, [squash(importColumns[k].label), k] as const]),
  );
  for (const [given, heading] of Object.entries(override)) {
    const key = byKey.get(squash(given));
    if (!key)
      errors.push({ row: 1, column: given, reason: `${clip(given)} is not a column of the template` });
    else if (!headings.includes(heading))
      errors.push({
        row: 1,
        column: importColumns[key].label,
        reason: `The file has no column headed ${clip(heading)}`,
      });
    else mapping[key] = heading;
  }
  for (const key of columnKeys) {
    if (mapping[key]) continue;
    const names = new Set(aliases[key].map(squash));
    const found = headings.find((h) => names.has(squash(h)));
    if (found && !Object.values(mapping).includes(found)) mapping[key] = found;
    else if (importColumns[key].required)
      errors.push({
        row: 1,
        column: importColumns[key].label,
        reason: `No column headed “${importColumns[key].label}”: add it, or choose which column holds it`,
      });
  }
  return { mapping, errors };
}

function findAgency(agencies: readonly AgencyRef[], name: string): AgencyRef | undefined {
  const n = name.trim().toLowerCase();
  return (
    agencies.find((a) => a.shortName?.toLowerCase() === n) ?? agencies.find((a) => a.name.toLowerCase() === n)
  );
}

/** Checks one data row (as keyed by the file's headings) into an event, or the reasons it cannot be one. */
export function readRow(
  record: Record<string, Cell>,
  row: number,
  mapping: Partial<Record<ImportColumn, string>>,
  context: { agencies: readonly AgencyRef[]; recordingAgencyId: string },
): { value: ImportedRow | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const cell = (k: ImportColumn): Cell => (mapping[k] ? record[mapping[k]] : undefined);
  const fail = (k: ImportColumn, reason: string) =>
    errors.push({ row, column: importColumns[k].label, reason });
  const text = (k: ImportColumn, max: number): string | null => {
    const t = cellText(cell(k));
    if (t.includes('\u0000')) fail(k, 'Remove the invisible control character (NUL) from this cell');
    else if (t.length > max) fail(k, `This is ${t.length} characters; it must be ${max} or fewer`);
    return t || null;
  };
  for (const k of [
    'date',
    'time',
    'end_date',
    'date_precision',
    'significance',
    'tags',
    'shared_with',
  ] as const) {
    if (cellText(cell(k)).includes('\u0000'))
      fail(k, 'Remove the invisible control character (NUL) from this cell');
  }
  const date = readDate(cell('date'));
  if (!date.ok) fail('date', date.reason);
  let datePrecision: DatePrecision = date.ok && date.value.monthOnly ? 'month' : 'exact';
  const precisionText = cellText(cell('date_precision')).toLowerCase();
  if (precisionText) {
    const hit = (Object.keys(datePrecisions) as DatePrecision[]).find(
      (p) => p === precisionText || datePrecisions[p].toLowerCase() === precisionText,
    );
    if (hit) datePrecision = hit;
    else fail('date_precision', `${clip(precisionText)} is not one of exact, month or approximate`);
  }
  const time = readTime(cell('time'));
  if (!time.ok) fail('time', time.reason);
  let endsOn: string | null = null;
  if (cellText(cell('end_date'))) {
    const end = readDate(cell('end_date'));
    if (!end.ok) fail('end_date', end.reason);
    else if (date.ok && end.value.date < date.value.date) fail('end_date', 'The end date is before the date');
    else endsOn = end.value.date;
  }
  const practitionerRole = text('practitioner_role', importLimits.practitionerRole);
  const summary = text('what_happened', importLimits.summary);
  if (!summary && !errors.some((e) => e.column === importColumns.what_happened.label))
    fail('what_happened', 'Enter what happened');
  const sigText = cellText(cell('significance')).toLowerCase();
  const significance = (Object.keys(significances) as Significance[]).find((s) => s === sigText) ?? null;
  if (sigText && !significance) fail('significance', `${clip(sigText)} is not one of low, medium or high`);
  const tags = readList(cell('tags'));
  if (tags.length > importLimits.tags)
    fail('tags', `There are ${tags.length} tags; use ${importLimits.tags} or fewer`);
  else if (tags.some((t) => t.length > importLimits.tag))
    fail('tags', `Each tag must be ${importLimits.tag} characters or fewer`);
  const sourceReference = text('source_reference', importLimits.reference);
  const shared = new Map<string, string>();
  for (const entry of readList(cell('shared_with'))) {
    const [name = '', when] = entry.split('=');
    const agency = findAgency(context.agencies, name);
    if (!agency) {
      fail('shared_with', `No agency called ${clip(name.trim())} in this partnership`);
      continue;
    }
    let learnedOn = date.ok ? date.value.date : '';
    if (when !== undefined) {
      const d = readDate(when.trim());
      if (!d.ok) {
        fail('shared_with', `For ${agency.shortName ?? agency.name}: ${d.reason}`);
        continue;
      }
      if (date.ok && d.value.date < date.value.date) {
        fail(
          'shared_with',
          `${agency.shortName ?? agency.name} cannot have learned of it before it happened`,
        );
        continue;
      }
      learnedOn = d.value.date;
    }
    if (agency.id === context.recordingAgencyId) continue;
    const before = shared.get(agency.id);
    if (!before || learnedOn < before) shared.set(agency.id, learnedOn);
  }
  if (errors.length || !date.ok || !time.ok || !summary) return { value: null, errors };
  return {
    errors,
    value: {
      row,
      occurredOn: date.value.date,
      datePrecision,
      occurredTime: time.value,
      endsOn,
      practitionerRole,
      summary,
      significance,
      tags,
      sharedWith: [...shared].map(([agencyId, learnedOn]) => ({ agencyId, learnedOn })),
      sourceReference,
    },
  };
}

/**
 * Checks a whole table (the heading row, then the data rows as the file holds them) into events and
 * every problem, each named by row (as the person sees it, the headings being row 1), column and reason.
 */
export function readTable(
  headingCells: readonly Cell[],
  dataRows: readonly (readonly Cell[])[],
  context: { agencies: readonly AgencyRef[]; recordingAgencyId: string; mapping?: Record<string, string> },
): {
  rows: ImportedRow[];
  errors: ImportRowError[];
  mapping: Partial<Record<ImportColumn, string>>;
  rowCount: number;
} {
  const headings = headingCells.map((h) => cellText(h).replace(/^\uFEFF/, ''));
  const rows: ImportedRow[] = [];
  if (headings.some((h) => h.includes('\u0000'))) {
    const reason = 'Remove the invisible control character (NUL) from the headings';
    return {
      rows,
      errors: [{ row: 1, column: '(headings)', reason }],
      mapping: {},
      rowCount: dataRows.length,
    };
  }
  const { mapping, errors } = mapColumns(headings, context.mapping);
  let rowCount = 0;
  if (errors.length) return { rows, errors, mapping, rowCount: dataRows.length };
  for (let i = 0; i < dataRows.length; i++) {
    const cells = dataRows[i] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    rowCount++;
    if (rowCount > MAX_IMPORT_ROWS) {
      errors.push({
        row: i + 2,
        column: '(file)',
        reason: `A file may hold at most ${MAX_IMPORT_ROWS} rows; split it`,
      });
      break;
    }
    const record: Record<string, Cell> = {};
    headings.forEach((h, j) => {
      if (!(h in record)) record[h] = cells[j];
    });
    const result = readRow(record, i + 2, mapping, context);
    errors.push(...result.errors);
    if (result.value) rows.push(result.value);
  }
  if (rowCount === 0 && !errors.length)
    errors.push({ row: 2, column: '(file)', reason: 'The file has headings but no rows of events' });
  return { rows, errors, mapping, rowCount };
}
