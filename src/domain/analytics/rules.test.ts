import { describe, expect, it } from 'vitest';
import { analyticsQuery } from './analytics.ts';
import {
  type AnalyticsData,
  actionsByQuarter,
  chartTable,
  factorGroupLabel,
  median,
  quarterOf,
  quartersOf,
  timeliness,
  timelinessTargetDate,
  typologyByYear,
  withinSixMonths,
  yearRange,
  yearRangeProblems,
} from './rules.ts';

describe('quarters', () => {
  it('names the calendar quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toBe('2026 Q1');
    expect(quarterOf('2026-03-31')).toBe('2026 Q1');
    expect(quarterOf('2026-04-01')).toBe('2026 Q2');
    expect(quarterOf('2026-09-30')).toBe('2026 Q3');
    expect(quarterOf('2026-12-31')).toBe('2026 Q4');
  });

  it('lists every quarter of a range of years', () => {
    expect(quartersOf({ from: 2025, to: 2026 })).toEqual([
      '2025 Q1',
      '2025 Q2',
      '2025 Q3',
      '2025 Q4',
      '2026 Q1',
      '2026 Q2',
      '2026 Q3',
      '2026 Q4',
    ]);
  });
});

describe('median', () => {
  it('is the middle value, the mean of the middle two for an even count, and null for none', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([300, 100, 200])).toBe(200);
    expect(median([100, 400, 200, 300])).toBe(250);
  });
});

describe('timeliness', () => {
  it('expects publication six calendar months after initiation', () => {
    expect(timelinessTargetDate('2026-01-15')).toBe('2026-07-15');
    expect(timelinessTargetDate('2025-08-31')).toBe('2026-02-28');
  });

  it('counts days to publication, within target on or before the target date', () => {
    expect(timeliness({ initiatedOn: '2026-01-15', publishedOn: '2026-07-15' }, '2026-12-01')).toMatchObject({
      days: 181,
      published: true,
      withinTarget: true,
    });
    expect(timeliness({ initiatedOn: '2026-01-15', publishedOn: '2026-07-16' }, '2026-12-01')).toMatchObject({
      days: 182,
      withinTarget: false,
    });
  });

  it('counts an unpublished review to today, within target while today is on or before the target', () => {
    const review = { initiatedOn: '2026-01-15', publishedOn: null };
    expect(timeliness(review, '2026-07-15')).toEqual({
      days: 181,
      published: false,
      withinTarget: true,
      targetDate: '2026-07-15',
    });
    expect(timeliness(review, '2026-07-16')).toMatchObject({ days: 182, withinTarget: false });
    expect(timeliness({ initiatedOn: '2026-08-01', publishedOn: null }, '2026-07-16').days).toBe(0);
  });

  it('says Yes, No or Not yet published', () => {
    expect(withinSixMonths({ published: true, withinTarget: true })).toBe('Yes');
    expect(withinSixMonths({ published: true, withinTarget: false })).toBe('No');
    expect(withinSixMonths({ published: false, withinTarget: true })).toBe('Not yet published');
    expect(withinSixMonths({ published: false, withinTarget: false })).toBe('No');
  });
});

describe('the range of years', () => {
  it('defaults to this year and the four before', () => {
    expect(yearRange({}, 2026)).toEqual({ from: 2022, to: 2026 });
    expect(yearRange({ to: 2024 }, 2026)).toEqual({ from: 2020, to: 2024 });
    expect(yearRange({ from: 2019 }, 2026)).toEqual({ from: 2019, to: 2026 });
  });

  it('names `from` when the first year comes after the last', () => {
    expect(yearRangeProblems({ from: 2026, to: 2026 })).toEqual([]);
    expect(yearRangeProblems(yearRange({ from: 2027 }, 2026))).toEqual([
      { path: 'from', message: 'The first year must be the same as or before the last year (2026)' },
    ]);
  });

  it('takes years from the query string as whole numbers', () => {
    expect(analyticsQuery.parse({ from: '2022', to: '2026' })).toEqual({ from: 2022, to: 2026 });
    const bad = analyticsQuery.safeParse({ from: 'abc', to: '2026.5' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['from', 'Enter the first year as a whole number, like 2024'],
      ['to', 'Enter the last year as a whole number, like 2024'],
    ]);
  });
});

const categories = [
  { code: 'tools', name: 'Human–tool operation' },
  { code: 'human_reasoning', name: 'Human judgement and reasoning' },
];

