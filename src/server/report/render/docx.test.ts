import { beforeAll, describe, expect, it } from 'vitest';
import { documentStrings } from '#domain/report/anonymise.ts';
import type { Block } from '#domain/report/document.ts';
import { unzip } from '../../meeting/testing.ts';
import { renderReportDocx } from './docx.ts';
import { docxText } from './extract.ts';
import { fixtureReportDocument, missingInOrder, withSection } from './fixture.ts';

const doc = fixtureReportDocument();
const blocks = (kind: Block['kind']) =>
  JSON.stringify(doc.sections).match(new RegExp(`"kind":"${kind}"`, 'g'))?.length ?? 0;
const count = (xml: string, re: RegExp) => xml.match(re)?.length ?? 0;

describe('renderReportDocx', () => {
  let buf: Buffer;
  let files: Map<string, Buffer>;
  const xml = (name: string) => files.get(name)?.toString('utf8') ?? '';
  beforeAll(async () => {
    buf = await renderReportDocx(doc);
    files = unzip(buf);
  });

  it('is a Word document whose text holds every heading, paragraph, list item and cell in order', async () => {
    expect(buf.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const text = await docxText(buf);
    expect(
      missingInOrder(
        text,
        documentStrings(doc).map((s) => s.text),
      ),
    ).toEqual([]);
    expect(text).toContain('Northshire Safeguarding Children Partnership');
    expect(text).toContain('Version 2, generated on 16 September 2024');
    expect(text).toContain('Finding 1: Records do not follow a child who moves school mid-year');
  });

  it('has a table of contents field over Heading 1 to 3, updated when Word opens the document', () => {
    const body = xml('word/document.xml');
    expect(body).toContain('TOC \\h \\o &quot;1-3&quot;');
    expect(xml('word/settings.xml')).toContain('<w:updateFields');
    // The contents are written out too, for applications that do not update fields.
    expect(count(body, /w:val="TOC1"/g)).toBe(doc.sections.length);
  });

  it('uses heading styles: Heading 1 for sections, 2 for subsections and 4 for the parts of a finding', () => {
    const body = xml('word/document.xml');
    const styled = (style: string, text: string) =>
      new RegExp(`w:val="${style}"/>(?:(?!</w:p>).)*>${text}<`).test(body);
    expect(styled('Heading1', 'Findings')).toBe(true);
    expect(
      styled('Heading2', 'Finding 2: Men who live in or visit the home are rarely part of assessments'),
    ).toBe(true);
    expect(styled('Heading4', 'Issues for the board')).toBe(true);
    expect(styled('Title', 'Child A')).toBe(true);
  });

  it('writes lists as Word numbering, each numbered list counting from 1', () => {
    const body = xml('word/document.xml');
    const items = doc.sections
      .flatMap(function all(s): Block[] {
        return [...s.blocks, ...s.sections.flatMap(all)];
      })
      .flatMap((b) => (b.kind === 'list' ? b.items : []));
    expect(count(body, /<w:numPr>/g)).toBe(items.length);
    expect(xml('word/numbering.xml')).toContain('<w:numFmt w:val="decimal"/>');
    expect(xml('word/numbering.xml')).toContain('<w:numFmt w:val="bullet"/>');
    const lists = new Set(body.match(/<w:numId w:val="\d+"\/>/g));
    expect(lists.size).toBe(blocks('list'));
    expect(body).not.toMatch(/<w:t[^>]*>(?:•|\d+\.)\s/);
  });

  it('gives each table a caption and a header row that repeats on every page', () => {
    const body = xml('word/document.xml');
    expect(count(body, /<w:tblHeader\/>/g)).toBe(blocks('table'));
    expect(count(body, /<w:pStyle w:val="Caption"\/>/g)).toBe(blocks('table'));
  });

  it('is in British English, with the report’s title, the partnership as author and a description', () => {
    expect(xml('word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
    const core = xml('docProps/core.xml');
    expect(core).toContain('<dc:title>Child A: Local child safeguarding practice review</dc:title>');
    expect(core).toContain('<dc:creator>Northshire Safeguarding Children Partnership</dc:creator>');
    expect(core).toContain('<dc:description>Local child safeguarding practice review. Version 2');
  });

  it('heads a short document with the partnership and the date, and no version', async () => {
    const short = await renderReportDocx(doc, { short: true });
    const text = await docxText(short);
    expect(text).toContain('Northshire Safeguarding Children Partnership. Generated on 16 September 2024.');
    expect(text).not.toContain('Version 2');
    expect(unzip(short).get('docProps/core.xml')?.toString('utf8')).toContain(
      '<dc:description>Local child safeguarding practice review. Generated on 16 September 2024.',
    );
  });

  it('stays a valid document when the text holds control characters', async () => {
    const odd = withSection(doc, {
      id: 'odd',
      title: 'Odd\u0001 text',
      origin: 'narrative',
      blocks: [{ kind: 'paragraph', text: 'Tab\there, bell\u0007 and a lone \ud800 surrogate' }],
      sections: [],
    });
    const text = await docxText(await renderReportDocx(odd));
    expect(text).toContain('Odd text');
    expect(text).toContain('Tab here, bell and a lone \ufffd surrogate');
  });
});
