import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ImportRowError } from '#domain/chronology/chronology.ts';
import { MAX_IMPORT_ROWS } from '#domain/chronology/import-rows.ts';
import type { Cell } from '#domain/chronology/import-values.ts';

export type Table = { headings: Cell[]; rows: Cell[][] };
type Parsed = { table: Table; errors: ImportRowError[] } | { table: null; errors: ImportRowError[] };

const fileError = (reason: string): Parsed => ({
  table: null,
  errors: [{ row: 1, column: '(file)', reason }],
});

/** Reads a CSV file (UTF-8, with or without a byte order mark; comma or semicolon separated) into a table. */
export function parseCsv(bytes: Buffer): Parsed {
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    return fileError('This is an old Excel file (.xls): save it as .xlsx or CSV and upload it again');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileError('The file is not readable text: save it as CSV UTF-8, or upload the .xlsx workbook');
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trim()) return fileError('The file is empty');
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : undefined);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const [headings = [], ...rows] = result.data;
  const errors: ImportRowError[] = result.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({
      row: (e.row ?? 0) + 1,
      column: '(row)',
      reason:
        e.code === 'MissingQuotes' ? 'A quoted cell is never closed: check the quotation marks' : e.message,
    }));
  return { table: { headings, rows }, errors };
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value as Cell;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('error' in value) return null;
  return String(value);
}

/** Reads the first sheet of an Excel workbook into a table; date cells stay dates. */
export async function parseXlsx(bytes: Buffer): Promise<Parsed> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fileError('The file is not a readable Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return fileError('The first sheet of the workbook is empty');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1)
    return fileError(
      `The first sheet has ${sheet.rowCount} rows; a file may hold at most ${MAX_IMPORT_ROWS}: split it`,
    );
  const table: Table = { headings: [], rows: [] };
  const width = Math.min(sheet.columnCount, 200);
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellValue(row.getCell(c).value));
    if (r === 1) table.headings = cells;
    else table.rows.push(cells);
  }
  return { table, errors: [] };
}
