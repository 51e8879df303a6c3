import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { useRequestPasswordReset } from './api.ts';

const fieldIds = ['email'] as const;

/** Ask for a link to reset a forgotten password; the answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const request = useRequestPasswordReset();
  const problem = useFormProblem(request.error, fieldIds);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate({ email });
  };

  if (request.isSuccess) {
    return (
      <Page title={['Check your email']} heading="Check your email">
        <p className="govuk-body">
          If there is a Sightlines account for <strong>{email}</strong>, we have sent it an email with a link
          to reset your password.
        </p>
        <p className="govuk-body">The link works once, for 1 hour. It may take a few minutes to arrive.</p>
        <h2 className="govuk-heading-m">If you do not get an email</h2>
        <p className="govuk-body">
          Check your spam or junk folder. If it is not there, check you used the email address you sign in
          with, or contact the admin of your safeguarding partnership.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Go back to sign in
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={['Reset your password']} heading="Reset your password" errors={problem?.items}>
      <p className="govuk-body">
        Enter the email address you sign in with. We will send you a link to choose a new password.
      </p>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={problem?.fields.email}
        />
        <button type="submit" className="govuk-button" disabled={request.isPending}>
          Send me a link
        </button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/sign-in">
          Go back to sign in
        </Link>
      </p>
    </Page>
  );
}
