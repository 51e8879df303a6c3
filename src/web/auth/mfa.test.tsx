import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoPartnershipId, mockApi, renderApp, sessionBody } from '../testing/render.tsx';

const notSignedIn = {
  status: 401,
  body: { error: { code: 'unauthenticated', message: 'Sign in to continue.' } },
};
const complete = (user: Record<string, unknown> = {}) => {
  const body = sessionBody();
  return {
    ...body,
    user: { ...body.user, mfaEnabled: false, ...user },
    mfaPending: false,
    mfaEnrolmentRequired: false,
  };
};
const pending = () => ({
  ...complete({ mfaEnabled: true }),
  memberships: [],
  mfaPending: true,
  csrfToken: 'pending',
});
const agencies = {
  [`GET /api/partnerships/${demoPartnershipId}/agencies`]: {
    status: 200,
    body: { agencies: [], abilities: { create: true } },
  },
};

describe('the second step of signing in', () => {
  it('asks for the code after the password, then goes where the person was going', async () => {
    let state: 'out' | 'pending' | 'in' = 'out';
    const calls = mockApi({
      'GET /api/session': () =>
        state === 'out' ? notSignedIn : { status: 200, body: state === 'pending' ? pending() : complete() },
      'POST /api/session': () => {
        state = 'pending';
        return { status: 200, body: pending() };
      },
      'POST /api/session/mfa/verification': () => {
        state = 'in';
        return { status: 200, body: { session: complete({ mfaEnabled: true }), recoveryCodes: null } };
      },
      ...agencies,
    });
    renderApp(`/partnerships/${demoPartnershipId}/agencies`);
    await userEvent.type(await screen.findByLabelText('Email address'), 'admin@demo.sightlines.test');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse-battery-9');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Two-step verification' })).toBeTruthy();
    const code = screen.getByLabelText('Enter the 6-digit code from your authenticator app');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await userEvent.type(code, '123 456');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Agencies' })).toBeTruthy();
    const verify = calls.find((c) => c.path === '/api/session/mfa/verification');
    expect(verify?.body).toEqual({ code: '123 456' });
    expect(verify?.headers['X-CSRF-Token']).toBe('pending');
  }, 30_000);

  it('shows a wrong code against the field, and takes a recovery code instead', async () => {
    let attempts = 0;
    const calls = mockApi({
      'GET /api/session': () => ({ status: 200, body: attempts < 2 ? pending() : complete() }),
      'POST /api/session/mfa/verification': () => {
        attempts += 1;
        if (attempts === 1) {
          return {
            status: 400,
            body: {
              error: {
                code: 'validation_failed',
                message: 'There is a problem with what you entered.',
                details: { fields: [{ path: 'code', message: 'The code is not correct' }] },
              },
            },
          };
        }
        return { status: 200, body: { session: complete({ mfaEnabled: true }), recoveryCodes: null } };
      },
      ...agencies,
    });
    renderApp(`/partnerships/${demoPartnershipId}/agencies`);
    await userEvent.type(
      await screen.findByLabelText('Enter the 6-digit code from your authenticator app'),
      '000000',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    const link = await screen.findByRole('link', { name: 'The code is not correct' });
    expect(link.getAttribute('href')).toBe('#code');
    await waitFor(() => expect(document.title).toBe('Error: Two-step verification – Sightlines'));

    await userEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    await userEvent.type(screen.getByLabelText('Enter one of your recovery codes'), 'abcde-fghjk');
    await userEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Agencies' })).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ recoveryCode: 'abcde-fghjk' });
  }, 30_000);

  it('sends someone whose partnership requires it to set it up first', async () => {
    mockApi({
      'GET /api/session': {
        status: 200,
        body: { ...complete(), memberships: [], mfaEnrolmentRequired: true },
      },
    });
    renderApp(`/partnerships/${demoPartnershipId}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Set up two-step verification' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Set up two-step verification' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Your account' })).toBeNull();
  });
});

describe('setting up two-step verification', () => {
  it('shows the key in fours and as a link, confirms a code, then shows the recovery codes once', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const codes = Array.from({ length: 10 }, (_, i) => `abcd${i + 2}-fghjk`);
    let on = false;
    const calls = mockApi({
      'GET /api/session': () => ({ status: 200, body: complete({ mfaEnabled: on }) }),
      'POST /api/session/mfa/enrolment': {
        status: 200,
        body: {
          secret,
          otpauthUrl: `otpauth://totp/Sightlines:admin%40demo.sightlines.test?secret=${secret}&issuer=Sightlines`,
          issuer: 'Sightlines',
          accountName: 'admin@demo.sightlines.test',
          digits: 6,
          periodSeconds: 30,
        },
      },
      'POST /api/session/mfa/verification': () => {
        on = true;
        return { status: 200, body: { session: complete({ mfaEnabled: true }), recoveryCodes: codes } };
      },
    });
    renderApp('/account');
    expect(await screen.findByRole('heading', { level: 2, name: 'Two-step verification' })).toBeTruthy();
    expect(screen.getByText('Off')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Set up two-step verification' }));

    expect(await screen.findByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'open the key in your authenticator app' });
    expect(link.getAttribute('href')).toMatch(/^otpauth:\/\/totp\/Sightlines:/);
    await userEvent.type(
      screen.getByLabelText('Enter the 6-digit code from your authenticator app'),
      '654321',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Turn on two-step verification' }));

    expect(await screen.findByRole('heading', { name: 'Your recovery codes' })).toBeTruthy();
    expect(screen.getByText(/They will not be shown again/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(list.textContent).toContain('abcd2-fghjk');
    expect(calls.find((c) => c.path === '/api/session/mfa/verification')?.body).toEqual({ code: '654321' });

    await userEvent.click(screen.getByRole('button', { name: 'I have stored my recovery codes' }));
    expect(await screen.findByText('Two-step verification is on')).toBeTruthy();
    expect(screen.queryByText('abcd2-fghjk')).toBeNull();
    expect(screen.getByRole('button', { name: 'Turn off two-step verification' })).toBeTruthy();
  }, 30_000);
});
