import type { Block, ReportDocument, Section } from '#domain/report/document.ts';
import {
  contentsEntries,
  minorHeadingLevel,
  printableDocument,
  type RenderOptions,
  sectionLevel,
  versionLine,
} from './common.ts';
import {
  applyStyle,
  artifact,
  colours,
  contentWidth,
  element,
  fontFiles,
  fonts,
  type HeadingTag,
  heightOf,
  keepHeading,
  left,
  list,
  type Pdf,
  pageNumber,
  paragraphs,
  type Struct,
  styles,
  textElement,
} from './pdf-layout.ts';
import { table } from './pdf-table.ts';

/*
 * The report as a tagged PDF (PDF/UA): DejaVu Sans embedded, British English as the document
 * language, the title shown in the window, a structure tree in reading order, bookmarks for the
 * sections, a contents page with page numbers, and the running header and page numbers as artifacts.
 */

const MARGINS = { top: 64, bottom: 72, left: 64, right: 64 };
const NUMBER_WIDTH = 36;

type Ctx = { doc: Pdf; startPages: Map<Section, number>; flowing: boolean };

function blockOf(ctx: Ctx, parent: Struct, block: Block, depth: number): void {
  const { doc } = ctx;
  switch (block.kind) {
    case 'paragraph':
      paragraphs(doc, parent, block.text);
      break;
    case 'heading': {
      const tag = `H${minorHeadingLevel(depth)}` as HeadingTag;
      keepHeading(doc, block.text, tag);
      textElement(doc, parent, tag, block.text, styles[tag]);
      break;
    }
    case 'list':
      list(doc, parent, block.items, block.ordered);
      break;
    case 'table':
      table(doc, parent, block);
      break;
  }
}

function sectionOf(
  ctx: Ctx,
  parent: Struct,
  outline: PDFKit.PDFOutline,
  section: Section,
  depth: number,
): void {
  const { doc } = ctx;
  const tag = `H${sectionLevel(depth)}` as HeadingTag;
  const sect = element(doc, parent, 'Sect', undefined, { title: section.title });
  if (depth === 1 && !ctx.flowing) doc.addPage();
  else keepHeading(doc, section.title, tag);
  ctx.startPages.set(section, pageNumber(doc));
  const item = outline.addItem(section.title);
  textElement(doc, sect, tag, section.title, styles[tag]);
  for (const block of section.blocks) blockOf(ctx, sect, block, depth);
  for (const sub of section.sections) sectionOf(ctx, sect, item, sub, depth + 1);
  sect.end();
}

/** A short document's heading block at the top of its first page, in place of a title page. */
function titleBlock(doc: Pdf, root: Struct, report: ReportDocument): void {
  const sect = element(doc, root, 'Sect', undefined, { title: 'Title' });
  textElement(doc, sect, 'H1', report.title, styles.H1);
  textElement(doc, sect, 'P', report.subtitle, styles.subtitle);
  textElement(doc, sect, 'P', `${report.partnershipName}. ${versionLine(report, { short: true })}.`, {
    ...styles.meta,
    colour: colours.grey,
  });
  sect.end();
}

function titlePage(doc: Pdf, root: Struct, report: ReportDocument): void {
  const sect = element(doc, root, 'Sect', undefined, { title: 'Title page' });
  doc.y = 220;
  textElement(doc, sect, 'P', report.title, styles.title);
  textElement(doc, sect, 'P', report.subtitle, styles.subtitle);
  textElement(doc, sect, 'P', report.partnershipName, styles.meta);
  textElement(doc, sect, 'P', versionLine(report), { ...styles.meta, colour: colours.grey });
  sect.end();
}

type PendingNumber = { toci: Struct; section: Section; page: number; y: number };

/** The contents: a TOC of the sections and subsections; their page numbers are added once known. */
function contentsPage(doc: Pdf, root: Struct, report: ReportDocument) {
  doc.addPage();
  const sect = element(doc, root, 'Sect', undefined, { title: 'Contents' });
  textElement(doc, sect, 'H1', 'Contents', styles.H1);
  const toc = element(doc, sect, 'TOC');
  const pending: PendingNumber[] = [];
  for (const { section, depth } of contentsEntries(report)) {
    const indent = (depth - 1) * 18;
    const style = depth === 1 ? { ...styles.contents, font: fonts.bold } : styles.contents;
    const width = contentWidth(doc) - indent - NUMBER_WIDTH;
    if (depth === 1) doc.y += 4;
    if (doc.y + heightOf(doc, section.title, style, width) > doc.page.maxY()) doc.addPage();
    const toci = element(doc, toc, 'TOCI');
    pending.push({ toci, section, page: pageNumber(doc), y: doc.y });
    textElement(doc, toci, 'P', section.title, style, { x: left(doc) + indent, width });
  }
  return { sect, toc, pending };
}

function addPageNumbers(ctx: Ctx, contents: ReturnType<typeof contentsPage>): void {
  const { doc } = ctx;
  const { sect, toc, pending } = contents;
  for (const { toci, section, page, y } of pending) {
    doc.switchToPage(page - 1);
    const x = doc.page.width - doc.page.margins.right - NUMBER_WIDTH;
    element(doc, toci, 'Reference', () => {
      applyStyle(doc, styles.contents);
      doc.text(String(ctx.startPages.get(section) ?? ''), x, y, { width: NUMBER_WIDTH, align: 'right' });
    }).end();
    toci.end();
  }
  toc.end();
  sect.end();
}

function runningHeadersAndFooters(doc: Pdf, report: ReportDocument, from: number): void {
  const { count } = doc.bufferedPageRange();
  for (let i = from; i < count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    artifact(doc, 'Pagination', () => {
      applyStyle(doc, { font: fonts.regular, size: 9, colour: colours.grey });
      const header = `${report.title}: ${report.subtitle}`;
      doc.text(header, left(doc), 32, { width: contentWidth(doc), height: 11, ellipsis: true });
      const label = `Page ${i + 1} of ${count}`;
      doc.text(label, (width - doc.widthOfString(label)) / 2, height - MARGINS.bottom + 30, {
        lineBreak: false,
      });
    });
  }
}

/**
 * The report as an accessible, tagged PDF: headings H1 to H4, paragraphs, lists and tables in the
 * structure tree, bookmarks and a contents page for the sections, A4 with 11-point DejaVu Sans.
 */
export async function renderReportPdf(input: ReportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const report = printableDocument(input);
  const title = `${report.title}: ${report.subtitle}`;
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    pdfVersion: '1.7',
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: true,
    font: fontFiles.regular,
    info: {
      Title: title,
      Author: report.partnershipName,
      Subject: versionLine(report, options),
      Creator: 'Sightlines',
    },
  });
  doc.registerFont(fonts.regular, fontFiles.regular);
  doc.registerFont(fonts.bold, fontFiles.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const ctx: Ctx = { doc, startPages: new Map(), flowing: Boolean(options.short) };
  const root = doc.struct('Document', { title });
  doc.addStructure(root);
  if (options.short) titleBlock(doc, root, report);
  else titlePage(doc, root, report);
  const contents = options.short ? null : contentsPage(doc, root, report);
  for (const section of report.sections) sectionOf(ctx, root, doc.outline, section, 1);
  if (contents) addPageNumbers(ctx, contents);
  runningHeadersAndFooters(doc, report, options.short ? 0 : 1);
  root.end();
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
