// Report generation for a large review (1,000 events, 40 key practice episodes, 15 findings):
// DOCX and PDF timed from the same document model, beside the HTML of the same document.
import { pseudonymiseDocument } from '#domain/report/anonymise.ts';
import { buildReportDocument } from '#domain/report/build.ts';
import type { ReportDocument, Section } from '#domain/report/document.ts';
import { reportNarrativeFixture, reportRegisterFixture } from '#domain/report/fixtures.ts';
import { renderReportDocx } from '#server/report/render/docx.ts';
import { largeReportFacts, withSection } from '#server/report/render/fixture.ts';
import { renderReportHtml } from '#server/report/render/html.ts';
import { renderReportPdf } from '#server/report/render/pdf.ts';
import { eventSummary, Random } from './words.ts';

export type RenderTiming = { seconds: number; coldSeconds: number; bytes: number };
export type ReportResult = { docx: RenderTiming; pdf: RenderTiming; html: RenderTiming; pages: string };

/** The review's 1,000 narrative events as an appendix table. */
function eventsAppendix(count: number): Section {
  const r = new Random(11);
  const agencies = ['Children’s social care', 'Police', 'Health visiting', 'GP', 'School', 'Housing'];
  return {
    id: 'appendices.events',
    title: 'The multi-agency narrative',
    origin: 'generated',
    blocks: [
      {
        kind: 'table',
        caption: 'Every event in the narrative, in date order',
        columns: ['Date', 'Agency', 'What happened'],
        rows: Array.from({ length: count }, (_, i) => [
          new Date(Date.UTC(2022, 8, 1) + i * 43_200_000).toISOString().slice(0, 10),
          r.pick(agencies),
          eventSummary(r),
        ]),
      },
    ],
    sections: [],
  };
}

/** The large review's report, built and pseudonymised as a version is. */
export function largeReportDocument(): ReportDocument {
  const built = buildReportDocument(largeReportFacts(40, 15), reportNarrativeFixture);
  return pseudonymiseDocument(withSection(built, eventsAppendix(1_000)), reportRegisterFixture).document;
}

async function time(render: () => Promise<Buffer | string>): Promise<RenderTiming> {
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const out = await render();
    runs.push((performance.now() - t) / 1000);
    bytes = Buffer.byteLength(out);
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { seconds: sorted[1]!, coldSeconds: runs[0]!, bytes };
}

/** Times each renderer three times on the same document; the median counts, the first is shown as cold. */
export async function measureReport(): Promise<ReportResult> {
  const doc = largeReportDocument();
  const html = await time(async () => renderReportHtml(doc));
  const docx = await time(() => renderReportDocx(doc));
  const pdf = await time(() => renderReportPdf(doc));
  return {
    docx,
    pdf,
    html,
    pages: `${Math.round(pdf.bytes / 1024)} KB PDF, ${Math.round(docx.bytes / 1024)} KB DOCX`,
  };
}
