import type { ReactNode } from 'react';
import { type Choice, describedBy, ErrorMessage } from '../components/form-fields.tsx';
import type { DateParts } from './dates.ts';

type FieldProps = { id: string; label: string; hint?: ReactNode; error?: string | undefined };

const groupClass = (error: unknown) => `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

/** A labelled GOV.UK textarea. */
export function TextareaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 5,
  labelSize = 's',
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number; labelSize?: 's' | 'm' }) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label govuk-label--${labelSize}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

/** A short whole-number input, such as a count of meetings. */
export function NumberField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: FieldProps & { value: string; onChange: (value: string) => void }) {
  return (
    <div className={groupClass(error)}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        className={`govuk-input govuk-input--width-3${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        inputMode="numeric"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

/**
 * The GOV.UK date input: Day, Month and Year boxes in a fieldset. The day box carries the field's
 * id, so an error summary link lands on it.
 */
export function DateField({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: Omit<FieldProps, 'label'> & { legend: string; value: DateParts; onChange: (value: DateParts) => void }) {
  const boxes: { key: keyof DateParts; label: string; inputId: string; width: number }[] = [
    { key: 'day', label: 'Day', inputId: id, width: 2 },
    { key: 'month', label: 'Month', inputId: `${id}-month`, width: 2 },
    { key: 'year', label: 'Year', inputId: `${id}-year`, width: 4 },
  ];
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input">
          {boxes.map((box) => (
            <div className="govuk-date-input__item" key={box.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={box.inputId}>
                  {box.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${box.width}${error ? ' govuk-input--error' : ''}`}
                  id={box.inputId}
                  name={box.inputId}
                  type="text"
                  inputMode="numeric"
                  spellCheck={false}
                  value={value[box.key]}
                  onChange={(event) => onChange({ ...value, [box.key]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** GOV.UK checkboxes in a fieldset; the first checkbox has the field's id. */
export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  values,
  onChange,
  choices,
  small,
}: Omit<FieldProps, 'label'> & {
  legend: string;
  values: string[];
  onChange: (values: string[]) => void;
  choices: Choice[];
  small?: boolean;
}) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id} hint={hint} />
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-checkboxes__item" key={choice.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={inputId}
                  name={id}
                  type="checkbox"
                  value={choice.value}
                  checked={values.includes(choice.value)}
                  onChange={(event) => toggle(choice.value, event.target.checked)}
                  aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${inputId}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {choice.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
