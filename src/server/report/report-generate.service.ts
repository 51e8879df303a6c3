import { eq, max } from 'drizzle-orm';
import { pseudonymiseDocument, scanDocument } from '#domain/report/anonymise.ts';
import { buildReportDocument } from '#domain/report/build.ts';
import type { ReportVersionDto } from '#domain/report/report.ts';
import { unwrittenSections } from '#domain/report/rules.ts';
import { auditAction } from '../audit/audit.service.ts';
import { reportVersions } from '../db/schema/index.ts';
import { loadRegister, registerEntries } from '../pseudonym/pseudonym.service.ts';
import type { ReviewCtx } from '../review/access.ts';
import { renderReportDocx } from './render/docx.ts';
import { renderReportHtml } from './render/html.ts';
import { renderReportPdf } from './render/pdf.ts';
import { presentReportVersion } from './report.presenter.ts';
import { loadDraft } from './report.service.ts';
import { gatherReportFacts } from './report-facts.ts';

/**
 * Generates a new version of the report from the review's records and the written sections: the
 * document is built, every name in the pseudonym register replaced, rendered as DOCX, PDF and HTML,
 * and scanned for identifiers that survive. The version is numbered after the others and never
 * changes afterwards. The audit row counts what the scan found, and never holds a name or the text.
 */
export async function generateReport(
  ctx: ReviewCtx,
  input: { note?: string | undefined },
): Promise<ReportVersionDto> {
  const [latest] = await ctx.tx
    .select({ number: max(reportVersions.number) })
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, ctx.review.id));
  const number = (latest?.number ?? 0) + 1;
  const register = registerEntries(await loadRegister(ctx));
  const facts = await gatherReportFacts(ctx, register, number);
  const { narrative } = await loadDraft(ctx);
  const { document, ambiguous } = pseudonymiseDocument(buildReportDocument(facts, narrative), register);
  const [docx, pdf] = await Promise.all([renderReportDocx(document), renderReportPdf(document)]);
  const html = renderReportHtml(document);
  const hits = scanDocument(document, register, { publicNames: facts.leadReviewers.map((l) => l.name) });
  const [row] = await ctx.tx
    .insert(reportVersions)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      number,
      note: input.note || null,
      document,
      ambiguous,
      unwritten: unwrittenSections(narrative),
      docx,
      pdf,
      html,
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      hits,
      scannedAt: ctx.now,
    })
    .returning({ id: reportVersions.id });
  if (!row) throw new Error('report version not stored');
  await auditAction(ctx, {
    action: 'report.generated',
    entityType: 'report_version',
    entityId: row.id,
    details: { reviewId: ctx.review.id, number, hits: hits.length, ambiguous: ambiguous.length },
  });
  return presentReportVersion(ctx, row.id);
}
