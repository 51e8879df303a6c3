import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';
import {
  draftRequestBody,
  monitoringBody,
  reviewAddress,
  reviewApi,
  reviewWith,
  sessionWith,
} from './fixtures.ts';

const monitoringApi = `/api/partnerships/${demoPartnershipId}/monitoring`;
const draftsApi = `${reviewApi}/draft-requests`;
const manager = sessionWith({ monitorReviews: true });
/** The first page shown loads its code, which takes a while on a busy machine. */
const slow = { timeout: 10_000 };

async function typeDate(legend: string | RegExp, day: string, month: string, year: string) {
  const group = screen.getByRole('group', { name: legend });
  await userEvent.type(within(group).getByLabelText('Day'), day);
  await userEvent.type(within(group).getByLabelText('Month'), month);
  await userEvent.type(within(group).getByLabelText('Year'), year);
}

describe('monitoring', { timeout: 30_000 }, () => {
  it('shows each review against its dates, with overdue deadlines as tags', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: manager },
      [`GET ${monitoringApi}`]: { status: 200, body: monitoringBody() },
    });
    renderApp(`/partnerships/${demoPartnershipId}/monitoring`);
    const table = await screen.findByRole('table', { name: '2 open reviews' }, slow);
    const childA = within(table).getByRole('link', { name: 'Child A' }).closest('tr') as HTMLElement;
    expect(within(childA).getByText('Overdue by 12 days')).toBeTruthy();
    expect(within(childA).getAllByText('Overdue')).toHaveLength(2);
    expect(within(childA).getByText('Target publication')).toBeTruthy();
    expect(within(childA).getByText('Draft requested on 1 April 2026')).toBeTruthy();
    expect(within(childA).getByText('Requested 1 April 2026, due 15 April 2026')).toBeTruthy();
    expect(
      within(childA).getByRole('link', { name: /3 green, 1 amber, 0 red, 14 not assessed/ }),
    ).toBeTruthy();
    expect(
      within(childA).getByRole('link', { name: 'Record a request for Child A' }).getAttribute('href'),
    ).toBe(`${reviewAddress}/draft-requests`);
    const childB = within(table).getByRole('link', { name: 'Child B' }).closest('tr') as HTMLElement;
    expect(within(childB).getByText('20 days left')).toBeTruthy();
    expect(within(childB).queryByText('Overdue')).toBeNull();
    expect(within(childB).getByText('Target publication: 10 July 2026')).toBeTruthy();
    expect(screen.getByText('1 review has missed a deadline.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Monitoring' }).getAttribute('aria-current')).toBe('page');
  });

  it('tells a member without the ability that they cannot see it', async () => {
    mockApi({ 'GET /api/session': { status: 200, body: sessionBody() } });
    renderApp(`/partnerships/${demoPartnershipId}/monitoring`);
    expect(await screen.findByRole('heading', { name: 'You do not have permission' })).toBeTruthy();
  });

  it('records a request for a draft and the day it arrived', async () => {
    let requests = [draftRequestBody()];
    const calls = mockApi({
      'GET /api/session': { status: 200, body: manager },
      [`GET ${reviewApi}`]: { status: 200, body: reviewWith({ viewQuality: true }) },
      [`GET ${draftsApi}`]: () => ({ status: 200, body: { requests, abilities: { record: true } } }),
      [`POST ${draftsApi}/${draftRequestBody().id}/received`]: ({ body }) => {
        requests = [{ ...draftRequestBody(), ...(body as object) }];
        return { status: 200, body: requests[0] };
      },
      [`POST ${draftsApi}`]: ({ body }) => {
        const made = draftRequestBody({ id: '3c4d5e6f-7777-4000-8000-000000000002', ...(body as object) });
        requests = [made, ...requests];
        return { status: 201, body: made };
      },
    });
    renderApp(`${reviewAddress}/draft-requests`);
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Requested on 1 April 2026' }, slow),
    ).toBeTruthy();
    expect(screen.getByText('Not received yet')).toBeTruthy();
    await typeDate('Date the draft arrived', '10', '4', '2026');
    await userEvent.click(screen.getByRole('button', { name: /^Mark as received/ }));
    expect(
      await screen.findByText('The draft requested on 1 April 2026 has been marked as received'),
    ).toBeTruthy();
    expect(calls.find((c) => c.path.endsWith('/received'))?.body).toEqual({ receivedOn: '2026-04-10' });
    expect(await screen.findByText('10 April 2026')).toBeTruthy();

    await typeDate('Date of the request', '1', '5', '2026');
    await userEvent.type(screen.getByLabelText('Note (optional)'), 'The revised draft.');
    await userEvent.click(screen.getByRole('button', { name: 'Record the request' }));
    expect(await screen.findByText('The request for a draft has been recorded')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST' && c.path === draftsApi)?.body).toEqual({
      requestedOn: '2026-05-01',
      dueOn: null,
      note: 'The revised draft.',
    });
    expect(await screen.findByRole('heading', { level: 3, name: 'Requested on 1 May 2026' })).toBeTruthy();
  });

  it('asks for the date of a request before sending it', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: manager },
      [`GET ${reviewApi}`]: { status: 200, body: reviewWith({ viewQuality: true }) },
      [`GET ${draftsApi}`]: { status: 200, body: { requests: [], abilities: { record: true } } },
    });
    renderApp(`${reviewAddress}/draft-requests`);
    await userEvent.click(await screen.findByRole('button', { name: 'Record the request' }, slow));
    const summary = await screen.findByRole('alert');
    expect(
      within(summary).getByRole('link', { name: 'Enter the date of the request' }).getAttribute('href'),
    ).toBe('#requestedOn');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
