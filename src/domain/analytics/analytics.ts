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

const year = (which: 'first' | 'last') =>
  z.coerce
    .number({ error: `Enter the ${which} year as a whole number, like 2024` })
    .int({ error: `Enter the ${which} year as a whole number, like 2024` })
    .min(1990, { error: `The ${which} year must be 1990 or later` })
    .max(2100, { error: `The ${which} year must be 2100 or earlier` });

export const analyticsQuery = z.object({
  from: year('first')
    .optional()
    .describe('First year to include (default: four years before the last, so five years in all)'),
  to: year('last').optional().describe('Last year to include (default: this year)'),
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
/**
 * The chart is checked by the route rather than the path schema, so an unknown chart is a 400 that
 * names `chart` (the schema still lists the charts for the API description).
 */
export const analyticsChartParams = z.object({
  partnershipId: id,
  chart: z.string().meta({
    enum: Object.keys(analyticsCharts),
    description: 'Which chart: typology, factors, timeliness or actions',
  }),
});

/** The CSV file of each chart, before its years and extension: findings-by-typology-2022-2026.csv. */
export const chartFileNames: Record<AnalyticsChart, string> = {
  typology: 'findings-by-typology',
  factors: 'contributory-factors',
  timeliness: 'time-to-publication',
  actions: 'actions-by-quarter',
};

export const annualReportQuery = z.object({
  year: z.coerce
    .number({ error: 'Enter the year as a whole number, like 2024' })
    .int({ error: 'Enter the year as a whole number, like 2024' })
    .min(1990, { error: 'The year must be 1990 or later' })
    .max(2100, { error: 'The year must be 2100 or earlier' })
    .optional()
    .describe('The calendar year the figures cover (default: this year)'),
});
export type AnnualReportQuery = z.output<typeof annualReportQuery>;
