import { type FormEvent, useState } from 'react';
import { groupInFours } from '#domain/auth/mfa.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { useEnrolMfa, useVerifyMfa } from './mfa-api.ts';
import './security.scss';

const fieldIds = ['code'] as const;

/**
 * Setting up two-step verification: start, add the key to an authenticator app (typed in, or
 * opened as an otpauth link), confirm with a code, then keep the recovery codes shown once.
 */
export function MfaEnrolment({
  onStart,
  onDone,
  doneLabel,
}: {
  /** Called as setting up starts, so the page keeps showing it after the session says it is on. */
  onStart?: () => void;
  onDone: () => void;
  doneLabel: string;
}) {
  const enrol = useEnrolMfa();
  const verify = useVerifyMfa();
  const [code, setCode] = useState('');
  const problem = useFormProblem(enrol.error ?? verify.error, fieldIds);
  const recoveryCodes = verify.data?.recoveryCodes;

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} doneLabel={doneLabel} />;

  const errors = problem ? <ErrorSummary errors={problem.items} /> : null;
  if (!enrol.data) {
    return (
      <>
        {errors}
        <p className="govuk-body">
          You will need an authenticator app on your phone, such as Microsoft Authenticator or Google
          Authenticator. Each time you sign in, you will enter the 6-digit code it shows as well as your
          password.
        </p>
        <button
          type="button"
          className="govuk-button"
          onClick={() => {
            onStart?.();
            enrol.mutate();
          }}
          disabled={enrol.isPending}
        >
          Set up two-step verification
        </button>
      </>
    );
  }

  const { secret, otpauthUrl, accountName, issuer } = enrol.data;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    verify.mutate({ code });
  };
  return (
    <>
      {errors}
      <h2 className="govuk-heading-m">1. Add Sightlines to your authenticator app</h2>
      <p className="govuk-body">In the app, choose to add an account and enter this key:</p>
      <p className="govuk-body">
        <code className="app-secret">{groupInFours(secret)}</code>
      </p>
      <p className="govuk-body">
        If the app is on this device, you can{' '}
        <a className="govuk-link" href={otpauthUrl}>
          open the key in your authenticator app
        </a>{' '}
        instead.
      </p>
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">If the app asks for more details</span>
        </summary>
        <div className="govuk-details__text">
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            {[
              ['Account', `${issuer} (${accountName})`],
              ['Type of key', 'Time-based'],
              ['Digits', String(enrol.data.digits)],
              ['Every', `${enrol.data.periodSeconds} seconds`],
            ].map(([key, value]) => (
              <div className="govuk-summary-list__row" key={key}>
                <dt className="govuk-summary-list__key">{key}</dt>
                <dd className="govuk-summary-list__value">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </details>
      <h2 className="govuk-heading-m">2. Enter the code the app shows</h2>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="code"
          label="Enter the 6-digit code from your authenticator app"
          hint="The code changes every 30 seconds."
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          widthClass="govuk-input--width-5"
          value={code}
          onChange={setCode}
          error={problem?.fields.code}
        />
        <button type="submit" className="govuk-button" disabled={verify.isPending}>
          Turn on two-step verification
        </button>
      </form>
    </>
  );
}

/** The recovery codes, shown once, with a warning to keep them safe. */
function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}) {
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h2 className="govuk-panel__title">Two-step verification is on</h2>
      </div>
      <h2 className="govuk-heading-m">Your recovery codes</h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Store these codes somewhere safe now, such as a password manager. They will not be shown again.
        </strong>
      </div>
      <p className="govuk-body">
        If you cannot use your authenticator app, you can sign in with one of these codes instead. Each code
        works once.
      </p>
      <ul className="govuk-list app-recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="govuk-button" onClick={onDone}>
        {doneLabel}
      </button>
    </>
  );
}
