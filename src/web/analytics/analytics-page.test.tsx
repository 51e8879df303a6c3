import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderWithProviders } from '../testing/render.tsx';
import { AnalyticsRoute } from './analytics-routes.tsx';
import type { AnalyticsDto } from './api.ts';

const analyticsApi = `/api/partnerships/${demoPartnershipId}/analytics`;
const address = `/partnerships/${demoPartnershipId}/analytics`;

function analyticsBody(overrides: Partial<AnalyticsDto> = {}): AnalyticsDto {
  return {
    from: 2024,
    to: 2025,
    typology: {
      categories: [
        { code: 'tools', name: 'Human–tool operation' },
        { code: 'longer_term', name: 'Longer-term work' },
      ],
      years: [
        { year: 2024, counts: { tools: 2, longer_term: 1, none: 0 }, total: 3 },
        { year: 2025, counts: { tools: 3, longer_term: 0, none: 1 }, total: 4 },
      ],
    },
    factors: [
      {
        groupKey: 'professional',
        groupLabel: 'Professional',
        factorType: 'Supervision',
        count: 5,
        reviews: 2,
      },
      { groupKey: 'family', groupLabel: 'Family and community', factorType: null, count: 2, reviews: 1 },
    ],
    timeliness: {
      targetDays: 183,
      reviews: [
        {
          reviewId: '7d5b1c1e-2f4a-4c3b-9e8d-000000000001',
          title: 'Child A',
          initiatedOn: '2024-01-10',
          publishedOn: '2024-06-01',
          days: 143,
          published: true,
          withinTarget: true,
        },
        {
          reviewId: '7d5b1c1e-2f4a-4c3b-9e8d-000000000002',
          title: 'Child B',
          initiatedOn: '2024-03-01',
          publishedOn: null,
          days: 400,
          published: false,
          withinTarget: false,
        },
      ],
      medianDaysToPublication: 143,
      publishedWithinTarget: 1,
      published: 1,
    },
    actions: {
      byQuarter: [
        { quarter: '2024 Q1', completed: 2, overdue: 1, open: 0 },
        { quarter: '2024 Q2', completed: 1, overdue: 0, open: 3 },
      ],
      totals: { open: 2, in_progress: 1, done: 2, impact_verified: 1, overdue: 1 },
    },
    abilities: { download: true },
    ...overrides,
  };
}

function renderAnalytics(routes: Parameters<typeof mockApi>[0], at = address) {
  const calls = mockApi(routes);
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/analytics" element={<AnalyticsRoute />} />
    </Routes>,
    at,
  );
  return calls;
}

const headings = [
  'Findings by typology category and year',
  'Most frequent contributory factors',
  'Time from initiation to publication',
  'Actions completed and overdue',
];

describe('analytics', { timeout: 30_000 }, () => {
  it('draws four charts, each with a summary, its data as a table and as CSV', async () => {
    renderAnalytics({ [`GET ${analyticsApi}`]: { status: 200, body: analyticsBody() } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Analytics' })).toBeTruthy();
    for (const name of headings) expect(await screen.findByRole('heading', { level: 2, name })).toBeTruthy();

    const charts = screen.getAllByRole('img');
    expect(charts).toHaveLength(4);
    expect(charts[0]?.getAttribute('aria-label')).toMatch(/Findings a year: 2024: 3, 2025: 4/);
    expect(charts[2]?.getAttribute('aria-label')).toMatch(/six-month target of 183 days/);
    // Recharts drew real bars.
    for (const chart of charts) expect(chart.querySelector('svg .recharts-bar-rectangle')).toBeTruthy();

    expect(
      screen.getByText(
        '7 findings from 2024 to 2025; the most common category was Human–tool operation (5).',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'The most frequent contributory factor was Professional: Supervision, found 5 times in 2 reviews.',
      ),
    ).toBeTruthy();
    expect(
      screen.getByText('1 of 1 published review was published within six months; the median was 143 days.'),
    ).toBeTruthy();
    expect(
      screen.getByText('Of 7 actions due from 2024 to 2025, 3 were completed, 1 is overdue and 3 are open.'),
    ).toBeTruthy();

    const typology = screen.getByRole('region', { name: headings[0] });
    await userEvent.click(within(typology).getByText('Show the data as a table'));
    const table = within(typology).getByRole('table', {
      name: 'Findings by typology category and year, 2024 to 2025',
    });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Year', 'Human–tool operation', 'Longer-term work', 'Uncoded', 'Total']);
    const row2025 = within(table).getByRole('rowheader', { name: '2025' }).closest('tr') as HTMLElement;
    expect(
      within(row2025)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['3', '0', '1', '4']);

    const timeliness = screen.getByRole('region', { name: headings[2] });
    const days = within(timeliness).getByRole('table', { name: /Time from initiation to publication/ });
    const childB = within(days).getByRole('rowheader', { name: 'Child B' }).closest('tr') as HTMLElement;
    expect(
      within(childB)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['1 March 2024', 'None', '400', 'No']);
    expect(screen.getAllByRole('table')).toHaveLength(4);

    const csv = within(typology).getByRole('link', { name: /^Download the data \(CSV\)/ });
    expect(csv.getAttribute('href')).toBe(`${analyticsApi}/charts/typology?from=2024&to=2025`);
    const report = screen.getByRole('link', { name: /^Download the annual-report data pack \(Word\)/ });
    expect(report.getAttribute('href')).toBe(`${analyticsApi}/annual-report?year=2025`);
    await userEvent.selectOptions(screen.getByLabelText('Year'), '2024');
    expect(report.getAttribute('href')).toBe(`${analyticsApi}/annual-report?year=2024`);
  });

  it('changes the years through the address, and names the year when the range is the wrong way round', async () => {
    const calls = renderAnalytics({
      [`GET ${analyticsApi}`]: { status: 200, body: analyticsBody() },
      [`GET ${analyticsApi}?from=2020&to=2025`]: { status: 200, body: analyticsBody({ from: 2020 }) },
      [`GET ${analyticsApi}?from=2025&to=2020`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem',
            details: {
              fields: [{ path: 'from', message: 'The first year must be the same as or before the last' }],
            },
          },
        },
      },
    });
    await screen.findByRole('heading', { level: 2, name: headings[0] });
    expect((screen.getByLabelText('From') as HTMLSelectElement).value).toBe('2024');
    await userEvent.selectOptions(screen.getByLabelText('From'), '2020');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/from 2020 to 2025; the most common category/)).toBeTruthy();
    expect(calls.at(-1)?.path).toBe(`${analyticsApi}?from=2020&to=2025`);

    await userEvent.selectOptions(screen.getByLabelText('From'), '2025');
    await userEvent.selectOptions(screen.getByLabelText('To'), '2020');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'The first year must be the same as or before the last' }),
    ).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
