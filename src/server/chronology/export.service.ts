import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import Papa from 'papaparse';
import type { z } from 'zod';
import {
  type ChronologyEventDto,
  datePrecisions,
  type exportChronologyQuery,
  importColumns,
} from '#domain/chronology/chronology.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { ReviewCtx } from '../review/access.ts';
import { queryEvents } from './chronology.service.ts';

const templateExample = [
  '2026-03-02',
  'exact',
  '10:30',
  '',
  'Health visitor',
  'Home visit: mother said the child had been unsettled at night',
  'medium',
  'home visit; sleep',
  'CSC=2026-03-09',
  'HV record, entry 14',
];

/** The import template: the headings of each column and one example row, as CSV or an Excel workbook with a guide sheet. */
export async function chronologyTemplate(format: 'csv' | 'xlsx'): Promise<Buffer> {
  const headings = Object.values(importColumns).map((c) => c.label);
  if (format === 'csv') return Buffer.from(`\uFEFF${Papa.unparse([headings, templateExample])}\r\n`, 'utf8');
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Chronology');
  sheet.addRow(headings).font = { bold: true };
  sheet.addRow(templateExample);
  sheet.columns.forEach((c, i) => {
    c.width = i === 5 ? 60 : 18;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const guide = workbook.addWorksheet('How to fill this in');
  guide.addRow(['Column', 'Required', 'How to fill it in']).font = { bold: true };
  for (const c of Object.values(importColumns)) guide.addRow([c.label, c.required ? 'Yes' : 'No', c.hint]);
  guide.columns = [{ width: 22 }, { width: 10 }, { width: 80 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const whoKnew = (e: ChronologyEventDto) =>
  e.knowledge.map((k) => `${k.agencyName} (${k.learnedOn})`).join('; ');
const when = (e: ChronologyEventDto) =>
  `${e.occurredOn}${e.occurredTime ? ` ${e.occurredTime}` : ''}${e.endsOn ? ` to ${e.endsOn}` : ''}`;

const flat = (e: ChronologyEventDto) => ({
  Date: e.occurredOn,
  'Date precision': e.datePrecision,
  Time: e.occurredTime ?? '',
  'End date': e.endsOn ?? '',
  Agency: e.agencyName,
  'Practitioner role': e.practitionerRole ?? '',
  'What happened': e.summary,
  Significance: e.significance ?? '',
  Tags: e.tags.join('; '),
  Disputed: e.disputed ? 'Yes' : 'No',
  'Who knew': whoKnew(e),
  'Other accounts': e.perspectives
    .map((p) => `${p.agencyName ?? p.personRole ?? 'Unattributed'}: ${p.account}`)
    .join('\n'),
});

/** Cells that a spreadsheet would run as a formula are written as text. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The narrative as a CSV file. */
export function exportCsv(events: ChronologyEventDto[]): Buffer {
  const rows = events
    .map(flat)
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, safe(v)])));
  const fields = Object.keys(
    flat({ knowledge: [], perspectives: [], tags: [] } as unknown as ChronologyEventDto),
  );
  return Buffer.from(
    `\uFEFF${Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f])) })}\r\n`,
    'utf8',
  );
}

/** The narrative as an Excel table, with dates as dates. */
export async function exportXlsx(events: ChronologyEventDto[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Narrative');
  const headings = Object.keys(
    flat({ knowledge: [], perspectives: [], tags: [] } as unknown as ChronologyEventDto),
  );
  const rows = events.map((e) => {
    const r = flat(e);
    return headings.map((h) => {
      if (h === 'Date') return new Date(`${e.occurredOn}T00:00:00Z`);
      if (h === 'End date') return e.endsOn ? new Date(`${e.endsOn}T00:00:00Z`) : null;
      return r[h as keyof typeof r];
    });
  });
  sheet.addTable({
    name: 'Narrative',
    displayName: 'Narrative',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: headings.map((name) => ({ name, filterButton: true })),
    rows: rows.length ? rows : [headings.map(() => null)],
  });
  for (const c of [1, 4]) sheet.getColumn(c).numFmt = 'yyyy-mm-dd';
  sheet.columns.forEach((c, i) => {
    c.width = i === 6 ? 60 : 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cell = (text: string, bold = false) =>
  new TableCell({
    children: text.split('\n').map((t) => new Paragraph({ children: [new TextRun({ text: t, bold })] })),
  });

/** The narrative as a Word document: a heading and a table of date, agency, role, what happened and who knew. */
export async function exportDocx(events: ChronologyEventDto[], title: string): Promise<Buffer> {
  const header = new TableRow({
    tableHeader: true,
    children: ['Date', 'Agency', 'Role', 'What happened', 'Who knew (and when)'].map((h) => cell(h, true)),
  });
  const body = events.map(
    (e) =>
      new TableRow({
        children: [
          cell(
            `${when(e)}${e.datePrecision === 'exact' ? '' : ` (${datePrecisions[e.datePrecision].toLowerCase()})`}`,
          ),
          cell(e.agencyName),
          cell(e.practitionerRole ?? ''),
          cell(
            `${e.summary}${e.disputed ? '\nAccounts disagree' : ''}${e.perspectives.map((p) => `\n${p.agencyName ?? p.personRole ?? 'Another account'}: ${p.account}`).join('')}`,
          ),
          cell(e.knowledge.map((k) => `${k.agencyName}: ${k.learnedOn}`).join('\n')),
        ],
      }),
  );
  const doc = new Document({
    title: `Multi-agency narrative: ${title}`,
    sections: [
      {
        children: [
          new Paragraph({ text: `Multi-agency narrative: ${title}`, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: `${events.length} events`, alignment: AlignmentType.LEFT }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...body] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const media = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** The narrative, filtered as listed, as a CSV, Excel or Word file; the export is audited, as the file leaves the system. */
export async function exportChronology(
  ctx: ReviewCtx,
  query: z.output<typeof exportChronologyQuery>,
): Promise<{ body: Buffer; type: string; fileName: string }> {
  const { format, ...filters } = query;
  const events = await queryEvents(ctx, filters);
  const title = ctx.review.title;
  const body =
    format === 'csv'
      ? exportCsv(events)
      : format === 'xlsx'
        ? await exportXlsx(events)
        : await exportDocx(events, title);
  await auditAction(ctx, {
    action: 'chronology.exported',
    entityType: 'review',
    entityId: ctx.review.id,
    details: {
      format,
      eventCount: events.length,
      filtered: Object.keys(filters).filter((k) => k !== 'sort'),
    },
  });
  const slug =
    title
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'review';
  return { body, type: media[format], fileName: `narrative-${slug}.${format}` };
}
