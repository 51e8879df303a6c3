import { type FormEvent, useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession, useSignIn } from '../api/session.ts';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { OrganisationSignIn, organisationSignInProblem } from '../sso/organisation-sign-in.tsx';
import { safeReturnTo } from './return-to.ts';

const fieldIds = ['email', 'password'] as const;

/** Sign in with an email address and password, then go on to where the person was going. */
export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const problem = useFormProblem(signIn.error, fieldIds);
  // A refused sign-in does not say which of the two was wrong; its message links to the first field.
  const errors = useMemo(
    () =>
      problem?.items.map((item) =>
        item.field === undefined && problem.code === 'unauthenticated' ? { ...item, field: 'email' } : item,
      ),
    [problem],
  );
  const returnTo = safeReturnTo(searchParams.get('to'));
  const signedOut = searchParams.has('signed-out');
  const ssoProblem = organisationSignInProblem(searchParams);

  if (session.data && signIn.isIdle) return <Navigate to={returnTo} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate(
      { email, password },
      {
        onSuccess: (signedIn) => {
          const to = encodeURIComponent(returnTo);
          if (signedIn.mfaPending) navigate(`/sign-in/code?to=${to}`);
          else if (signedIn.mfaEnrolmentRequired) navigate(`/sign-in/set-up?to=${to}`);
          else navigate(returnTo);
        },
      },
    );
  };

  return (
    <Page
      title={['Sign in']}
      heading="Sign in"
      errors={errors ?? (ssoProblem ? [ssoProblem] : undefined)}
      banner={signedOut && !problem ? { heading: 'You have signed out' } : null}
    >
      {returnTo !== '/' && !problem ? (
        <p className="govuk-body">Sign in to continue to the page you asked for.</p>
      ) : null}
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
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={problem?.fields.password}
        />
        <button type="submit" className="govuk-button" disabled={signIn.isPending}>
          Sign in
        </button>
      </form>
      <p className="govuk-body">
        <Link className="govuk-link" to="/forgot-password">
          Forgot your password?
        </Link>
      </p>
      <OrganisationSignIn returnTo={returnTo} problem={problem ? undefined : ssoProblem?.message} />
      <p className="govuk-body">If you cannot sign in, contact the admin of your safeguarding partnership.</p>
    </Page>
  );
}
