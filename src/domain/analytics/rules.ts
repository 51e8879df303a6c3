import { addMonths, differenceInCalendarDays, formatISO, parseISO } from 'date-fns';
import type { ActionStatus } from '../action/action.ts';
import { actionCounts, isOverdue } from '../action/rules.ts';
import type { IsoDate } from '../calendar/working-days.ts';
import { factorGroups } from '../conversation/factors.ts';
import type { FieldError } from '../shared/app-error.ts';
import {
  type AnalyticsChart,
  type AnalyticsDto,
  type AnalyticsQuery,
  TIMELINESS_TARGET_MONTHS,
} from './analytics.ts';

/** Six months in days, for showing the target on a chart of days (the rule itself counts months). */
export const TIMELINESS_TARGET_DAYS = 183;

/** How many years a range covers when only its last year is known: that year and the four before. */
export const DEFAULT_YEARS = 5;

/** The key under which findings with no typology category are counted. */
export const UNCODED = 'none';

/** The calendar quarter a date falls in, like "2026 Q3". */
export function quarterOf(isoDate: IsoDate): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)} Q${Math.ceil(month / 3)}`;
}

/** Every quarter from the first of `from` to the last of `to`, in order. */
export function quartersOf(range: YearRange): string[] {
  return yearsOf(range).flatMap((y) => [1, 2, 3, 4].map((q) => `${y} Q${q}`));
}

/** The middle value of a list of numbers (the mean of the two middle ones for an even count), or null for none. */
export function median(numbers: readonly number[]): number | null {
  if (numbers.length === 0) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The date by which a review initiated on a day is expected to be published: six months later. */
export function timelinessTargetDate(initiatedOn: IsoDate): IsoDate {
  return formatISO(addMonths(parseISO(initiatedOn), TIMELINESS_TARGET_MONTHS), { representation: 'date' });
}

/**
 * How long a review took, or has taken so far: days from initiation to publication (or to today if
 * not yet published, never below zero). A published review is within target when it was published
 * on or before six months after initiation; an unpublished one while today is still on or before then.
 */
export function timeliness(review: { initiatedOn: IsoDate; publishedOn: IsoDate | null }, today: IsoDate) {
  const target = timelinessTargetDate(review.initiatedOn);
  const published = review.publishedOn !== null;
  const end = review.publishedOn ?? today;
  const days = differenceInCalendarDays(parseISO(end), parseISO(review.initiatedOn));
  return {
    days: published ? days : Math.max(0, days),
    published,
    withinTarget: end <= target,
    targetDate: target,
  };
}

export type YearRange = { from: number; to: number };

/** The years a range covers, in order. */
export const yearsOf = (range: YearRange): number[] =>
  Array.from({ length: Math.max(0, range.to - range.from + 1) }, (_, i) => range.from + i);

/** The years asked for: the last defaults to this year, the first to four years before the last. */
export function yearRange(query: AnalyticsQuery, thisYear: number): YearRange {
  const to = query.to ?? thisYear;
  return { from: query.from ?? to - (DEFAULT_YEARS - 1), to };
}

/** What is wrong with a range of years: the first must not come after the last. */
export function yearRangeProblems(range: YearRange): FieldError[] {
  return range.from > range.to
    ? [{ path: 'from', message: `The first year must be the same as or before the last year (${range.to})` }]
    : [];
}

/** The first and last day of a range of years, as dates. */
export const datesOf = (range: YearRange) => ({ start: `${range.from}-01-01`, end: `${range.to}-12-31` });

/** Findings counted by year and typology category code (null for none), with the name stored for the code. */
export type TypologyCount = { year: number; code: string | null; name: string | null; count: number };

/**
 * Findings by year and category: every year of the range (zero-filled), every category of the
 * typology given and any other code counted (with its stored name), and "none" for uncoded findings.
 */
export function typologyByYear(
  counts: readonly TypologyCount[],
  range: YearRange,
  typology: readonly { code: string; name: string }[],
): AnalyticsDto['typology'] {
  const categories = typology.map((c) => ({ code: c.code, name: c.name }));
  const known = new Set(categories.map((c) => c.code));
  const others = new Map<string, string>();
  for (const c of counts)
    if (c.code && !known.has(c.code) && !others.has(c.code)) others.set(c.code, c.name?.trim() || c.code);
  const extra = [...others]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const all = [...categories, ...extra];
  const years = yearsOf(range).map((year) => {
    const tally: Record<string, number> = Object.fromEntries([...all.map((c) => [c.code, 0]), [UNCODED, 0]]);
    for (const c of counts)
      if (c.year === year) tally[c.code || UNCODED] = (tally[c.code || UNCODED] ?? 0) + c.count;
    return { year, counts: tally, total: Object.values(tally).reduce((a, b) => a + b, 0) };
  });
  return { categories: all, years };
}

/** Actions counted by due date and status. */
export type ActionGroup = { dueOn: IsoDate | null; status: ActionStatus; count: number };

/** Where an action stands on a chart of actions: completed (done or impact verified), overdue, or open and not yet due. */
export function actionStanding(action: { dueOn: IsoDate | null; status: ActionStatus }, today: IsoDate) {
  if (action.status === 'done' || action.status === 'impact_verified') return 'completed' as const;
  return isOverdue(action, today) ? ('overdue' as const) : ('open' as const);
}

/**
 * Actions by the quarter they were due (every quarter of the range, zero-filled), and the totals at
 * each status and overdue across all the actions given, as the action tracker counts them.
 */
export function actionsByQuarter(
  groups: readonly ActionGroup[],
  range: YearRange,
  today: IsoDate,
): AnalyticsDto['actions'] {
  const byQuarter = new Map(
    quartersOf(range).map((q) => [q, { quarter: q, completed: 0, overdue: 0, open: 0 }]),
  );
  const totals = actionCounts([]);
  for (const g of groups) {
    totals[g.status] += g.count;
    if (isOverdue(g, today)) totals.overdue += g.count;
    const quarter = g.dueOn ? byQuarter.get(quarterOf(g.dueOn)) : undefined;
    if (quarter) quarter[actionStanding(g, today)] += g.count;
  }
  return { byQuarter: [...byQuarter.values()], totals };
}

/** The analytics without what the person may do with them. */
export type AnalyticsData = Omit<AnalyticsDto, 'abilities'>;

/** Rows of a chart's data as a table: a header row and the rows below it. */
export type ChartTable = { header: string[]; rows: (string | number)[][] };

/** Whether a review was published within six months, in words: Yes, No or Not yet published. */
export function withinSixMonths(review: { published: boolean; withinTarget: boolean }): string {
  if (!review.withinTarget) return 'No';
  return review.published ? 'Yes' : 'Not yet published';
}

/** The data behind one chart as the table its CSV download holds. */
export function chartTable(dto: AnalyticsData, chart: AnalyticsChart): ChartTable {
  switch (chart) {
    case 'typology': {
      const { categories, years } = dto.typology;
      return {
        header: ['Year', ...categories.map((c) => c.name), 'Uncoded', 'Total'],
        rows: years.map((y) => [
          y.year,
          ...categories.map((c) => y.counts[c.code] ?? 0),
          y.counts[UNCODED] ?? 0,
          y.total,
        ]),
      };
    }
    case 'factors':
      return {
        header: ['Factor group', 'Factor type', 'Times found', 'Reviews'],
        rows: dto.factors.map((f) => [f.groupLabel, f.factorType ?? 'Not specified', f.count, f.reviews]),
      };
    case 'timeliness':
      return {
        header: ['Review', 'Initiated', 'Published', 'Days', 'Within six months'],
        rows: dto.timeliness.reviews.map((r) => [
          r.title,
          r.initiatedOn,
          r.publishedOn ?? '',
          r.days,
          withinSixMonths(r),
        ]),
      };
    case 'actions':
      return {
        header: ['Quarter due', 'Completed', 'Overdue', 'Open'],
        rows: dto.actions.byQuarter.map((q) => [q.quarter, q.completed, q.overdue, q.open]),
      };
  }
}

/** The label of a contributory factor group: the framework's, or the key in words for a group it does not know. */
export function factorGroupLabel(groupKey: string): string {
  const group = (factorGroups as Record<string, { label: string } | undefined>)[groupKey];
  if (group) return group.label;
  const words = groupKey.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : groupKey;
}
