import Papa from 'papaparse';
import { cellText, clip, readDate } from '../chronology/import-values.ts';
import { type AgencySector, agencySectors } from '../partnership/agency.ts';
import { type ReviewType, reviewTypes } from '../review/review.ts';
import {
  type ImportRowProblem,
  type LibraryTheme,
  libraryImportColumns,
  libraryThemes,
  requiredImportColumns,
} from './library.ts';

/*
 * Reading a CSV file of older published findings, one finding a row, into rows ready to store, or
 * every problem named by row (as a spreadsheet numbers it: the heading row is 1), column and reason.
 */

type Column = keyof typeof libraryImportColumns;

/** One checked row of an import. */
export type LibraryImportRow = {
  row: number;
  reviewTitle: string;
  reviewType: ReviewType;
  publishedOn: string;
  statement: string;
  whyItMatters: string;
  howItShowed: string;
  typologyCode: string | null;
  themes: LibraryTheme[];
  factorGroups: string[];
  agencySectors: AgencySector[];
  reportUrl: string | null;
};

export type ParsedLibraryImport =
  | { ok: true; rows: LibraryImportRow[] }
  | { ok: false; problems: ImportRowProblem[]; problemCount: number };

/** The limits of one import. */
export const libraryImportLimits = {
  rows: 5_000,
  problems: 50,
  reviewTitle: 200,
  statement: 600,
  longText: 10_000,
  reportUrl: 2_000,
};

const columns = Object.keys(libraryImportColumns) as Column[];
const normalHeading = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const fold = (s: string) => s.trim().toLowerCase();

/** Finds a value among keys or their labels, ignoring case. */
function lookup<K extends string>(labels: Record<K, string>, given: string): K | null {
  const g = fold(given);
  for (const key of Object.keys(labels) as K[]) if (key === g || fold(labels[key]) === g) return key;
  return null;
}

type Options = { typologyCodes: readonly string[]; factorGroupKeys: readonly string[]; today: string };

