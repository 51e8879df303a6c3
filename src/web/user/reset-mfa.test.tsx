import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const base = `/api/partnerships/${demoPartnershipId}`;
const person = (over: Record<string, unknown> = {}) => ({
  id: '3d1f7c0a-9b2e-4c1d-8e6f-5a4b3c2d1e0f',
  name: 'Jordan Lee',
  email: 'jordan.lee@yjs.example.org',
  jobTitle: null,
  agencyId: null,
  agencyName: null,
  role: 'member',
  roleLabel: 'Member',
  active: true,
  lastSignedInAt: null,
  version: 1,
  abilities: { update: true },
  ...over,
});
const self = person({ id: sessionBody().user.id, name: 'Alex Admin', email: 'admin@demo.sightlines.test' });
const jordan = person();
const resetUrl = `${base}/users/${jordan.id}/mfa-reset`;
const pageRoutes = {
  'GET /api/session': { status: 200, body: sessionBody() },
  [`GET ${base}/agencies`]: { status: 200, body: { agencies: [], abilities: { create: true } } },
  [`GET ${base}/users`]: { status: 200, body: { users: [self, jordan], abilities: { create: true } } },
};

describe('resetting a person’s two-step verification', () => {
  it('asks first, can be cancelled, then resets and says so on the people page', async () => {
    const calls = mockApi({
      ...pageRoutes,
      [`POST ${resetUrl}`]: {
        status: 200,
        body: { userId: jordan.id, name: 'Jordan Lee', sessionsEnded: 2 },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/users/${jordan.id}/change`);
    await userEvent.click(await screen.findByRole('button', { name: 'Reset two-step verification' }));
    expect(screen.getByText(/Are you sure you want to reset two-step verification for Jordan Lee/)).toBe(
      document.activeElement,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('button', { name: 'Reset two-step verification' })).toBe(document.activeElement);
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Reset two-step verification' }));
    await userEvent.click(screen.getByRole('button', { name: /Yes, reset it/ }));
    expect(await screen.findByText('Two-step verification has been reset for Jordan Lee')).toBeTruthy();
    expect(screen.getByText(/They have been signed out/)).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([resetUrl]);
  });

  it('shows the server’s reason when there is nothing to reset', async () => {
    mockApi({
      ...pageRoutes,
      [`POST ${resetUrl}`]: {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'Jordan Lee has not set up two-step verification, so there is nothing to reset.',
          },
        },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/users/${jordan.id}/change`);
    await userEvent.click(await screen.findByRole('button', { name: 'Reset two-step verification' }));
    await userEvent.click(screen.getByRole('button', { name: /Yes, reset it/ }));
    expect(await screen.findByText('There is a problem')).toBeTruthy();
    expect(screen.getAllByText(/nothing to reset/).length).toBeGreaterThan(0);
  });

  it('is not offered on the admin’s own page', async () => {
    mockApi(pageRoutes);
    renderApp(`/partnerships/${demoPartnershipId}/users/${self.id}/change`);
    expect(await screen.findByRole('heading', { name: 'Change Alex Admin' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reset two-step verification' })).toBeNull();
  });
});
