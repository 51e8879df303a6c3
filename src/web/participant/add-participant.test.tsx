import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const base = `/api/partnerships/${demoPartnershipId}`;
const reviewApi = `${base}/reviews/${reviewId}`;
const lee = {
  id: '5a8e3c1d-2b4f-4e6a-8c0d-1e2f3a4b5c6d',
  role: 'case_group_member',
  roleLabel: 'Case group member',
  name: 'Lee Practitioner',
  email: 'lee@health.example.org',
  jobTitle: 'Health visitor',
  agencyId: null,
  agencyName: null,
  userId: null,
  lineManagerParticipantId: null,
  status: 'invited',
  flags: [],
  version: 1,
};

describe('adding a person to a review', () => {
  it('invites someone new and shows their one-time link once', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${reviewApi}`]: { status: 200, body: reviewBody() },
      [`GET ${reviewApi}/participants`]: {
        status: 200,
        body: { participants: [], abilities: { manage: true } },
      },
      [`GET ${base}/agencies`]: { status: 200, body: { agencies: [], abilities: { create: true } } },
      // A lead reviewer may not list the partnership's people: they can only invite someone new.
      [`GET ${base}/users`]: {
        status: 403,
        body: { error: { code: 'forbidden', message: 'You do not have permission to do that.' } },
      },
      [`POST ${reviewApi}/participants`]: {
        status: 201,
        body: { participant: lee, invitationUrl: '/invitations/abcdefghijklmnopqrstuvwxyz0123456789' },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/reviews/${reviewId}/people/new`);
    await userEvent.click(await screen.findByLabelText('Case group member'));
    expect(screen.queryByLabelText('Person in the partnership')).toBeNull();
    await userEvent.type(screen.getByLabelText('Full name'), 'Lee Practitioner');
    await userEvent.type(screen.getByLabelText('Email address'), 'lee@health.example.org');
    await userEvent.type(screen.getByLabelText('Job title (optional)'), 'Health visitor');
    await userEvent.click(screen.getByRole('button', { name: 'Add to review' }));

    expect(
      await screen.findByText('Lee Practitioner has been added to the review as case group member'),
    ).toBeTruthy();
    expect(
      screen.getByText(/Send this link to Lee Practitioner securely. It works once and expires in 14 days./),
    ).toBeTruthy();
    const link = screen.getByLabelText('Invitation link for Lee Practitioner') as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/invitations/abcdefghijklmnopqrstuvwxyz0123456789`);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      role: 'case_group_member',
      name: 'Lee Practitioner',
      email: 'lee@health.example.org',
      jobTitle: 'Health visitor',
      agencyId: null,
      lineManagerParticipantId: null,
    });
  });
});
