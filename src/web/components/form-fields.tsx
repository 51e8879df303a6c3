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

/** The class of a GOV.UK form group, marked as in error where there is one. */
export function formGroupClass(error: unknown): string {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

/** A field's hint, with the id `${id}-hint` that `describedBy` points to; nothing when there is none. */
export function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

type GroupProps = { id: string; hint?: ReactNode; error?: string | undefined; children: ReactNode };

/** A form group with a label for the control `id`, then its hint and inline error, then the control. */
export function LabelledGroup({
  id,
  label,
  labelSize = 's',
  hint,
  error,
  children,
}: GroupProps & { label: ReactNode; labelSize?: 's' | 'm' }) {
  return (
    <div className={formGroupClass(error)}>
      <label className={`govuk-label govuk-label--${labelSize}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      {children}
    </div>
  );
}

/** A form group holding a fieldset with a small legend, the hint and inline error, then the inputs. */
export function FieldsetGroup({ id, legend, hint, error, children }: GroupProps & { legend: ReactNode }) {
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        {children}
      </fieldset>
    </div>
  );
}

export type FieldProps = {
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
  /** For example "numeric", for whole numbers such as a count of meetings. */
  inputMode?: 'numeric';
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
    inputMode,
    widthClass,
  } = props;
  const inputClasses = ['govuk-input', widthClass, error ? 'govuk-input--error' : null]
    .filter(Boolean)
    .join(' ');
  return (
    <LabelledGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={inputClasses}
        id={id}
        name={id}
        type={type}
        inputMode={inputMode}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
      />
    </LabelledGroup>
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
    <LabelledGroup id={id} label={label} hint={hint} error={error}>
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
    </LabelledGroup>
  );
}
