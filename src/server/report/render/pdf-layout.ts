import { createRequire } from 'node:module';
import { paragraphsOf } from './common.ts';

/*
 * Drawing tagged content with pdfkit: every piece of text is the content of a structure element
 * (P, H1–H4, L/LI/Lbl/LBody), and anything drawn only for the eye is marked as an artifact.
 * Structure elements are added to a parent that is already in the document's structure tree, so
 * the content they are given is drawn at once, in reading order.
 */

export type Pdf = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;
export type StructOptions = NonNullable<Parameters<Pdf['struct']>[1]>;

const resolve = createRequire(import.meta.url).resolve;
export const fontFiles = {
  regular: resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
export const fonts = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' };
export const colours = { ink: '#0b0c0c', grey: '#505a5f', rule: '#b1b4b6', shade: '#f3f2f1' };

export type TextStyle = {
  font: string;
  size: number;
  colour?: string;
  gap?: number;
  /** Space above, unless at the top of a page. */
  before?: number;
  after?: number;
};
export const styles = {
  body: { font: fonts.regular, size: 11, gap: 3, after: 8 },
  title: { font: fonts.bold, size: 30, gap: 4, after: 12 },
  subtitle: { font: fonts.regular, size: 16, gap: 3, after: 36, colour: colours.grey },
  meta: { font: fonts.regular, size: 12, gap: 3, after: 6 },
  contents: { font: fonts.regular, size: 11, gap: 2, after: 5 },
  H1: { font: fonts.bold, size: 20, gap: 3, after: 12 },
  H2: { font: fonts.bold, size: 15, gap: 3, before: 10, after: 8 },
  H3: { font: fonts.bold, size: 13, gap: 2, before: 8, after: 6 },
  H4: { font: fonts.bold, size: 11.5, gap: 2, before: 4, after: 4 },
} satisfies Record<string, TextStyle>;
export type HeadingTag = 'H1' | 'H2' | 'H3' | 'H4';

/** Where text starts on the page, and how wide it runs. */
export const left = (doc: Pdf) => doc.page.margins.left;
export const contentWidth = (doc: Pdf) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
/** The number of the page being drawn (pages are kept until the end, so this is also its index + 1). */
export const pageNumber = (doc: Pdf) => doc.bufferedPageRange().count;

/** Sets the font and size of `style`, and its colour when `draw` (measuring needs no colour). */
export function applyStyle(doc: Pdf, style: TextStyle, draw = true): Pdf {
  doc.font(style.font).fontSize(style.size);
  return draw ? doc.fillColor(style.colour ?? colours.ink) : doc;
}

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.maxY()) {
    doc.addPage();
  }
}

/** The height of `text` drawn as `textElement` draws it (with its trailing space). */
export function heightOf(doc: Pdf, text: string, style: TextStyle, width = contentWidth(doc)): number {
  applyStyle(doc, style, false);
  return doc.heightOfString(`${text} `, { width, lineGap: style.gap ?? 0 });
}

/** The height of one line of text in `style`. */
export const lineHeight = (doc: Pdf, style: TextStyle) => heightOf(doc, 'X', style);

/** A structure element added to `parent`, with `draw` as its content when given. */
export function element(
  doc: Pdf,
  parent: Struct,
  type: string,
  draw?: () => void,
  options: StructOptions = {},
): Struct {
  const el = doc.struct(type, options);
  parent.add(el);
  if (draw) el.add(draw);
  return el;
}

/**
 * Text as the content of a new `type` element: wrapped to `width`, continued on the next page when
 * it runs past the bottom. The trailing space keeps words apart when the text is extracted.
 */
export function textElement(
  doc: Pdf,
  parent: Struct,
  type: string,
  text: string,
  style: TextStyle,
  { x = left(doc), width = contentWidth(doc) }: { x?: number; width?: number } = {},
): Struct {
  if (style.before && doc.y > doc.page.margins.top) doc.y += style.before;
  const el = element(doc, parent, type, () => {
    applyStyle(doc, style);
    doc.text(`${text} `, x, doc.y, { width, lineGap: style.gap ?? 0 });
  });
  el.end();
  doc.y += style.after ?? 0;
  return el;
}

/** Draws `draw` as an artifact: a rule, a background, a running header or a page number. */
export function artifact(doc: Pdf, type: 'Pagination' | 'Layout', draw: () => void): void {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** A paragraph block: one P for each paragraph of its text, line breaks kept. */
export function paragraphs(doc: Pdf, parent: Struct, text: string): void {
  for (const lines of paragraphsOf(text)) textElement(doc, parent, 'P', lines.join('\n'), styles.body);
}

/** A heading kept with what follows it: moved to the next page unless three lines of text fit below it. */
export function keepHeading(doc: Pdf, text: string, tag: HeadingTag): void {
  const style: TextStyle = styles[tag];
  const around = (style.before ?? 0) + (style.after ?? 0);
  ensureSpace(doc, heightOf(doc, text, style) + around + 3 * lineHeight(doc, styles.body));
}

/** A bulleted or numbered list: L, with an LI for each item holding its label (Lbl) and its text (LBody). */
export function list(doc: Pdf, parent: Struct, items: readonly string[], ordered: boolean): void {
  const L = element(doc, parent, 'L');
  (L as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = {
    O: 'List',
    ListNumbering: ordered ? 'Decimal' : 'Disc',
  };
  const indent = ordered ? 26 : 18;
  const x = left(doc);
  const width = contentWidth(doc) - indent;
  items.forEach((item, i) => {
    const text = paragraphsOf(item)
      .map((lines) => lines.join('\n'))
      .join('\n');
    ensureSpace(doc, lineHeight(doc, styles.body));
    const y = doc.y;
    const LI = element(doc, L, 'LI');
    element(doc, LI, 'Lbl', () => {
      applyStyle(doc, styles.body);
      doc.text(ordered ? `${i + 1}. ` : '• ', x + (ordered ? 0 : 4), y, { lineBreak: false });
    }).end();
    element(doc, LI, 'LBody', () => {
      applyStyle(doc, styles.body);
      doc.text(`${text} `, x + indent, y, { width, lineGap: styles.body.gap });
    }).end();
    LI.end();
    doc.y += 4;
  });
  L.end();
  doc.y += styles.body.after - 4;
}
