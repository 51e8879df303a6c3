import type { AnalyticsDto, AnalyticsQuery } from '#domain/analytics/analytics.ts';
import {
  type AnalyticsData,
  actionsByQuarter,
  factorGroupLabel,
  median,
  TIMELINESS_TARGET_DAYS,
  timeliness,
  typologyByYear,
  type YearRange,
  yearRange,
  yearRangeProblems,
} from '#domain/analytics/rules.ts';
import type { IsoDate } from '#domain/calendar/working-days.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { builtInReference } from '#domain/reference/reference.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Queryable } from '../db/client.ts';
import type { MemberCtx } from '../http/context.ts';
import { actionGroups, factorCounts, reviewsInitiated, typologyCounts } from './analytics-queries.ts';

/** The years a request asks for, with this year in England as the default last year; 400 when the first comes after the last. */
export function requestedYears(ctx: MemberCtx, query: AnalyticsQuery): YearRange {
  const range = yearRange(query, Number(londonDate(ctx.now).slice(0, 4)));
  const problems = yearRangeProblems(range);
  if (problems.length) throw AppError.invalid(problems);
  return range;
}

/** The reviews with how long each took (or has taken so far) against the six months expected. */
export function withTimeliness<R extends { initiatedOn: IsoDate; publishedOn: IsoDate | null }>(
  rows: readonly R[],
  today: IsoDate,
) {
  return rows.map((r) => {
    const { days, published, withinTarget } = timeliness(r, today);
    return { ...r, days, published, withinTarget };
  });
}

/** The analytics of a partnership for a range of years, counted as they stand today. */
export async function analyticsFor(
  q: Queryable,
  partnershipId: string,
  range: YearRange,
  today: IsoDate,
): Promise<AnalyticsData> {
  const typology = await typologyCounts(q, partnershipId, range);
  const factors = await factorCounts(q, partnershipId, range);
  const reviews = withTimeliness(await reviewsInitiated(q, partnershipId, range), today);
  const published = reviews.filter((r) => r.published);
  const middle = median(published.map((r) => r.days));
  return {
    ...range,
    typology: typologyByYear(typology, range, builtInReference.typology.content.categories),
    factors: factors.map((f) => ({ ...f, groupLabel: factorGroupLabel(f.groupKey) })),
    timeliness: {
      targetDays: TIMELINESS_TARGET_DAYS,
      reviews,
      medianDaysToPublication: middle === null ? null : Math.round(middle),
      publishedWithinTarget: published.filter((r) => r.withinTarget).length,
      published: published.length,
    },
    actions: actionsByQuarter(await actionGroups(q, partnershipId), range, today),
  };
}

/**
 * The partnership's analytics for a range of years (by default this year and the four before):
 * findings by typology and year, the most frequent contributory factors, time from initiation to
 * publication, and actions by the quarter they were due.
 */
export async function getAnalytics(ctx: MemberCtx, query: AnalyticsQuery): Promise<AnalyticsDto> {
  const range = requestedYears(ctx, query);
  const data = await analyticsFor(ctx.tx, ctx.membership.partnershipId, range, londonDate(ctx.now));
  const actor = { userId: ctx.principal.userId, role: ctx.membership.role };
  return { ...data, abilities: { download: mayInPartnership(actor, 'viewAnalytics') } };
}
