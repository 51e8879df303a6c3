import { TextField } from '../components/form-fields.tsx';

export type SecondFactor = { useRecovery: boolean; code: string; recoveryCode: string };
export const noSecondFactor: SecondFactor = { useRecovery: false, code: '', recoveryCode: '' };

/** What to send for the factor the person chose: the app's code, or a recovery code in its place. */
export const factorInput = (f: SecondFactor) =>
  f.useRecovery ? { recoveryCode: f.recoveryCode } : { code: f.code };

type Props = {
  value: SecondFactor;
  onChange: (value: SecondFactor) => void;
  errors: Record<string, string | undefined>;
  /** The label of the code field. */
  codeLabel?: string;
};

/** The code from the authenticator app, with "Use a recovery code instead" to swap the field. */
export function SecondFactorField({
  value,
  onChange,
  errors,
  codeLabel = 'Enter the 6-digit code from your authenticator app',
}: Props) {
  const swap = () => onChange({ ...value, useRecovery: !value.useRecovery });
  return value.useRecovery ? (
    <>
      <TextField
        id="recoveryCode"
        label="Enter one of your recovery codes"
        hint="Each recovery code works once. It looks like abcde-fghjk."
        autoComplete="off"
        spellCheck={false}
        widthClass="govuk-input--width-10"
        value={value.recoveryCode}
        onChange={(recoveryCode) => onChange({ ...value, recoveryCode })}
        error={errors.recoveryCode}
      />
      <p className="govuk-body">
        <button type="button" className="app-link-button" onClick={swap}>
          Use the code from your authenticator app instead
        </button>
      </p>
    </>
  ) : (
    <>
      <TextField
        id="code"
        label={codeLabel}
        hint="The code changes every 30 seconds."
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        widthClass="govuk-input--width-5"
        value={value.code}
        onChange={(code) => onChange({ ...value, code })}
        error={errors.code}
      />
      <p className="govuk-body">
        <button type="button" className="app-link-button" onClick={swap}>
          Use a recovery code instead
        </button>
      </p>
    </>
  );
}
