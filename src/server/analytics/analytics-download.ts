import { eq } from 'drizzle-orm';
import Papa from 'papaparse';
import {
  type AnalyticsChart,
  type AnalyticsQuery,
  type AnnualReportQuery,
  analyticsChart,
  chartFileNames,
} from '#domain/analytics/analytics.ts';
import { buildAnnualReportDocument } from '#domain/analytics/annual-report.ts';
import { chartTable } from '#domain/analytics/rules.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { partnerships } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { renderReportDocx } from '../report/render/docx.ts';
import { analyticsFor, requestedYears, withTimeliness } from './analytics.service.ts';
import { reviewsPublished, themeCounts } from './analytics-queries.ts';

export const csvType = 'text/csv; charset=utf-8';
export const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The chart named in the path, or a 400 naming `chart`. */
export function chartNamed(name: string): AnalyticsChart {
  const parsed = analyticsChart.safeParse(name);
  if (!parsed.success)
    throw AppError.invalid([{ path: 'chart', message: 'Choose typology, factors, timeliness or actions' }]);
  return parsed.data;
}

/**
 * The data behind one chart as a CSV file (UTF-8 with a byte order mark, so Excel reads it as such;
 * text a spreadsheet would run as a formula is written as text), named for the chart and its years.
 * The download is audited with the chart and the years.
 */
export async function downloadChartCsv(
  ctx: MemberCtx,
  chart: AnalyticsChart,
  query: AnalyticsQuery,
): Promise<{ body: Buffer; fileName: string }> {
  const range = requestedYears(ctx, query);
  const data = await analyticsFor(ctx.tx, ctx.membership.partnershipId, range, londonDate(ctx.now));
  const { header, rows } = chartTable(data, chart);
  const csv = Papa.unparse({ fields: header, data: rows }, { escapeFormulae: true, newline: '\r\n' });
  await auditAction(ctx, {
    action: 'analytics.downloaded',
    entityType: 'partnership',
    entityId: ctx.membership.partnershipId,
    details: { chart, from: range.from, to: range.to },
  });
  return {
    body: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'),
    fileName: `${chartFileNames[chart]}-${range.from}-${range.to}.csv`,
  };
}

/**
 * The annual-report data pack for a calendar year as a Word document: reviews initiated and
 * published, time to publication, findings by typology and theme, the most frequent contributory
 * factors and the actions due, each with a sentence of context. The download is audited.
 */
export async function downloadAnnualReport(
  ctx: MemberCtx,
  query: AnnualReportQuery,
): Promise<{ body: Buffer; fileName: string }> {
  const today = londonDate(ctx.now);
  const year = query.year ?? Number(today.slice(0, 4));
  const range = { from: year, to: year };
  const pid = ctx.membership.partnershipId;
  const [partnership] = await ctx.tx
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, pid));
  const doc = buildAnnualReportDocument({
    year,
    partnershipName: partnership?.name ?? '',
    generatedOn: today,
    analytics: await analyticsFor(ctx.tx, pid, range, today),
    published: withTimeliness(await reviewsPublished(ctx.tx, pid, range), today),
    themes: await themeCounts(ctx.tx, pid, range),
  });
  const body = await renderReportDocx(doc, { short: true });
  await auditAction(ctx, {
    action: 'analytics.downloaded',
    entityType: 'partnership',
    entityId: pid,
    details: { chart: 'annual_report', year },
  });
  return { body, fileName: `annual-report-data-${year}.docx` };
}
