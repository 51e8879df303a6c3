import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders } from '../testing/render.tsx';
import {
  actionBody,
  actionId,
  actionListBody,
  agenciesBody,
  agencyId,
  boardResponseBody,
  businessManager,
  findingId,
  partnershipApi,
  reviewAddress,
  reviewApi,
} from './action-fixtures.ts';
import { ActionRoutes } from './action-routes.tsx';

function renderAt(path: string, routes: Parameters<typeof mockApi>[0] = {}) {
  const calls = mockApi({
    [`GET ${reviewApi}`]: { status: 200, body: businessManager },
    [`GET ${reviewApi}/board-response`]: { status: 200, body: boardResponseBody() },
    [`GET ${reviewApi}/actions`]: { status: 200, body: actionListBody([actionBody()]) },
    [`GET ${partnershipApi}/agencies`]: { status: 200, body: agenciesBody },
    ...routes,
  });
  renderWithProviders(
    <Routes>
      <Route path="/partnerships/:partnershipId/reviews/:reviewId/actions/*" element={<ActionRoutes />} />
    </Routes>,
    `${reviewAddress}/actions${path}`,
  );
  return calls;
}

describe('the action plan', { timeout: 30_000 }, () => {
  it('groups the actions by finding, with tags, owner and due date', async () => {
    renderAt('', {
      [`GET ${reviewApi}/actions`]: {
        status: 200,
        body: actionListBody([actionBody({ overdue: true })]),
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Action plan' })).toBeTruthy();
    const first = screen
      .getByRole('heading', { level: 2, name: 'Finding 1' })
      .closest('section') as HTMLElement;
    const card = within(first);
    expect(card.getByText('Audit 20 assessments for recorded doubt.')).toBeTruthy();
    expect(card.getByText('Overdue').className).toContain('govuk-tag--red');
    expect(card.getByText('Head of quality, Police')).toBeTruthy();
    expect(card.getByText('30 June 2027')).toBeTruthy();
    const second = screen
      .getByRole('heading', { level: 2, name: 'Finding 2' })
      .closest('section') as HTMLElement;
    expect(within(second).getByText('No actions answer this finding yet.')).toBeTruthy();
  });

  it('adds an action answering an issue for the board', async () => {
    const calls = renderAt('/new', {
      [`POST ${reviewApi}/actions`]: { status: 201, body: actionBody() },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText('Finding 1, issue for the board 1'));
    await user.type(screen.getByLabelText('What will be done'), 'Audit 20 assessments.');
    await user.selectOptions(screen.getByLabelText('Owner agency (optional)'), agencyId);
    await user.type(screen.getByLabelText('Owner (optional)'), 'Head of quality');
    await user.click(screen.getByRole('button', { name: 'Add the action' }));
    expect(await screen.findByText('The action has been added')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      findingId,
      target: 'question',
      targetIndex: 0,
      description: 'Audit 20 assessments.',
      ownerAgencyId: agencyId,
      ownerName: 'Head of quality',
      dueOn: null,
      successMeasure: null,
    });
  });

  it('reveals the evidence fields for impact verified and sends them with the version', async () => {
    const calls = renderAt(`/${actionId}`, {
      [`PUT ${reviewApi}/actions/${actionId}`]: {
        status: 200,
        body: actionBody({ status: 'impact_verified' }),
      },
    });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Change the action' });
    expect(screen.queryByLabelText('The evidence of impact')).toBeNull();
    await user.click(screen.getByLabelText('Impact verified'));
    await user.click(screen.getByRole('button', { name: 'Save the action' }));
    expect(await screen.findAllByText('Enter the evidence of impact')).toHaveLength(2);
    expect(screen.getAllByText('Enter the date it was done')).toHaveLength(2);
    await user.click(screen.getByLabelText('An audit'));
    const done = within(screen.getByRole('group', { name: 'Date it was done' }));
    await user.type(done.getByLabelText('Day'), '1');
    await user.type(done.getByLabelText('Month'), '6');
    await user.type(done.getByLabelText('Year'), '2027');
    await user.type(
      screen.getByLabelText('The evidence of impact'),
      'A re-audit found doubt recorded in 17 of 20.',
    );
    await user.click(screen.getByRole('button', { name: 'Save the action' }));
    expect(await screen.findByText('The action has been saved')).toBeTruthy();
    const sent = calls.find((c) => c.method === 'PUT')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      status: 'impact_verified',
      completedOn: '2027-06-01',
      impactEvidenceKind: 'audit',
      impactEvidence: 'A re-audit found doubt recorded in 17 of 20.',
      version: 3,
      findingId,
      target: 'question',
      targetIndex: 0,
    });
  });

  it('says when someone else changed the action', async () => {
    renderAt(`/${actionId}`, {
      [`PUT ${reviewApi}/actions/${actionId}`]: {
        status: 409,
        body: { error: { code: 'stale_version', message: 'This record has changed.' } },
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Save the action' }));
    expect(await screen.findByText(/Someone else changed this action/)).toBeTruthy();
  });
});
