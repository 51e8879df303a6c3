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

/**
 * The GOV.UK date input: Day, Month and Year boxes in a fieldset. The day box carries the field's
 * id, so a link in the error summary lands on it.
 */
export function DateInputField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: FieldProps & { value: DateParts; onChange: (value: DateParts) => void }) {
  const boxes = [
    { key: 'day', label: 'Day', inputId: id, width: 2 },
    { key: 'month', label: 'Month', inputId: `${id}-month`, width: 2 },
    { key: 'year', label: 'Year', inputId: `${id}-year`, width: 4 },
  ] as const;
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
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

/** A labelled GOV.UK textarea. */
export function TextareaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 5,
}: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <div className={groupClass(error)}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
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

/** GOV.UK checkboxes in a fieldset; the first box carries the field's id for error links. */
export function CheckboxesField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  choices,
}: FieldProps & { value: string[]; onChange: (value: string[]) => void; choices: Choice[] }) {
  const toggle = (choice: string, checked: boolean) =>
    onChange(checked ? [...value, choice] : value.filter((v) => v !== choice));
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <Hint id={id} hint={hint} />
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-checkboxes govuk-checkboxes--small">
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
                  checked={value.includes(choice.value)}
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

/** A GOV.UK summary list of label and value rows, with an optional "Change" link per row. */
export function SummaryList({ rows }: { rows: { key: string; value: ReactNode; change?: ReactNode }[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change ? <dd className="govuk-summary-list__actions">{row.change}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** Text someone typed, keeping their line breaks as separate lines. */
export function Multiline({ text, empty }: { text: string | null | undefined; empty: string }) {
  if (!text?.trim()) return <>{empty}</>;
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a fixed text have no other identity
        <span key={index}>
          {line}
          {index < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}
