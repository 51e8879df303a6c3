import type { ReactNode } from 'react';

/** The GOV.UK inline error message, with a visually hidden "Error:" for screen-reader users. */
export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

type FieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
};

type TextFieldProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
  spellCheck?: boolean;
  widthClass?: string;
};

/** A labelled GOV.UK text input with optional hint and inline error. */
export function TextField(props: TextFieldProps) {
  const {
    id,
    label,
    hint,
    error,
    value,
    onChange,
    type = 'text',
    autoComplete,
    spellCheck,
    widthClass,
  } = props;
  const inputClasses = ['govuk-input', widthClass, error ? 'govuk-input--error' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        className={inputClasses}
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export type Choice = { value: string; label: string; hint?: string | undefined };

type SelectFieldProps = FieldProps & {
  value: string;
  onChange: (value: string) => void;
  choices: Choice[];
  /** The label of the first, empty option, if there is one. */
  emptyLabel?: string;
};

/** A labelled GOV.UK select with optional hint and inline error. */
export function SelectField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  choices,
  emptyLabel,
}: SelectFieldProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
