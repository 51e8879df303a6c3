import { asc, eq } from 'drizzle-orm';
import { briefingStatuses, buildBriefingDocument } from '#domain/action/briefing-document.ts';
import type { FindingStatus } from '#domain/finding/finding.ts';
import { auditAction } from '../audit/audit.service.ts';
import { findings, publications, reportDrafts } from '../db/schema/index.ts';
import { safeFileName } from '../meeting/calendar.ts';
import type { ReviewCtx } from '../review/access.ts';
import { type DocumentFormat, documentHeading, renderPseudonymised } from './board-response.service.ts';

/** The published report's address, once the publication record says it is published. */
async function publishedUrl(ctx: ReviewCtx): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ url: publications.url, publishedOn: publications.publishedOn })
    .from(publications)
    .where(eq(publications.reviewId, ctx.review.id));
  return row?.publishedOn && row.url ? row.url : null;
}

/** The case summary the lead reviewers wrote for the report, if any. */
async function caseSummary(ctx: ReviewCtx): Promise<string | null> {
  const [row] = await ctx.tx
    .select({ sections: reportDrafts.sections })
    .from(reportDrafts)
    .where(eq(reportDrafts.reviewId, ctx.review.id));
  return row?.sections.caseSummary?.trim() || null;
}

/**
 * The one-page learning briefing ("seven-minute briefing") for frontline staff as DOCX or PDF, made
 * from the findings agreed by the review team or final, the report's case summary and the published
 * report's address, with every name in the pseudonym register replaced. Each one is audited.
 */
export async function generateLearningBriefing(
  ctx: ReviewCtx,
  format: DocumentFormat,
): Promise<{ content: Buffer; fileName: string }> {
  const rows = await ctx.tx
    .select()
    .from(findings)
    .where(eq(findings.reviewId, ctx.review.id))
    .orderBy(asc(findings.number));
  const doc = buildBriefingDocument({
    ...(await documentHeading(ctx)),
    caseSummary: await caseSummary(ctx),
    reportUrl: await publishedUrl(ctx),
    findings: rows.map((f) => ({
      number: f.number,
      status: f.status as FindingStatus,
      statement: f.statement,
      whyItMatters: f.whyItMatters,
      boardQuestions: f.boardQuestions,
      recommendations: f.recommendations,
    })),
  });
  const content = await renderPseudonymised(ctx, doc, format);
  const included = rows.filter((f) => briefingStatuses.includes(f.status as FindingStatus)).length;
  await auditAction(ctx, {
    action: 'briefing.generated',
    entityType: 'review',
    entityId: ctx.review.id,
    details: { reviewId: ctx.review.id, format, findings: included },
  });
  return { content, fileName: `${safeFileName(ctx.review.title)}-learning-briefing.${format}` };
}
