import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const base = `/api/partnerships/${demoPartnershipId}`;
const jordan = {
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
};

describe('adding a person', () => {
  it('says when the person already had an account, and lists them', async () => {
    let added = false;
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${base}/agencies`]: { status: 200, body: { agencies: [], abilities: { create: true } } },
      [`GET ${base}/users`]: () => ({
        status: 200,
        body: { users: added ? [jordan] : [], abilities: { create: true } },
      }),
      [`POST ${base}/users`]: () => {
        added = true;
        return { status: 201, body: { user: jordan, existingAccount: true } };
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/users/new`);
    await userEvent.type(await screen.findByLabelText('Full name'), 'Jordan Lee');
    await userEvent.type(screen.getByLabelText('Email address'), 'jordan.lee@yjs.example.org');
    await userEvent.click(screen.getByLabelText('Member'));
    await userEvent.type(screen.getByLabelText('Temporary password'), 'quartz-meadow-violin-31');
    await userEvent.click(screen.getByRole('button', { name: 'Add person' }));

    expect(await screen.findByText('Jordan Lee has been added')).toBeTruthy();
    expect(screen.getByText(/already had a Sightlines account/)).toBeTruthy();
    expect(await screen.findByRole('cell', { name: 'jordan.lee@yjs.example.org' })).toBeTruthy();
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      name: 'Jordan Lee',
      email: 'jordan.lee@yjs.example.org',
      agencyId: null,
      role: 'member',
      initialPassword: 'quartz-meadow-violin-31',
    });
  });

  it('shows "Page not found" for an address that does not exist', async () => {
    mockApi({ 'GET /api/session': { status: 200, body: sessionBody() } });
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(document.title).toBe('Page not found – Sightlines');
  });
});
