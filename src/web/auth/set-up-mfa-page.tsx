import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession, useSignOut } from '../api/session.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { MfaEnrolment } from './mfa-enrolment.tsx';
import { safeReturnTo, signInPath } from './return-to.ts';

/** Setting up two-step verification when the person's partnership requires it before they go on. */
export function SetUpMfaPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signOut = useSignOut();
  const [started, setStarted] = useState(false);
  const returnTo = safeReturnTo(searchParams.get('to'));

  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryProblem error={session.error} />;
  if (!session.data) return <Navigate to={signInPath(returnTo)} replace />;
  if (!session.data.mfaEnrolmentRequired && !started) return <Navigate to={returnTo} replace />;

  return (
    <Page title={['Set up two-step verification']} heading="Set up two-step verification">
      <p className="govuk-body">
        Your safeguarding partnership requires two-step verification for your role, because you can see
        sensitive information. You need to set it up before you can continue.
      </p>
      <MfaEnrolment
        doneLabel="I have stored my recovery codes – continue"
        onStart={() => setStarted(true)}
        onDone={() => navigate(returnTo, { replace: true })}
      />
      <p className="govuk-body">
        <button type="button" className="app-link-button" onClick={() => signOut.mutate()}>
          Sign out
        </button>
      </p>
    </Page>
  );
}
