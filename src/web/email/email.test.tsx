import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderApp } from '../testing/render.tsx';

const notSignedIn = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
};
const token = 'A'.repeat(43);
const invalidLink = {
  status: 404,
  body: { error: { code: 'not_found', message: 'This link is not valid.' } },
};

describe('forgotten password', () => {
  it('is linked from sign in, and says the same whatever the address', async () => {
    const calls = mockApi({
      'GET /api/session': notSignedIn,
      'POST /api/password-reset': { status: 202, body: { message: 'If there is an account…' } },
    });
    renderApp('/sign-in');
    await userEvent.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Reset your password' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Email address'), 'jo@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
    expect(screen.getByText(/If there is a Sightlines account for/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ email: 'jo@example.org' });
  });

  it('shows the server’s field error and a refusal for too many requests', async () => {
    let replies = 0;
    mockApi({
      'GET /api/session': notSignedIn,
      'POST /api/password-reset': () =>
        replies++ === 0
          ? {
              status: 400,
              body: {
                error: {
                  code: 'validation_failed',
                  message: 'There is a problem with what you entered.',
                  details: { fields: [{ path: 'email', message: 'Enter an email address' }] },
                },
              },
            }
          : {
              status: 429,
              body: {
                error: {
                  code: 'rate_limited',
                  message: 'There have been too many requests from your network.',
                },
              },
            },
    });
    renderApp('/forgot-password');
    await userEvent.click(await screen.findByRole('button', { name: 'Send me a link' }));
    expect((await screen.findByRole('link', { name: 'Enter an email address' })).getAttribute('href')).toBe(
      '#email',
    );
    await userEvent.type(screen.getByLabelText('Email address'), 'jo@example.org');
    await userEvent.click(screen.getByRole('button', { name: 'Send me a link' }));
    expect(await screen.findByText('There have been too many requests from your network.')).toBeTruthy();
  });
});

describe('setting a password from a link', () => {
  it('reads the token after #, checks it, and sets the password', async () => {
    const calls = mockApi({
      'GET /api/session': notSignedIn,
      'POST /api/password-tokens/lookup': {
        status: 200,
        body: {
          purpose: 'invitation',
          purposeLabel: 'Set the password of a new account',
          emailHint: 's•••@e•••.org',
          expiresAt: '2027-01-08T10:00:00.000Z',
        },
      },
      'POST /api/password-tokens/redeem': { status: 204 },
    });
    renderApp(`/set-password#${token}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up your account' })).toBeTruthy();
    expect(screen.getByText(/s•••@e•••\.org/)).toBeTruthy();
    expect(screen.getByText(/until 8 January 2027/)).toBeTruthy();

    await userEvent.type(screen.getByLabelText('Create a password'), 'quartz-heron-meadow-82');
    await userEvent.type(screen.getByLabelText('Enter the password again'), 'quartz-heron-meadow-8');
    await userEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect(
      await screen.findByRole('link', { name: 'The passwords do not match. Enter it again' }),
    ).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/password-tokens/redeem')).toBe(false);

    await userEvent.type(screen.getByLabelText('Enter the password again'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your password has been set' })).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/password-tokens/lookup')?.body).toEqual({ token });
    expect(calls.find((c) => c.path === '/api/password-tokens/redeem')?.body).toEqual({
      token,
      newPassword: 'quartz-heron-meadow-82',
    });
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
  });

  it('shows the password rules the server applies', async () => {
    mockApi({
      'GET /api/session': notSignedIn,
      'POST /api/password-tokens/lookup': {
        status: 200,
        body: {
          purpose: 'password_reset',
          purposeLabel: 'Reset',
          emailHint: 'j•••@e•••.org',
          expiresAt: '2027-01-01T10:00:00.000Z',
        },
      },
      'POST /api/password-tokens/redeem': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem with what you entered.',
            details: { fields: [{ path: 'newPassword', message: 'Password is too common' }] },
          },
        },
      },
    });
    renderApp(`/set-password#${token}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new password' })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('New password'), 'password1234');
    await userEvent.type(screen.getByLabelText('Enter the password again'), 'password1234');
    await userEvent.click(screen.getByRole('button', { name: 'Save password' }));
    expect(await screen.findByRole('link', { name: 'Password is too common' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Error: Choose a new password – Sightlines'));
  });

  it('explains a used or expired link, and a link without its token', async () => {
    mockApi({ 'GET /api/session': notSignedIn, 'POST /api/password-tokens/lookup': invalidLink });
    renderApp(`/set-password#${token}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is not valid' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('explains a link cut short', async () => {
    mockApi({ 'GET /api/session': notSignedIn });
    renderApp('/set-password');
    expect(await screen.findByRole('heading', { level: 1, name: 'This link is not valid' })).toBeTruthy();
  });
});
