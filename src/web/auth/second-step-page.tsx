import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession, useSignOut } from '../api/session.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useVerifyMfa } from './mfa-api.ts';
import { safeReturnTo, signInPath } from './return-to.ts';
import { factorInput, noSecondFactor, type SecondFactor, SecondFactorField } from './second-factor-field.tsx';

const fieldIds = ['code', 'recoveryCode'] as const;

/** The second step of signing in: the code from the authenticator app, or a recovery code. */
export function SecondStepPage() {
  const [factor, setFactor] = useState<SecondFactor>(noSecondFactor);
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const verify = useVerifyMfa();
  const signOut = useSignOut();
  const problem = useFormProblem(verify.error, fieldIds);
  const returnTo = safeReturnTo(searchParams.get('to'));

  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryProblem error={session.error} />;
  if (!session.data) return <Navigate to={signInPath(returnTo)} replace />;
  if (!session.data.mfaPending && verify.isIdle) return <Navigate to={returnTo} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    verify.mutate(factorInput(factor), { onSuccess: () => navigate(returnTo, { replace: true }) });
  };

  return (
    <Page title={['Two-step verification']} heading="Two-step verification" errors={problem?.items}>
      <p className="govuk-body">Your password was right. To finish signing in, confirm it is you.</p>
      <form noValidate onSubmit={onSubmit}>
        <SecondFactorField value={factor} onChange={setFactor} errors={problem?.fields ?? {}} />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={verify.isPending}>
            Continue
          </button>
          <button
            type="button"
            className="app-link-button"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      </form>
      <p className="govuk-body">
        If you no longer have your authenticator app or your recovery codes, contact the admin of your
        safeguarding partnership.
      </p>
    </Page>
  );
}
