import { z } from 'zod';
import { id } from '../shared/fields.ts';

/*
 * Analytics across a partnership's reviews: what its findings are about over time, the contributory
 * factors that recur, how long reviews take against the six months expected, and whether the
 * actions that follow get done. Every chart's data can be downloaded as CSV, and the whole is an
 * annual-report data pack.
 */

export const analyticsCharts = {
  typology: 'Findings by typology category and year',
  factors: 'Most frequent contributory factors',
  timeliness: 'Time from initiation to publication',
  actions: 'Actions completed and overdue',
} as const;
export type AnalyticsChart = keyof typeof analyticsCharts;
export const analyticsChart = z.enum(Object.keys(analyticsCharts) as [AnalyticsChart, ...AnalyticsChart[]], {
  error: 'Choose typology, factors, timeliness or actions',
});

/** Reviews are expected to be published within six months of initiation. */
export const TIMELINESS_TARGET_MONTHS = 6;

export const analyticsQuery = z.object({
  from: z.coerce
    .number({ error: 'Enter the first year as a whole number' })
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('First year to include (default: five years before the last)'),
  to: z.coerce
    .number({ error: 'Enter the last year as a whole number' })
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('Last year to include (default: this year)'),
});
export type AnalyticsQuery = z.output<typeof analyticsQuery>;

export const analyticsDto = z.object({
  from: z.int(),
  to: z.int(),
  typology: z.object({
    categories: z.array(z.object({ code: z.string(), name: z.string() })),
    years: z.array(
      z.object({
        year: z.int(),
        counts: z.record(z.string(), z.int()).describe('Findings per category code; "none" for uncoded'),
        total: z.int(),
      }),
    ),
  }),
  factors: z.array(
    z.object({
      groupKey: z.string(),
      groupLabel: z.string(),
      factorType: z.string().nullable(),
      count: z.int(),
      reviews: z.int().describe('In how many reviews it was found'),
    }),
  ),
  timeliness: z.object({
    targetDays: z.int(),
    reviews: z.array(
      z.object({
        reviewId: id,
        title: z.string(),
        initiatedOn: z.iso.date(),
        publishedOn: z.iso.date().nullable(),
        days: z.int().describe('Days from initiation to publication, or to today if not yet published'),
        published: z.boolean(),
        withinTarget: z.boolean(),
      }),
    ),
    medianDaysToPublication: z.int().nullable(),
    publishedWithinTarget: z.int(),
    published: z.int(),
  }),
  actions: z.object({
    byQuarter: z.array(
      z.object({
        quarter: z.string().describe('Like 2026 Q3: the quarter an action was due'),
        completed: z.int().describe('Done or impact verified'),
        overdue: z.int(),
        open: z.int().describe('Open or in progress and not yet due'),
      }),
    ),
    totals: z.object({
      open: z.int(),
      in_progress: z.int(),
      done: z.int(),
      impact_verified: z.int(),
      overdue: z.int(),
    }),
  }),
  abilities: z.object({ download: z.boolean() }),
});
export type AnalyticsDto = z.infer<typeof analyticsDto>;

export const analyticsParams = z.object({ partnershipId: id });
export const analyticsChartParams = z.object({ partnershipId: id, chart: analyticsChart });
