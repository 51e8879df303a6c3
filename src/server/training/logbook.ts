import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { formatLongDate } from '#domain/publication/rules.ts';
import type { TrainingRecordDto } from '#domain/training/training.ts';
import { bullets, plainDocx } from '../letter/docx.ts';

const cell = (text: string, bold = false) =>
  new TableCell({
    children: (text || ' ')
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });

const detail = (label: string, value: string | null) =>
  new Paragraph({
    children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value || 'Not recorded')],
  });

const bullet = (text: string) => new Paragraph({ text, numbering: { reference: bullets, level: 0 } });

/**
 * A reviewer's accreditation logbook as a Word document: who they are, their status, accrediting
 * body, cohort, supervisor and practice review; a table of their milestones (date, milestone,
 * outcome, notes); and what the programme still expects. Built with real headings, a table with a
 * header row, British English and a plain sans-serif font.
 */
export async function renderLogbookDocx(
  record: TrainingRecordDto,
  meta: { author: string; on: string },
): Promise<Buffer> {
  const { reviewer, milestones, outstanding } = record;
  const title = `Accreditation logbook: ${reviewer.name}`;
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: ['Date', 'Milestone', 'Outcome', 'Notes'].map((h) => cell(h, true)),
      }),
      ...milestones.map(
        (m) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(formatLongDate(m.on)),
              cell(m.kindLabel),
              cell(m.outcome ?? ''),
              cell(m.notes ?? ''),
            ],
          }),
      ),
    ],
  });
  const children = [
    new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
    detail('Status', reviewer.statusLabel),
    detail('Accredited on', reviewer.accreditedOn ? formatLongDate(reviewer.accreditedOn) : null),
    detail('Accrediting body', reviewer.accreditingBody),
    detail('Cohort', reviewer.cohort?.name ?? null),
    detail('Supervisor', reviewer.supervisor?.name ?? null),
    detail('Practice review', reviewer.practiceReview?.title ?? null),
    new Paragraph({ text: 'Milestones', heading: HeadingLevel.HEADING_2 }),
    ...(milestones.length ? [table] : [new Paragraph('No milestones are recorded yet.')]),
    new Paragraph({ text: 'Still to do', heading: HeadingLevel.HEADING_2 }),
    ...(outstanding.length
      ? outstanding.map(bullet)
      : [new Paragraph('Nothing: the programme expects no more milestones.')]),
    new Paragraph({
      children: [
        new TextRun({ text: `Produced by Sightlines on ${formatLongDate(meta.on)}.`, italics: true }),
      ],
    }),
  ];
  return plainDocx({ title, author: meta.author }, children);
}
