import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const url = `/api/partnerships/${demoPartnershipId}/security-policy`;
const policy = (requireMfaFor: string[], version: number) => ({
  requireMfaFor,
  version,
  updatedAt: null,
  updatedBy: null,
  options: [
    { value: 'partnership_admin', label: 'Partnership admins' },
    { value: 'business_manager', label: 'Business managers' },
    { value: 'member', label: 'Members' },
    { value: 'sensitive_review_roles', label: 'Anyone whose part in a review lets them read case material' },
  ],
  sensitiveReviewRoles: [{ role: 'lead_reviewer', label: 'Lead reviewer' }],
  abilities: { update: true },
});

describe('the two-step verification policy', () => {
  it('saves the chosen roles with the version it was based on', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${url}`]: { status: 200, body: policy([], 1) },
      [`PUT ${url}`]: { status: 200, body: policy(['partnership_admin'], 2) },
    });
    renderApp(`/partnerships/${demoPartnershipId}/security`);
    expect(await screen.findByRole('heading', { name: 'Who must use two-step verification' })).toBeTruthy();
    expect(screen.getByText(/In a review: lead reviewer/)).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Partnership admins'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The policy has been saved')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      requireMfaFor: ['partnership_admin'],
      version: 1,
    });
  });
});
