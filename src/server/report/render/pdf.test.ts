import { getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentStrings } from '#domain/report/anonymise.ts';
import { pdfText } from './extract.ts';
import { fixtureReportDocument, longTableSection, missingInOrder, withSection } from './fixture.ts';
import { renderReportPdf } from './pdf.ts';

const doc = fixtureReportDocument();
const runningText = (text: string) =>
  text.replace(/Page \d+ of \d+/g, ' ').replaceAll('Child A: Local child safeguarding practice review', ' ');

/** The text of each page outside any marked content, and the text marked as artifacts. */
async function markings(buf: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(buf));
  const untagged: string[] = [];
  const artifacts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'endMarkedContent') open.pop();
        else open.push((item as { tag?: string }).tag ?? '');
      } else if (item.str.trim()) {
        if (open.includes('Artifact')) artifacts.push(item.str);
        else if (open.length === 0) untagged.push(item.str);
      }
    }
  }
  return { untagged, artifacts, pages: pdf.numPages };
}

describe('renderReportPdf', () => {
  let buf: Buffer;
  let raw: string;
  const expectIn = (...wanted: (string | RegExp)[]) => {
    for (const w of wanted)
      expect(typeof w === 'string' ? raw.includes(w) : w.test(raw), String(w)).toBe(true);
  };
  beforeAll(async () => {
    buf = await renderReportPdf(doc);
    raw = buf.toString('latin1');
  });

  it('is a PDF 1.7 whose text holds every heading, paragraph, list item and cell in order', async () => {
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    const text = runningText(await pdfText(buf));
    expect(
      missingInOrder(
        text,
        documentStrings(doc).map((s) => s.text),
      ),
    ).toEqual([]);
    expect(text).toContain('Version 2, generated on 16 September 2024');
  });

  it('is tagged, in British English, with its title shown and its fonts embedded', () => {
    expectIn(
      '/StructTreeRoot',
      /\/MarkInfo \d+ 0 R/,
      '/Marked true',
      '/Lang (en-GB)',
      '/DisplayDocTitle true',
      /\/Title \d+ 0 R/,
      '(Child A: Local child safeguarding practice review)',
      '<pdfuaid:part>1</pdfuaid:part>',
      /\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/,
    );
    expect(raw.match(/\/FontFile2/g)?.length).toBe(2);
    expect(/\/BaseFont \/(Helvetica|Times|Courier)/.test(raw)).toBe(false);
  });

  it('tags headings, paragraphs, lists, tables and the contents, with bookmarks for the sections', () => {
    const types = ['Document', 'Sect', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'TOC', 'TOCI'];
    expectIn(
      ...[...types, 'Table', 'Caption', 'THead', 'TBody', 'TR', 'TH', 'TD'].map((type) => `/S /${type}\n`),
    );
    expectIn('/Scope /Column', '/ListNumbering /Decimal', '/Outlines');
    expectIn('/Title (Finding 1: Records do not follow a child who moves school mid-year)');
  });

  it('marks every piece of text, the running header and page numbers as artifacts', async () => {
    const { untagged, artifacts, pages } = await markings(buf);
    expect(untagged).toEqual([]);
    expect(artifacts).toContain(`Page 2 of ${pages}`);
    expect(artifacts.filter((a) => a.startsWith('Page ')).length).toBe(pages - 1);
  });

  it('lists the sections on the contents page with the page each starts on', async () => {
    const text = await pdfText(buf);
    const contents = text.slice(text.indexOf('Contents'), text.indexOf('Page 2 of'));
    expect(
      missingInOrder(contents, ['Introduction', 'Why this case was chosen', 'Findings', 'Glossary']),
    ).toEqual([]);
    expect(contents).toMatch(/\b3\b/);
  });

  it('continues a long table over pages with its header row repeated, splitting a row taller than a page', async () => {
    const long = await renderReportPdf(withSection(doc, longTableSection(120)));
    const text = runningText(await pdfText(long)).replace(/Number\s+Date\s+What happened/g, ' ');
    const cells = longTableSection(120).blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []));
    expect(missingInOrder(text, cells)).toEqual([]);
    const { untagged, artifacts } = await markings(long);
    expect(untagged).toEqual([]);
    // Drawn again (as an artifact) on each page the table continues on: at least four for 120 rows and a long cell.
    expect(artifacts.filter((a) => a === 'What happened').length).toBeGreaterThanOrEqual(4);
  });

  it('heads a short document with the partnership and the date, and no version', async () => {
    const text = (await pdfText(await renderReportPdf(doc, { short: true }))).replace(/\s+/g, ' ');
    expect(text).toContain('Northshire Safeguarding Children Partnership. Generated on 16 September 2024.');
    expect(text).not.toContain('Version 2');
  });
});
