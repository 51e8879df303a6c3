import type { ReactNode } from 'react';
import type { DateParts } from '#domain/meeting/uk-time.ts';
import { describedBy, ErrorMessage } from '../components/form-fields.tsx';

type TextareaProps = {
  id: string;
  label: string;
  /** Show the label as the page's or a section's heading size. */
  labelSize?: 's' | 'm';
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  spellCheck?: boolean;
};

/** A labelled GOV.UK textarea with optional hint and inline error. */
export function TextareaField({
  id,
  label,
  labelSize = 's',
  hint,
  error,
  value,
  onChange,
  rows = 5,
  spellCheck,
}: TextareaProps) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label govuk-label--${labelSize}`} htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        spellCheck={spellCheck}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

type DateInputProps = {
  /** The id of the day input, so error links land on it; month and year add "-month" and "-year". */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (value: DateParts) => void;
};

/** The GOV.UK date input: day, month and year in a fieldset. */
export function DateInputField({ id, legend, hint, error, value, onChange }: DateInputProps) {
  const parts = [
    { key: 'day', label: 'Day', inputId: id, width: 2 },
    { key: 'month', label: 'Month', inputId: `${id}-month`, width: 2 },
    { key: 'year', label: 'Year', inputId: `${id}-year`, width: 4 },
  ] as const;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-date-input">
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={part.inputId}>
                  {part.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? ' govuk-input--error' : ''}`}
                  id={part.inputId}
                  name={part.inputId}
                  type="text"
                  inputMode="numeric"
                  value={value[part.key]}
                  onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export type CheckboxChoice = { value: string; label: string; hint?: string | undefined };

type CheckboxGroupProps = {
  /** Prefix for the checkboxes' ids; the first checkbox of the first group gets `firstId`. */
  idPrefix: string;
  firstId?: string;
  legend: string;
  choices: CheckboxChoice[];
  selected: string[];
  onChange: (selected: string[]) => void;
};

/** A small GOV.UK checkboxes fieldset, used for one group of choices inside a larger question. */
export function CheckboxGroup({
  idPrefix,
  firstId,
  legend,
  choices,
  selected,
  onChange,
}: CheckboxGroupProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {choices.map((choice, index) => {
          const inputId = index === 0 && firstId ? firstId : `${idPrefix}-${choice.value}`;
          return (
            <div className="govuk-checkboxes__item" key={choice.value}>
              <input
                className="govuk-checkboxes__input"
                id={inputId}
                name={idPrefix}
                type="checkbox"
                value={choice.value}
                checked={selected.includes(choice.value)}
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
  );
}
