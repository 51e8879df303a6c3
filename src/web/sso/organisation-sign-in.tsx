import { type FormEvent, useState } from 'react';
import { isSsoErrorCode, SSO_START_PATH, ssoErrors } from '#domain/sso/sso.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { TextField } from '../components/form-fields.tsx';
import { browser } from './api.ts';

export const ORGANISATION_EMAIL_ID = 'organisation-email';

/** Why signing in with an organisation account did not work, from the sign-in page's address, in plain English. */
export function organisationSignInProblem(searchParams: URLSearchParams): ErrorSummaryItem | null {
  const code = searchParams.get('sso_error');
  if (code === null) return null;
  const message = isSsoErrorCode(code)
    ? ssoErrors[code]
    : 'Signing in with your organisation account did not work. Try again.';
  return { field: ORGANISATION_EMAIL_ID, message };
}

/**
 * "Sign in with your organisation account": the person's work email address finds their
 * partnership's identity provider, and the browser goes there to sign in.
 */
export function OrganisationSignIn({ returnTo, problem }: { returnTo: string; problem: string | undefined }) {
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (email.trim() === '') {
      setMissing(true);
      return;
    }
    const query = new URLSearchParams({ email: email.trim() });
    if (returnTo !== '/') query.set('to', returnTo);
    browser.go(`${SSO_START_PATH}?${query}`);
  };

  return (
    <>
      <h2 className="govuk-heading-m">Your organisation account</h2>
      <p className="govuk-body">
        If your partnership has set it up, you can sign in with your organisation account: the one you use at
        work, such as your council or NHS account. You will go to your organisation’s sign-in page and then
        come back here.
      </p>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id={ORGANISATION_EMAIL_ID}
          label="Work email"
          hint="For example, name@council.gov.uk"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={(value) => {
            setEmail(value);
            setMissing(false);
          }}
          error={missing ? 'Enter your work email address' : problem}
        />
        <button type="submit" className="govuk-button govuk-button--secondary">
          Continue to your organisation’s sign-in
        </button>
      </form>
    </>
  );
}
