import ExcelJS from 'exceljs';
import { importColumns } from '#domain/chronology/chronology.ts';
import type { Session, TestApp } from '../testing/harness.ts';
import { CSV_TYPE, XLSX_TYPE } from './upload.ts';

export const templateHeadings = Object.values(importColumns).map((c) => c.label);

/** A CSV line, quoting each cell. */
export const csvLine = (cells: readonly string[]) =>
  cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');

/** `count` good rows from one agency, a day apart from 2025-01-01, each with its own words. */
export function goodRows(count: number, start = 0): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(2025, 0, 1) + (start + i) * 3_600_000 * 6);
    return [
      d.toISOString().slice(0, 10),
      '',
      '',
      '',
      'Health visitor',
      `Contact number ${start + i} recorded about feeding, weight and sleep routine`,
      i % 3 === 0 ? 'low' : '',
      'contact',
      '',
      `HV-${start + i}`,
    ];
  });
}

export const toCsv = (rows: readonly (readonly string[])[], headings: readonly string[] = templateHeadings) =>
  [csvLine(headings), ...rows.map(csvLine)].join('\r\n');

/** An Excel workbook with the template headings and these rows (date columns as real dates where they parse). */
export async function toXlsx(rows: readonly (readonly (string | Date)[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Returns');
  sheet.addRow(templateHeadings);
  for (const r of rows) sheet.addRow([...r]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads a file to preview an import, as the web does. */
export function upload(
  t: TestApp,
  session: Session | null,
  url: string,
  payload: string | Buffer,
  kind: 'csv' | 'xlsx' = 'csv',
) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      'content-type': kind === 'csv' ? CSV_TYPE : XLSX_TYPE,
    },
    payload,
  });
}
