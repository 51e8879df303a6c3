import type { Block } from '#domain/report/document.ts';
import {
  applyStyle,
  artifact,
  colours,
  contentWidth,
  element,
  ensureSpace,
  fonts,
  heightOf,
  left,
  type Pdf,
  paragraphs,
  type Struct,
  type StructOptions,
  styles,
  type TextStyle,
  textElement,
} from './pdf-layout.ts';

/*
 * A table in the tagged PDF: Table with its Caption, a THead row of TH cells (scope Column) and a
 * TBody of TD cells. Rows move to the next page whole when they fit on one; the header row is drawn
 * again at the top of each page the table continues on, as an artifact (it is in the structure
 * once). A row taller than a page is split between pages at a word.
 */

type TableBlock = Extract<Block, { kind: 'table' }>;

const cellStyle = { font: fonts.regular, size: 10, gap: 1.5 } satisfies TextStyle;
const headStyle = { ...cellStyle, font: fonts.bold } satisfies TextStyle;
const captionStyle = { font: fonts.bold, size: 11, gap: 2, after: 4 } satisfies TextStyle;
const PAD = 4;
const WIDTH_SAMPLE = 200;
const headerCell = { scope: 'Column' } as unknown as StructOptions;

/** Column widths from the texts: wide enough for the longest word, the rest shared by how much each holds. */
function columnWidths(doc: Pdf, block: TableBlock, total: number): number[] {
  const n = block.columns.length;
  const natural = new Array<number>(n).fill(0);
  const minimum = new Array<number>(n).fill(0);
  const measure = (cells: readonly string[], style: TextStyle) => {
    applyStyle(doc, style, false);
    for (let i = 0; i < n; i++) {
      const text = cells[i] ?? '';
      natural[i] = Math.max(natural[i]!, Math.min(doc.widthOfString(`${text} `) + 1, total));
      for (const word of text.split(/\s+/))
        minimum[i] = Math.max(minimum[i]!, doc.widthOfString(`${word} `) + 1);
    }
  };
  measure(block.columns, headStyle);
  for (const row of block.rows.slice(0, WIDTH_SAMPLE)) measure(row, cellStyle);
  const nat = natural.map((w) => w + 2 * PAD);
  const min = minimum.map((w, i) => Math.min(w + 2 * PAD, total * 0.4, nat[i]!));
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
  if (sum(nat) <= total) return nat.map((w) => (w * total) / sum(nat));
  if (sum(min) >= total) return min.map((w) => (w * total) / sum(min));
  // Share out what is left evenly among the columns that want more, none beyond its natural width.
  const widths = [...min];
  for (let left = total - sum(min); left > 0.5; ) {
    const wanting = widths.flatMap((w, i) => (w < nat[i]! - 0.01 ? [i] : []));
    const share = left / wanting.length;
    for (const i of wanting) {
      const add = Math.min(share, nat[i]! - widths[i]!);
      widths[i]! += add;
      left -= add;
    }
  }
  return widths;
}

/** The longest run of whole words from the start of `text` that fits in `height`, and the rest. */
function splitToFit(doc: Pdf, text: string, width: number, height: number): [string, string] {
  if (heightOf(doc, text, cellStyle, width) <= height) return [text, ''];
  const words = text.split(/(?<=\s)/);
  let lo = 1;
  let hi = words.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (heightOf(doc, words.slice(0, mid).join(''), cellStyle, width) <= height) lo = mid;
    else hi = mid - 1;
  }
  return [words.slice(0, lo).join('').trimEnd(), words.slice(lo).join('')];
}

