import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const base = `/api/partnerships/${demoPartnershipId}/api-tokens`;
const scopes = [
  { value: 'actions:read', label: 'Read review action plans and the partnership’s action tracker' },
  { value: 'library:read', label: 'Read and search the learning library' },
  { value: 'reviews:read', label: 'Read the list of reviews and each review’s outline (not its evidence)' },
];
const token = (over: Record<string, unknown> = {}) => ({
  id: '0a0b0c0d-0000-4000-8000-000000000001',
  name: 'Performance dashboard',
  prefix: 'sl_AbCdEfG',
  scopes: ['actions:read'],
  expiresOn: null,
  status: 'active',
  createdAt: '2027-01-05T10:00:00.000Z',
  createdBy: { id: '8b6f0a0e-2b1c-4f3e-9a0d-6f1e2d3c4b5a', name: 'Alex Admin' },
  lastUsedAt: null,
  revokedAt: null,
  abilities: { revoke: true },
  ...over,
});

describe('API tokens', () => {
  it('creates a token and shows it once, with a warning', async () => {
    const secret = `sl_${'x'.repeat(43)}`;
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}`]: { status: 200, body: { tokens: [], scopes, abilities: { create: true } } },
      [`POST ${base}`]: { status: 201, body: { token: token(), secret } },
    });
    renderApp(`/partnerships/${demoPartnershipId}/api-tokens/new`);
    await userEvent.type(await screen.findByLabelText('Name'), 'Performance dashboard');
    await userEvent.click(screen.getByLabelText(scopes[0]!.label));
    await userEvent.type(screen.getByLabelText('Day'), '31');
    await userEvent.type(screen.getByLabelText('Month'), '3');
    await userEvent.type(screen.getByLabelText('Year'), '2027');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));

    expect(await screen.findByText(secret)).toBeTruthy();
    expect(screen.getByText(/It will not be shown again/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      name: 'Performance dashboard',
      scopes: ['actions:read'],
      expiresOn: '2027-03-31',
    });
  }, 30_000);

  it('lists tokens and revokes one after confirming', async () => {
    let revoked = false;
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}`]: () => ({
        status: 200,
        body: {
          tokens: [revoked ? token({ status: 'revoked', abilities: { revoke: false } }) : token()],
          scopes,
          abilities: { create: true },
        },
      }),
      [`DELETE ${base}/${token().id}`]: () => {
        revoked = true;
        return { status: 204 };
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/api-tokens`);
    const row = (await screen.findByText('Performance dashboard')).closest('tr') as HTMLElement;
    expect(within(row).getByText('Not used yet')).toBeTruthy();
    expect(within(row).getByText('Active')).toBeTruthy();
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke “Performance dashboard”' }));
    expect(screen.getByText(/will stop working at once/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Yes, revoke “Performance dashboard”' }));
    expect(await screen.findByText('“Performance dashboard” has been revoked')).toBeTruthy();
    expect(await screen.findByText('Revoked')).toBeTruthy();
  });
});