describe('findings by typology and year', () => {
  it('zero-fills every year and category, adds other codes with their stored names, and counts uncoded', () => {
    const result = typologyByYear(
      [
        { year: 2025, code: 'tools', name: 'Tools', count: 3 },
        { year: 2025, code: null, name: null, count: 2 },
        { year: 2026, code: 'local_custom', name: 'Local: housing', count: 4 },
        { year: 2026, code: 'human_reasoning', name: null, count: 1 },
      ],
      { from: 2024, to: 2026 },
      categories,
    );
    expect(result.categories).toEqual([...categories, { code: 'local_custom', name: 'Local: housing' }]);
    expect(result.years).toEqual([
      { year: 2024, counts: { tools: 0, human_reasoning: 0, local_custom: 0, none: 0 }, total: 0 },
      { year: 2025, counts: { tools: 3, human_reasoning: 0, local_custom: 0, none: 2 }, total: 5 },
      { year: 2026, counts: { tools: 0, human_reasoning: 1, local_custom: 4, none: 0 }, total: 5 },
    ]);
  });
});

describe('actions by quarter', () => {
  const today = '2026-05-10';
  it('counts completed, overdue and open by the quarter due, and totals as the tracker does', () => {
    const result = actionsByQuarter(
      [
        { dueOn: '2026-01-31', status: 'open', count: 2 },
        { dueOn: '2026-02-01', status: 'done', count: 1 },
        { dueOn: '2026-03-01', status: 'impact_verified', count: 1 },
        { dueOn: '2026-05-10', status: 'in_progress', count: 3 },
        { dueOn: '2026-05-09', status: 'in_progress', count: 1 },
        { dueOn: null, status: 'open', count: 5 },
        { dueOn: '2019-01-01', status: 'open', count: 4 },
      ],
      { from: 2026, to: 2026 },
      today,
    );
    expect(result.byQuarter).toEqual([
      { quarter: '2026 Q1', completed: 2, overdue: 2, open: 0 },
      { quarter: '2026 Q2', completed: 0, overdue: 1, open: 3 },
      { quarter: '2026 Q3', completed: 0, overdue: 0, open: 0 },
      { quarter: '2026 Q4', completed: 0, overdue: 0, open: 0 },
    ]);
    expect(result.totals).toEqual({ open: 11, in_progress: 4, done: 1, impact_verified: 1, overdue: 7 });
  });
});

describe('factor groups', () => {
  it('uses the framework’s label, or the key in words', () => {
    expect(factorGroupLabel('conditions_of_work')).toBe('Conditions of work');
    expect(factorGroupLabel('local_housing')).toBe('Local housing');
  });
});

describe('chart tables for CSV', () => {
  const data: AnalyticsData = {
    from: 2026,
    to: 2026,
    typology: {
      categories,
      years: [{ year: 2026, counts: { tools: 2, human_reasoning: 0, none: 1 }, total: 3 }],
    },
    factors: [
      { groupKey: 'family', groupLabel: 'Family', factorType: 'Family dynamics', count: 4, reviews: 2 },
      { groupKey: 'other', groupLabel: 'Other', factorType: null, count: 1, reviews: 1 },
    ],
    timeliness: {
      targetDays: 183,
      reviews: [
        {
          reviewId: '00000000-0000-4000-8000-000000000001',
          title: 'Child A',
          initiatedOn: '2026-01-15',
          publishedOn: '2026-06-01',
          days: 137,
          published: true,
          withinTarget: true,
        },
        {
          reviewId: '00000000-0000-4000-8000-000000000002',
          title: 'Child B',
          initiatedOn: '2026-03-01',
          publishedOn: null,
          days: 275,
          published: false,
          withinTarget: false,
        },
      ],
      medianDaysToPublication: 137,
      publishedWithinTarget: 1,
      published: 1,
    },
    actions: {
      byQuarter: [{ quarter: '2026 Q1', completed: 1, overdue: 2, open: 3 }],
      totals: { open: 5, in_progress: 0, done: 1, impact_verified: 0, overdue: 2 },
    },
  };

  it('puts a column per category, then uncoded and total, for typology', () => {
    expect(chartTable(data, 'typology')).toEqual({
      header: ['Year', 'Human–tool operation', 'Human judgement and reasoning', 'Uncoded', 'Total'],
      rows: [[2026, 2, 0, 1, 3]],
    });
  });

  it('lists factors, reviews and actions', () => {
    expect(chartTable(data, 'factors')).toEqual({
      header: ['Factor group', 'Factor type', 'Times found', 'Reviews'],
      rows: [
        ['Family', 'Family dynamics', 4, 2],
        ['Other', 'Not specified', 1, 1],
      ],
    });
    expect(chartTable(data, 'timeliness')).toEqual({
      header: ['Review', 'Initiated', 'Published', 'Days', 'Within six months'],
      rows: [
        ['Child A', '2026-01-15', '2026-06-01', 137, 'Yes'],
        ['Child B', '2026-03-01', '', 275, 'No'],
      ],
    });
    expect(chartTable(data, 'actions')).toEqual({
      header: ['Quarter due', 'Completed', 'Overdue', 'Open'],
      rows: [['2026 Q1', 1, 2, 3]],
    });
  });
});
