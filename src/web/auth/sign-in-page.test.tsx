import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const notSignedIn = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
};

describe('sign in', () => {
  it("shows the server's message in an error summary linked to the email address", async () => {
    mockApi({
      'GET /api/session': notSignedIn,
      'POST /api/session': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Enter a correct email address and password' } },
      },
    });
    renderApp('/sign-in');
    await userEvent.type(await screen.findByLabelText('Email address'), 'admin@demo.sightlines.test');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password-123');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const link = await screen.findByRole('link', { name: 'Enter a correct email address and password' });
    expect(link.getAttribute('href')).toBe('#email');
    await waitFor(() => expect(document.title).toBe('Error: Sign in – Sightlines'));

    // Correcting the answer keeps focus where the person is typing.
    const password = screen.getByLabelText('Password');
    await userEvent.type(password, 'more');
    expect(document.activeElement).toBe(password);
  });

  it('shows field errors inline and in the summary', async () => {
    mockApi({
      'GET /api/session': notSignedIn,
      'POST /api/session': {
        status: 400,
        body: {
          error: {
            code: 'validation_failed',
            message: 'There is a problem with what you entered.',
            details: { fields: [{ path: 'email', message: 'Enter an email address' }] },
          },
        },
      },
    });
    renderApp('/sign-in');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('link', { name: 'Enter an email address' })).getAttribute('href')).toBe(
      '#email',
    );
    expect(document.getElementById('email-error')?.textContent).toBe('Error: Enter an email address');
  });

  it('sends someone who is not signed in to sign in, then back to where they were going', async () => {
    let signedIn = false;
    const calls = mockApi({
      'GET /api/session': () => (signedIn ? { status: 200, body: sessionBody() } : notSignedIn),
      'POST /api/session': () => {
        signedIn = true;
        return { status: 200, body: sessionBody() };
      },
      [`GET /api/partnerships/${demoPartnershipId}/agencies`]: {
        status: 200,
        body: { agencies: [], abilities: { create: true } },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}/agencies`);
    await userEvent.type(await screen.findByLabelText('Email address'), 'admin@demo.sightlines.test');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse-battery-9');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Agencies' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Add an agency' })).toBeTruthy();
    const signIn = calls.find((call) => call.method === 'POST');
    expect(signIn?.headers['X-CSRF-Token']).toBeUndefined();
    expect(signIn?.body).toEqual({
      email: 'admin@demo.sightlines.test',
      password: 'correct-horse-battery-9',
    });
  });

  it('asks someone with a temporary password to choose a new one first', async () => {
    mockApi({ 'GET /api/session': { status: 200, body: sessionBody({ mustChangePassword: true }) } });
    renderApp(`/partnerships/${demoPartnershipId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Choose a new password' })).toBeTruthy();
    expect(screen.getByLabelText('Current password')).toBeTruthy();
    expect(screen.getByLabelText('New password')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Agencies' })).toBeNull();
  });
});
