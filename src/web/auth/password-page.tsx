import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '#domain/user/limits.ts';
import { useChangePassword, useSession } from '../api/session.ts';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { safeReturnTo } from './return-to.ts';

const fieldIds = ['currentPassword', 'newPassword'] as const;

/** Choose a new password: required after signing in with a temporary one, and open to anyone signed in. */
export function PasswordPage() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const change = useChangePassword();
  const problem = useFormProblem(change.error, fieldIds);
  const mustChange = session.data?.user.mustChangePassword === true;
  const returnTo = safeReturnTo(searchParams.get('to'));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      { onSuccess: () => navigate(returnTo, { state: { passwordChanged: true } }) },
    );
  };

  return (
    <Page title={['Choose a new password']} heading="Choose a new password" errors={problem?.items}>
      {mustChange ? (
        <p className="govuk-body">You need to choose your own password before you can use Sightlines.</p>
      ) : null}
      <p className="govuk-body">
        Use a long password that you do not use anywhere else. Three or four random words together work well.
      </p>
      <form noValidate onSubmit={onSubmit}>
        {/* Lets password managers know whose password this is. */}
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={session.data?.user.email ?? ''}
          readOnly
          hidden
        />
        <TextField
          id="currentPassword"
          label="Current password"
          hint={mustChange ? 'This is the temporary password you were given' : undefined}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={problem?.fields.currentPassword}
        />
        <TextField
          id="newPassword"
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Do not use a common password or your email address.`}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={setNewPassword}
          error={problem?.fields.newPassword}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={change.isPending}>
            Save new password
          </button>
          {mustChange ? null : (
            <Link className="govuk-link" to={returnTo}>
              Cancel
            </Link>
          )}
        </div>
      </form>
    </Page>
  );
}
