import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../api/session.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading } from '../components/problem-pages.tsx';
import { useDisableMfa } from './mfa-api.ts';
import { MfaEnrolment } from './mfa-enrolment.tsx';
import { factorInput, noSecondFactor, type SecondFactor, SecondFactorField } from './second-factor-field.tsx';

const fieldIds = ['currentPassword', 'code', 'recoveryCode'] as const;

/** The signed-in person's account: their password and two-step verification. */
export function AccountPage() {
  const session = useSession();
  const [banner, setBanner] = useState<string | null>(null);
  // Setting up goes on (to show the recovery codes) after the session says it is on.
  const [enrolling, setEnrolling] = useState(false);
  const user = session.data?.user;
  if (!user) return <Loading />;

  return (
    <Page title={['Your account']} heading="Your account" banner={banner ? { heading: banner } : null}>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Name</dt>
          <dd className="govuk-summary-list__value">{user.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Email address</dt>
          <dd className="govuk-summary-list__value">{user.email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Password</dt>
          <dd className="govuk-summary-list__value">
            <Link className="govuk-link" to="/password?to=/account">
              Change your password
            </Link>
          </dd>
        </div>
      </dl>

      <h2 className="govuk-heading-l">Two-step verification</h2>
      {user.mfaEnabled && !enrolling ? (
        <>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--green">On</strong>
          </p>
          <p className="govuk-body">
            When you sign in, you enter the code from your authenticator app as well as your password.
          </p>
          <TurnOff onDone={() => setBanner('Two-step verification is off')} />
        </>
      ) : (
        <>
          <p className="govuk-body">
            <strong className="govuk-tag govuk-tag--grey">Off</strong>
          </p>
          <p className="govuk-body">
            Sightlines holds sensitive information about children and families. Two-step verification keeps
            your account safe even if someone learns your password.
          </p>
          <MfaEnrolment
            doneLabel="I have stored my recovery codes"
            onStart={() => {
              setEnrolling(true);
              setBanner(null);
            }}
            onDone={() => {
              setEnrolling(false);
              setBanner('Two-step verification is on');
            }}
          />
        </>
      )}
    </Page>
  );
}

/** Turning two-step verification off: the current password and a code, behind a warning. */
function TurnOff({ onDone }: { onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const [factor, setFactor] = useState<SecondFactor>(noSecondFactor);
  const disable = useDisableMfa();
  const problem = useFormProblem(disable.error, fieldIds);

  if (!open) {
    return (
      <button type="button" className="govuk-button govuk-button--secondary" onClick={() => setOpen(true)}>
        Turn off two-step verification
      </button>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    disable.mutate({ currentPassword, ...factorInput(factor) }, { onSuccess: onDone });
  };
  return (
    <form noValidate onSubmit={onSubmit}>
      <h3 className="govuk-heading-m">Turn off two-step verification</h3>
      {problem ? <ErrorSummary errors={problem.items} /> : null}
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Your account will be protected by your password alone, and you will be signed out everywhere else.
          Your recovery codes will stop working.
        </strong>
      </div>
      <TextField
        id="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={problem?.fields.currentPassword}
      />
      <SecondFactorField value={factor} onChange={setFactor} errors={problem?.fields ?? {}} />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning" disabled={disable.isPending}>
          Turn off two-step verification
        </button>
        <button type="button" className="app-link-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
