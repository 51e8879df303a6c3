import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GenEntry, register, text } from '#domain/pseudonym/arbitraries.ts';
import { scanIdentifiers } from '#domain/pseudonym/scan.ts';
import { documentStrings, pseudonymiseDocument } from '#domain/report/anonymise.ts';
import type { ReportDocument } from '#domain/report/document.ts';
import { renderReportDocx } from './docx.ts';
import { docxText, pdfText } from './extract.ts';
import { missingInOrder } from './fixture.ts';
import { renderReportPdf } from './pdf.ts';

/*
 * Generated registers and texts that mention them in every form (the pseudonymiser's own
 * arbitraries), put in each place a report holds text, pseudonymised as a version is, rendered to
 * DOCX and PDF and read back from the files: the scan finds no register form in what a reader of
 * either file would see. Rendering changes only whitespace (PDF lines wrap between words, which the
 * matcher reads as spaces), so a name cannot come back through the renderers.
 *
 * Each run renders two files, so the runs are few (20; set REPORT_FORMAT_RUNS for a longer hunt):
 * the pseudonymiser's own property tests cover the forms of names with hundreds of runs.
 */

const RUNS = { numRuns: Number(process.env.REPORT_FORMAT_RUNS ?? 20) };

/** A report whose paragraph, minor heading, list item, table cell and subsection title are the texts. */
function reportWith([paragraph, heading, item, cell, title]: string[]): ReportDocument {
  return {
    schemaVersion: 1,
    title: 'Child A',
    subtitle: 'Local child safeguarding practice review',
    partnershipName: 'Northshire Safeguarding Children Partnership',
    versionNumber: 1,
    // A year no generated date of birth has, so the title page's date cannot be one.
    generatedOn: '2030-01-01',
    sections: [
      {
        id: 'appraisal',
        title: 'Appraisal of practice',
        origin: 'mixed',
        blocks: [{ kind: 'paragraph', text: paragraph! }],
        sections: [
          {
            id: 'appraisal.episode-1',
            title: title!,
            origin: 'generated',
            blocks: [
              { kind: 'heading', text: heading! },
              { kind: 'list', ordered: true, items: [item!] },
              {
                kind: 'table',
                caption: 'Key practice episodes',
                columns: ['Number', 'Summary'],
                rows: [['1', cell!]],
              },
            ],
            sections: [],
          },
        ],
      },
    ],
  };
}

const cases = register.chain((entries) =>
  fc.tuple(fc.constant(entries), fc.array(text(entries), { minLength: 5, maxLength: 5 })),
);

const registerHits = (extracted: string, entries: GenEntry[]) =>
  scanIdentifiers(extracted, entries)
    .filter((hit) => hit.kind === 'register')
    .map((hit) => hit.context);

describe('the DOCX and the PDF of a pseudonymised report (properties)', () => {
  it('hold no register form once read back from the file', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ([entries, texts]) => {
        const { document } = pseudonymiseDocument(reportWith(texts), entries);
        const docx = await docxText(await renderReportDocx(document));
        const pdf = await pdfText(await renderReportPdf(document));
        expect(registerHits(docx, entries), 'DOCX').toEqual([]);
        expect(registerHits(pdf, entries), 'PDF').toEqual([]);
        // What was rendered is what the document held, so the scan looked at the texts themselves.
        const strings = documentStrings(document).map((s) => s.text);
        expect(missingInOrder(docx, strings), 'DOCX').toEqual([]);
        const pageText = pdf.replace(
          /Page \d+ of \d+|Child A: Local child safeguarding practice review/g,
          '',
        );
        expect(missingInOrder(pageText, strings), 'PDF').toEqual([]);
      }),
      RUNS,
    );
  }, 180_000);
});