/** Draws a table block under `parent`. */
export function table(doc: Pdf, parent: Struct, block: TableBlock): void {
  if (block.columns.length === 0) {
    paragraphs(doc, parent, block.caption);
    return;
  }
  const x0 = left(doc);
  const widths = columnWidths(doc, block, contentWidth(doc));
  const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const inner = (i: number) => widths[i]! - 2 * PAD;
  const cellsOf = (row: readonly string[]) => block.columns.map((_, i) => row[i] ?? '');
  // Tables repeat values (dates, agencies, labels), so heights are kept by column and text.
  const heights = new Map<string, number>();
  const cellHeight = (text: string, i: number, style: TextStyle) => {
    const key = `${style.font}|${i}|${text}`;
    const known = heights.get(key);
    if (known !== undefined) return known;
    const height = heightOf(doc, text, style, inner(i));
    heights.set(key, height);
    return height;
  };
  const heightOfRow = (cells: readonly string[], style: TextStyle) =>
    Math.max(...cells.map((text, i) => (text ? cellHeight(text, i, style) : 0)), 0) + 2 * PAD;

  const frame = (y: number, height: number, head: boolean) =>
    artifact(doc, 'Layout', () => {
      doc.save().lineWidth(0.75).strokeColor(colours.rule);
      widths.forEach((w, i) => {
        if (head) doc.rect(xs[i]!, y, w, height).fill(colours.shade);
        doc.rect(xs[i]!, y, w, height).stroke();
      });
      doc.restore();
    });
  const drawText = (text: string, i: number, y: number, style: TextStyle) => {
    applyStyle(doc, style);
    doc.text(`${text} `, xs[i]! + PAD, y + PAD, { width: inner(i), lineGap: style.gap });
  };
  const headerHeight = heightOfRow(block.columns, headStyle);
  const repeatHeader = () => {
    doc.addPage();
    const y = doc.y;
    frame(y, headerHeight, true);
    artifact(doc, 'Pagination', () => {
      block.columns.forEach((text, i) => {
        drawText(text, i, y, headStyle);
      });
    });
    doc.y = y + headerHeight;
  };

  // The caption and header row go to the next page unless the first row (or four lines of it) fits below them.
  const fresh = () => doc.page.maxY() - doc.page.margins.top - headerHeight;
  const fourLines = 4 * heightOf(doc, 'X', cellStyle) + 2 * PAD;
  const first = block.rows[0] ? heightOfRow(cellsOf(block.rows[0]), cellStyle) : 0;
  const captionHeight = heightOf(doc, block.caption, captionStyle) + captionStyle.after;
  ensureSpace(doc, captionHeight + headerHeight + (first <= fresh() ? first : fourLines));
  const Table = element(doc, parent, 'Table');
  textElement(doc, Table, 'Caption', block.caption, captionStyle);

  const head = element(doc, element(doc, Table, 'THead'), 'TR');
  const headY = doc.y;
  frame(headY, headerHeight, true);
  block.columns.forEach((text, i) => {
    element(doc, head, 'TH', () => drawText(text, i, headY, headStyle), headerCell).end();
  });
  head.end();
  doc.y = headY + headerHeight;

  const body = element(doc, Table, 'TBody');
  for (const row of block.rows) {
    const tr = element(doc, body, 'TR');
    const cells = block.columns.map(() => element(doc, tr, 'TD'));
    let rest = cellsOf(row);
    for (;;) {
      const height = heightOfRow(rest, cellStyle);
      const room = doc.page.maxY() - doc.y;
      if (height <= room) {
        const y = doc.y;
        frame(y, height, false);
        rest.forEach((text, i) => {
          if (text) cells[i]!.add(() => drawText(text, i, y, cellStyle));
        });
        doc.y = y + height;
        break;
      }
      if (height <= fresh() || room < fourLines) {
        repeatHeader();
        continue;
      }
      const parts = rest.map((text, i) => splitToFit(doc, text, inner(i), room - 2 * PAD));
      const y = doc.y;
      frame(y, room, false);
      parts.forEach(([now], i) => {
        if (now) cells[i]!.add(() => drawText(now, i, y, cellStyle));
      });
      rest = parts.map(([, later]) => later);
      repeatHeader();
    }
    for (const cell of cells) cell.end();
    tr.end();
  }
  body.end();
  Table.end();
  doc.y += styles.body.after + 4;
}
