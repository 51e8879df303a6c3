import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '#domain/user/limits.ts';
import { ApiError } from '../api/client.ts';
import { TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { formatDate } from '../review/dates.ts';
import { type PasswordTokenDto, usePasswordToken, useSetPasswordFromLink } from './api.ts';

const fieldIds = ['newPassword', 'confirmPassword'] as const;

/**
 * Where a link from an email leads (`/set-password#<token>`): choose a password for a new account,
 * or a new one for a forgotten password. The token stays after `#`, so it never reaches a server log.
 */
export function SetPasswordPage() {
  const token = useLocation().hash.replace(/^#/, '');
  const link = usePasswordToken(token);
  if (!token || (link.error instanceof ApiError && [400, 404].includes(link.error.status))) {
    return <InvalidLink />;
  }
  if (link.isError) return <QueryProblem error={link.error} />;
  if (!link.data) return <Loading />;
  return <SetPassword token={token} link={link.data} />;
}

function InvalidLink() {
  return (
    <Page title={['This link is not valid']} heading="This link is not valid">
      <p className="govuk-body">
        The link may have been used already, or it may have expired. A link to reset a password works once,
        for 1 hour. A link to set up a new account works once, for 7 days.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/forgot-password">
          Ask for a new link
        </Link>{' '}
        or contact the admin of your safeguarding partnership.
      </p>
    </Page>
  );
}

function SetPassword({ token, link }: { token: string; link: PasswordTokenDto }) {
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const save = useSetPasswordFromLink();
  const serverProblem = useFormProblem(save.error, fieldIds);
  const problem = checked ?? serverProblem;
  const invitation = link.purpose === 'invitation';

  if (save.isSuccess) {
    return (
      <Page title={['Your password has been set']} heading="Your password has been set">
        <p className="govuk-body">Sign in with your email address and your new password.</p>
        <p className="govuk-body">
          <Link className="govuk-button" to="/sign-in">
            Sign in
          </Link>
        </p>
      </Page>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientProblem(
      {
        newPassword: !newPassword
          ? 'Enter a password'
          : newPassword.length < MIN_PASSWORD_LENGTH
            ? `Password must be ${MIN_PASSWORD_LENGTH} characters or more`
            : '',
        confirmPassword:
          newPassword && confirmPassword !== newPassword ? 'The passwords do not match. Enter it again' : '',
      },
      fieldIds,
    );
    setChecked(found);
    if (found) return;
    save.mutate({ token, newPassword });
  };

  const heading = invitation ? 'Set up your account' : 'Choose a new password';
  return (
    <Page title={[heading]} heading={heading} errors={problem?.items}>
      <p className="govuk-body">
        {invitation
          ? 'Choose a password for your Sightlines account'
          : 'Choose a new password for the account'}{' '}
        {link.emailHint}.{' '}
        {invitation
          ? `This link works once, until ${formatDate(link.expiresAt)}.`
          : 'This link works once, for 1 hour from when we sent it.'}
      </p>
      <p className="govuk-body">
        Use a long password that you do not use anywhere else. Three or four random words together work well.
      </p>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="newPassword"
          label={invitation ? 'Create a password' : 'New password'}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Do not use a common password or your email address.`}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={problem?.fields.newPassword}
        />
        <TextField
          id="confirmPassword"
          label="Enter the password again"
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          onChange={setConfirmPassword}
          error={problem?.fields.confirmPassword}
        />
        <button type="submit" className="govuk-button" disabled={save.isPending}>
          Save password
        </button>
      </form>
    </Page>
  );
}
