import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const agenciesPath = `/api/partnerships/${demoPartnershipId}/agencies`;
const agency = (version: number, name: string) => ({
  id: '0c7a4a52-1d7e-4a55-8f5f-3a1f1b0c9d11',
  name,
  shortName: null,
  sector: 'police',
  sectorLabel: 'Police',
  active: true,
  version,
  createdAt: '2026-03-02T09:00:00.000Z',
  abilities: { update: true },
});

describe('agencies', () => {
  it('offers "Add an agency" only when the server says the person may', async () => {
    mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${agenciesPath}`]: {
        status: 200,
        body: { agencies: [agency(1, 'Northshire Police')], abilities: { create: false } },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/agencies`);
    expect(await screen.findByRole('cell', { name: 'Northshire Police' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Add an agency' })).toBeNull();
  });

  it('sends the version it started from, and reloads when someone else changed the agency', async () => {
    const current = agency(2, 'Northshire Constabulary');
    let listed = agency(1, 'Northshire Police');
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${agenciesPath}`]: () => ({
        status: 200,
        body: { agencies: [listed], abilities: { create: true } },
      }),
      [`PATCH ${agenciesPath}/${current.id}`]: () => {
        listed = current;
        return {
          status: 409,
          body: {
            error: {
              code: 'stale_version',
              message: 'Someone else changed this agency. Check it and try again.',
            },
          },
        };
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/agencies/${current.id}/change`);
    const name = await screen.findByLabelText('Agency name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Northshire Police Service');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Someone else changed this agency. Check it and try again.')).toBeTruthy();
    await waitFor(() =>
      expect((screen.getByLabelText('Agency name') as HTMLInputElement).value).toBe(
        'Northshire Constabulary',
      ),
    );
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toMatchObject({
      name: 'Northshire Police Service',
      version: 1,
      sector: 'police',
      active: true,
    });
    expect(patch?.headers['X-CSRF-Token']).toBe('csrf-token-123');
  });
});
