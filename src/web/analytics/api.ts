import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsChart, AnalyticsDto } from '#domain/analytics/analytics.ts';
import { api, queryString } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';

export type { AnalyticsChart, AnalyticsDto };

/** The years the analytics cover, as the address holds them; unset means the server's default. */
export type YearRange = { from?: string | undefined; to?: string | undefined };

const rangeQuery = (range: YearRange) => queryString({ from: range.from, to: range.to });

export const analyticsPath = (p: string, range: YearRange = {}) =>
  `${partnershipPath(p)}/analytics${rangeQuery(range)}`;
/** The CSV file of one chart's data, for the same years. */
export const chartCsvPath = (p: string, chart: AnalyticsChart, range: { from: number; to: number }) =>
  `${partnershipPath(p)}/analytics/charts/${chart}${queryString({ from: String(range.from), to: String(range.to) })}`;
/** The Word data pack for a partnership's annual report. */
export const annualReportPath = (p: string, year: number) =>
  `${partnershipPath(p)}/analytics/annual-report?year=${year}`;

export const analyticsKeys = {
  analytics: (p: string, range: YearRange) => ['partnership', p, 'analytics', rangeQuery(range)] as const,
};

/** The partnership's figures across its reviews for a range of years. */
export function useAnalytics(partnershipId: string, range: YearRange, enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.analytics(partnershipId, range),
    queryFn: () => api.get<AnalyticsDto>(analyticsPath(partnershipId, range)),
    enabled: enabled && Boolean(partnershipId),
    placeholderData: keepPreviousData,
  });
}