/** Checks one data row; problems are added to the list given. */
function readRow(
  cells: Record<Column, string>,
  row: number,
  options: Options,
  problems: ImportRowProblem[],
): LibraryImportRow | null {
  const before = problems.length;
  const fail = (column: Column, message: string) => problems.push({ row, column, message });
  for (const column of columns)
    if (cells[column].includes('\u0000'))
      fail(column, 'Remove the invisible control character (NUL) from this cell');
  const text = (column: Column, max: number, required: string | null) => {
    const value = cells[column];
    if (!value && required) fail(column, required);
    else if (value.length > max)
      fail(
        column,
        `This is ${value.length.toLocaleString('en-GB')} characters; it must be ${max.toLocaleString('en-GB')} or fewer`,
      );
    return value;
  };
  const reviewTitle = text(
    'review_title',
    libraryImportLimits.reviewTitle,
    'Enter the review’s published name',
  );
  const statement = text('statement', libraryImportLimits.statement, 'Enter the finding');
  const whyItMatters = text('why_it_matters', libraryImportLimits.longText, null);
  const howItShowed = text('how_it_showed', libraryImportLimits.longText, null);

  const reviewType = lookup(reviewTypes, cells.review_type);
  if (!cells.review_type)
    fail('review_type', `Enter the type of review: ${Object.keys(reviewTypes).join(', ')}`);
  else if (!reviewType)
    fail(
      'review_type',
      `“${clip(cells.review_type)}” is not a type of review: use one of ${Object.keys(reviewTypes).join(', ')}`,
    );

  let publishedOn = '';
  if (!cells.published_on) fail('published_on', 'Enter the date the report was published, like 2022-05-31');
  else {
    const date = readDate(cells.published_on);
    if (!date.ok || date.value.monthOnly)
      fail('published_on', `“${clip(cells.published_on)}” is not a real date: write it like 2022-05-31`);
    else if (date.value.date > options.today)
      fail('published_on', 'The publication date cannot be in the future');
    else publishedOn = date.value.date;
  }

  let typologyCode: string | null = null;
  if (cells.typology) {
    const g = fold(cells.typology);
    typologyCode = options.typologyCodes.find((c) => fold(c) === g) ?? null;
    if (!typologyCode)
      fail(
        'typology',
        `“${clip(cells.typology)}” is not a typology category: use one of ${options.typologyCodes.join(', ')}`,
      );
  }

  const list = <K extends string>(column: Column, find: (value: string) => K | null, what: string): K[] => {
    const found: K[] = [];
    for (const value of cells[column]
      .split(/[;,\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const key = find(value);
      if (key) {
        if (!found.includes(key)) found.push(key);
      } else fail(column, `“${clip(value)}” is not ${what}`);
    }
    return found;
  };
  const themes = list('themes', (v) => lookup(libraryThemes, v), 'a theme: see the template for the keys');
  const factorGroups = list(
    'factor_groups',
    (v) => options.factorGroupKeys.find((k) => fold(k) === fold(v)) ?? null,
    `a contributory-factor group: use ${options.factorGroupKeys.join(', ')}`,
  );
  const sectors = list(
    'agency_sectors',
    (v) => lookup(agencySectors, v),
    `an agency sector: use ${Object.keys(agencySectors).join(', ')}`,
  );

  let reportUrl: string | null = null;
  if (cells.report_url) {
    let url: URL | null = null;
    try {
      url = new URL(cells.report_url);
    } catch {}
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      fail('report_url', 'Give the report’s address starting with https:// or http://, or leave it empty');
    else if (cells.report_url.length > libraryImportLimits.reportUrl)
      fail(
        'report_url',
        `The address must be ${libraryImportLimits.reportUrl.toLocaleString('en-GB')} characters or fewer`,
      );
    else reportUrl = cells.report_url;
  }

  if (problems.length > before || !reviewType) return null;
  return {
    row,
    reviewTitle,
    reviewType,
    publishedOn,
    statement,
    whyItMatters,
    howItShowed,
    typologyCode,
    themes,
    factorGroups,
    agencySectors: sectors,
    reportUrl,
  };
}

const fileProblem = (message: string): ParsedLibraryImport => ({
  ok: false,
  problems: [{ row: 1, column: '(file)', message }],
  problemCount: 1,
});

/**
 * Reads a CSV import of older published findings (UTF-8, with or without a byte order mark; comma
 * or semicolon separated; headings matched ignoring case and spaces; blank lines skipped) and checks
 * every row against the template: the required columns present, each value of the right kind, at
 * most 5,000 findings. All or nothing: any problem and no row is returned; the first 50 problems are
 * listed, with how many there are in all.
 */
export function parseLibraryImport(csv: string, options: Options): ParsedLibraryImport {
  const text = csv.replace(/^\uFEFF/, '');
  if (!text.trim()) return fileProblem('The file is empty');
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : undefined);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const [headings = [], ...records] = parsed.data;
  const problems: ImportRowProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      row: (e.row ?? 0) + 1,
      column: '(row)',
      message:
        e.code === 'MissingQuotes' ? 'A quoted cell is never closed: check the quotation marks' : e.message,
    }));
  const position = new Map<Column, number>();
  headings.forEach((h, i) => {
    const name = normalHeading(cellText(h)) as Column;
    if ((columns as string[]).includes(name) && !position.has(name)) position.set(name, i);
  });
  for (const column of requiredImportColumns)
    if (!position.has(column))
      problems.push({
        row: 1,
        column,
        message: `The file has no column headed ${column}: add it (see the template)`,
      });
  if (problems.length)
    return {
      ok: false,
      problems: problems.slice(0, libraryImportLimits.problems),
      problemCount: problems.length,
    };

  const data = records
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((c) => cellText(c) !== ''));
  if (!data.length) return fileProblem('The file has no findings below the heading row');
  if (data.length > libraryImportLimits.rows)
    return fileProblem(
      `The file has ${data.length.toLocaleString('en-GB')} findings; import at most ${libraryImportLimits.rows.toLocaleString('en-GB')} at a time: split it`,
    );
  const rows: LibraryImportRow[] = [];
  for (const { cells, row } of data) {
    const byColumn = Object.fromEntries(
      columns.map((c) => [c, position.has(c) ? cellText(cells[position.get(c) ?? 0]) : '']),
    ) as Record<Column, string>;
    const value = readRow(byColumn, row, options, problems);
    if (value) rows.push(value);
  }
  if (problems.length)
    return {
      ok: false,
      problems: problems.slice(0, libraryImportLimits.problems),
      problemCount: problems.length,
    };
  return { ok: true, rows };
}

/** The import template: the heading row and one example finding, as CSV with a byte order mark for Excel. */
export function libraryImportTemplate(): string {
  const example: Record<Column, string> = {
    review_title: 'Child T',
    review_type: 'lcspr',
    published_on: '2022-05-31',
    statement:
      'Health visitors are not told about police call-outs to homes with babies, so they assess risk without knowing about repeated incidents.',
    why_it_matters:
      'Professionals who do not know about earlier incidents judge each one as if it were the first.',
    how_it_showed: 'Police attended the home three times; the health visitor heard about none of the visits.',
    typology: 'incidents_crises',
    themes: 'domestic_abuse;information_sharing',
    factor_groups: 'inter_agency;organisational',
    agency_sectors: 'police;health_community',
    report_url: 'https://example.org/reviews/child-t',
  };
  return `\uFEFF${Papa.unparse({ fields: columns, data: [columns.map((c) => example[c])] }, { newline: '\r\n' })}\r\n`;
}
