import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';
import { browser } from './api.ts';

const notSignedIn = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
};

afterEach(() => vi.restoreAllMocks());

describe('signing in with an organisation account', () => {
  it('goes to the start address with the work email address and where the person was going', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined);
    mockApi({ 'GET /api/session': notSignedIn });
    renderApp(`/sign-in?to=${encodeURIComponent('/partnerships/p1/reviews')}`);
    expect(await screen.findByRole('heading', { name: 'Your organisation account' })).toBeTruthy();
    expect(screen.getByText(/you can sign in with your organisation account/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Work email'), 'jo@eastmoor.gov.uk');
    await userEvent.click(screen.getByRole('button', { name: 'Continue to your organisation’s sign-in' }));
    expect(go).toHaveBeenCalledWith(
      `/api/auth/sso/start?email=jo%40eastmoor.gov.uk&to=${encodeURIComponent('/partnerships/p1/reviews')}`,
    );
  });

  it('asks for the email address before going anywhere', async () => {
    const go = vi.spyOn(browser, 'go').mockImplementation(() => undefined);
    mockApi({ 'GET /api/session': notSignedIn });
    renderApp('/sign-in');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Continue to your organisation’s sign-in' }),
    );
    expect(document.getElementById('organisation-email-error')?.textContent).toBe(
      'Error: Enter your work email address',
    );
    expect(go).not.toHaveBeenCalled();
  });

  it('explains in plain English why the organisation sign-in was refused', async () => {
    mockApi({ 'GET /api/session': notSignedIn });
    renderApp('/sign-in?sso_error=no_account');
    const message =
      'There is no Sightlines account for your organisation account’s email address in this partnership. Ask your partnership admin to add you.';
    const link = await screen.findByRole('link', { name: message });
    expect(link.getAttribute('href')).toBe('#organisation-email');
    expect(document.getElementById('organisation-email-error')?.textContent).toBe(`Error: ${message}`);
  });

  it('says something sensible about a code it does not know', async () => {
    mockApi({ 'GET /api/session': notSignedIn });
    renderApp('/sign-in?sso_error=made_up');
    expect(
      await screen.findByRole('link', {
        name: 'Signing in with your organisation account did not work. Try again.',
      }),
    ).toBeTruthy();
  });
});

const url = `/api/partnerships/${demoPartnershipId}/sso`;
const config = (overrides: Record<string, unknown> = {}) => ({
  partnershipId: demoPartnershipId,
  configured: true,
  enabled: false,
  displayName: 'Eastmoor Council',
  issuer: 'https://login.microsoftonline.com/tenant/v2.0',
  clientId: 'client-123',
  clientSecretSet: true,
  allowedDomains: ['eastmoor.gov.uk'],
  redirectUri: 'https://sightlines.example/api/auth/sso/callback',
  signInUrl: 'https://sightlines.example/api/auth/sso/start?partnership=eastmoor',
  version: 3,
  updatedAt: null,
  updatedBy: null,
  abilities: { update: true },
  ...overrides,
});

describe('the single sign-on settings', () => {
  it('show the redirect URI and save without sending the secret unless one is entered', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${url}`]: { status: 200, body: config() },
      [`PUT ${url}`]: { status: 200, body: config({ enabled: true, version: 4 }) },
    });
    renderApp(`/partnerships/${demoPartnershipId}/sso`);
    expect(await screen.findByRole('heading', { name: 'Single sign-on' })).toBeTruthy();
    expect(screen.getByText('https://sightlines.example/api/auth/sso/callback')).toBeTruthy();
    expect(screen.getByText(/A secret is saved. It is never shown./)).toBeTruthy();
    expect((screen.getByLabelText('Client secret') as HTMLInputElement).value).toBe('');
    const domains = screen.getByLabelText('Allowed email domains');
    await userEvent.type(domains, '\nnhs.net');
    const enabled = screen.getByRole('group', {
      name: 'Can people sign in with their organisation account?',
    });
    await userEvent.click(within(enabled).getByLabelText('Yes'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The single sign-on settings have been saved')).toBeTruthy();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      enabled: true,
      displayName: 'Eastmoor Council',
      issuer: 'https://login.microsoftonline.com/tenant/v2.0',
      clientId: 'client-123',
      allowedDomains: ['eastmoor.gov.uk', 'nhs.net'],
      version: 3,
    });
  });

  it('shows the server’s field errors, a listed domain’s on the domains field', async () => {
    const calls = mockApi({
      'GET /api/session': { status: 200, body: sessionBody() },
      [`GET ${url}`]: { status: 200, body: config({ clientSecretSet: false, configured: false }) },
      [`PUT ${url}`]: {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem with what you entered.',
            details: {
              fields: [
                {
                  path: 'issuer',
                  message: 'Sightlines could not reach an OpenID Connect provider at this issuer URL.',
                },
                { path: 'allowedDomains.0', message: 'Enter an email domain, like eastmoor.gov.uk' },
              ],
            },
          },
        },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/sso`);
    await userEvent.type(await screen.findByLabelText('Client secret'), 's3cret');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const link = await screen.findByRole('link', { name: 'Enter an email domain, like eastmoor.gov.uk' });
    expect(link.getAttribute('href')).toBe('#allowedDomains');
    expect(document.getElementById('issuer-error')?.textContent).toMatch(/could not reach/);
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ clientSecret: 's3cret' });
  });
});
