import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ReportDocument, Section } from '#domain/report/document.ts';
import { paragraphsOf, printableDocument, type RenderOptions, sectionLevel, versionLine } from './common.ts';

const font = 'Arial';
const bullets = 'report-bullets';
const numbers = 'report-numbers';
const headingOf = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

type Child = Paragraph | Table | TableOfContents;

/** Lines of one paragraph as runs, with line breaks between them. */
const runsOf = (lines: readonly string[], bold = false) =>
  lines.map(
    (line, i) => new TextRun({ text: line, ...(bold ? { bold } : {}), ...(i > 0 ? { break: 1 } : {}) }),
  );

function tableOf(block: Extract<Block, { kind: 'table' }>): Child[] {
  if (block.columns.length === 0) return blockOf({ kind: 'paragraph', text: block.caption }, () => 0);
  const cell = (text: string, header: boolean) =>
    new TableCell({
      children: (paragraphsOf(text).length ? paragraphsOf(text) : [['']]).map(
        (lines) => new Paragraph({ children: runsOf(lines, header), spacing: { after: 60 } }),
      ),
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } } : {}),
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c) => cell(c, true)),
  });
  const rows = block.rows.map(
    (row) => new TableRow({ children: block.columns.map((_, i) => cell(row[i] ?? '', false)) }),
  );
  return [
    new Paragraph({ text: block.caption, style: 'Caption', keepNext: true }),
    new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }),
    new Paragraph({ text: '', spacing: { after: 120 } }),
  ];
}

function blockOf(block: Block, listInstance: () => number): Child[] {
  switch (block.kind) {
    case 'paragraph':
      return paragraphsOf(block.text).map((lines) => new Paragraph({ children: runsOf(lines) }));
    case 'heading':
      // Minor headings use Heading 4, which the contents (levels 1 to 3) leave out.
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_4, keepNext: true })];
    case 'list': {
      const instance = listInstance();
      return block.items.map(
        (item) =>
          new Paragraph({
            children: runsOf(paragraphsOf(item).flat()),
            numbering: { reference: block.ordered ? numbers : bullets, level: 0, instance },
          }),
      );
    }
    case 'table':
      return tableOf(block);
  }
}

function sectionOf(section: Section, depth: number, listInstance: () => number, flowing = false): Child[] {
  return [
    new Paragraph({
      text: section.title,
      heading: headingOf[sectionLevel(depth)],
      pageBreakBefore: depth === 1 && !flowing,
    }),
    ...section.blocks.flatMap((b) => blockOf(b, listInstance)),
    ...section.sections.flatMap((s) => sectionOf(s, depth + 1, listInstance, flowing)),
  ];
}

const listLevel = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
  level: 0,
  format,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 720, hanging: 360 } } },
});

/**
 * The report as a Word document: a title page, a table of contents field that Word fills in when
 * the document opens, Heading 1 to 3 for the sections and Heading 4 for the parts of a finding, real
 * bulleted and numbered lists, tables whose header row repeats on each page, British English as its
 * language, and Arial 12 point.
 */
export async function renderReportDocx(input: ReportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const doc = printableDocument(input);
  let lists = 0;
  const listInstance = () => ++lists;
  const titlePage = [
    new Paragraph({ text: doc.title, style: 'Title', spacing: { before: options.short ? 0 : 2400 } }),
    new Paragraph({ text: doc.subtitle, style: 'Subtitle' }),
    new Paragraph({ text: doc.partnershipName, spacing: { before: 480 } }),
    new Paragraph({ text: versionLine(doc) }),
  ];
  const titleBlock = [
    ...titlePage.slice(0, 2),
    new Paragraph({ text: `${doc.partnershipName}. ${versionLine(doc, options)}.` }),
  ];
  const contents = [
    new Paragraph({ text: 'Contents', style: 'TOCHeading' }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' }),
  ];
  const body = doc.sections.flatMap((s) => sectionOf(s, 1, listInstance, Boolean(options.short)));
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })],
      }),
    ],
  });
  const heading = (size: number, before: number) => ({
    run: { font, size, bold: true, color: '0B0C0C' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true },
  });
  const document = new Document({
    title: `${doc.title}: ${doc.subtitle}`,
    creator: doc.partnershipName,
    lastModifiedBy: doc.partnershipName,
    description: `${doc.subtitle}. ${versionLine(doc, options)}.`,
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font, size: 24, language: { value: 'en-GB' } },
          paragraph: { spacing: { after: 160, line: 300 } },
        },
        title: {
          run: { font, size: 56, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: heading(36, 0),
        heading2: heading(30, 360),
        heading3: heading(26, 280),
        heading4: heading(24, 240),
        caption: { run: { font, size: 24, bold: true, italics: false, color: '0B0C0C' } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', run: { font, size: 32, color: '505A5F' } },
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font, size: 36, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { after: 240 } },
        },
      ],
    },
    numbering: {
      config: [
        { reference: bullets, levels: [listLevel(LevelFormat.BULLET, '•')] },
        { reference: numbers, levels: [listLevel(LevelFormat.DECIMAL, '%1.')] },
      ],
    },
    sections: options.short
      ? [
          {
            children: [...titleBlock, ...body],
            footers: { default: footer },
          },
        ]
      : [{ children: titlePage }, { children: [...contents, ...body], footers: { default: footer } }],
  });
  return Packer.toBuffer(document);
}
