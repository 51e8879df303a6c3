import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderWithProviders } from '../testing/render.tsx';
import { actionBody, actionListBody, agenciesBody, agencyId, partnershipApi } from './action-fixtures.ts';
import { ActionTrackerRoute } from './action-routes.tsx';

const reviewsBody = { reviews: [{ id: reviewId, title: 'Child A' }], abilities: { commission: true } };

function renderTracker(query: string, routes: Parameters<typeof mockApi>[0] = {}) {
  const calls = mockApi({
    [`GET ${partnershipApi}/reviews?scope=all`]: { status: 200, body: reviewsBody },
    [`GET ${partnershipApi}/agencies`]: { status: 200, body: agenciesBody },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/actions" element={<ActionTrackerRoute />} />
    </Routes>,
    `/partnerships/${demoPartnershipId}/actions${query}`,
  );
  return calls;
}

const overdue = actionBody({ overdue: true, status: 'open', statusLabel: 'Open' });
const soon = actionBody({
  id: '8a9b0c1d-7777-4000-8000-000000000002',
  description: 'Brief supervisors on fathers.',
  dueSoon: true,
});

describe('the action tracker', { timeout: 30_000 }, () => {
  it('shows the actions with overdue and due soon tags, and exports with the same filters', async () => {
    renderTracker(`?status=open&agencyId=${agencyId}&overdue=true`, {
      [`GET ${partnershipApi}/actions?status=open&agencyId=${agencyId}&overdue=true`]: {
        status: 200,
        body: actionListBody([overdue, soon]),
      },
    });
    const table = within(await screen.findByRole('table'));
    const rows = table.getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByText('Overdue').className).toContain('govuk-tag--red');
    expect(within(rows[1] as HTMLElement).getByText('Due soon').className).toContain('govuk-tag--yellow');
    expect(within(rows[0] as HTMLElement).getByText('Finding 1, issue for the board 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Export to Excel (XLSX)' }).getAttribute('href')).toBe(
      `${partnershipApi}/actions/export?status=open&agencyId=${agencyId}&overdue=true`,
    );
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('open');
    expect((screen.getByLabelText('Only overdue') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Showing 2 actions.')).toBeTruthy();
    expect(
      screen.getByText('Across this agency: 1 open, 1 in progress, 0 done, 0 impact verified; 1 overdue.'),
    ).toBeTruthy();
  });

  it('applies the filters through the address and asks the server for them', async () => {
    const calls = renderTracker('', {
      [`GET ${partnershipApi}/actions`]: { status: 200, body: actionListBody([overdue, soon]) },
      [`GET ${partnershipApi}/actions?reviewId=${reviewId}&overdue=true`]: {
        status: 200,
        body: actionListBody([overdue]),
      },
    });
    await screen.findByRole('table');
    const user = userEvent.setup();
    await screen.findByRole('option', { name: 'Child A' });
    await user.selectOptions(screen.getByLabelText('Review'), reviewId);
    await user.click(screen.getByLabelText('Only overdue'));
    await user.click(screen.getByRole('button', { name: 'Apply the filters' }));
    expect(await screen.findByText('Showing 1 action.')).toBeTruthy();
    expect(
      screen.getByText('Across this review: 1 open, 0 in progress, 0 done, 0 impact verified; 1 overdue.'),
    ).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain(`${partnershipApi}/actions?reviewId=${reviewId}&overdue=true`);
    expect(screen.getByRole('link', { name: 'Export to Excel (XLSX)' }).getAttribute('href')).toBe(
      `${partnershipApi}/actions/export?reviewId=${reviewId}&overdue=true`,
    );
  });
});
