import type { ReactNode } from 'react';
import { FieldsetGroup } from './form-fields.tsx';

/** What someone typed in the Day, Month and Year boxes, before it is read as a date. */
export type DateInputParts = { day: string; month: string; year: string };

type DateInputFieldProps = {
  /** The id of the day box, so error summary links land on it; month and year add "-month" and "-year". */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateInputParts;
  onChange: (value: DateInputParts) => void;
  /** Set on each of the three boxes where given, for example false to turn spelling checks off. */
  spellCheck?: boolean;
};

const boxes = [
  { key: 'day', label: 'Day', suffix: '', width: 2 },
  { key: 'month', label: 'Month', suffix: '-month', width: 2 },
  { key: 'year', label: 'Year', suffix: '-year', width: 4 },
] as const;

/** The GOV.UK date input: Day, Month and Year boxes in a fieldset, with optional hint and inline error. */
export function DateInputField({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
  spellCheck,
}: DateInputFieldProps) {
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error}>
      <div className="govuk-date-input">
        {boxes.map((box) => {
          const inputId = `${id}${box.suffix}`;
          return (
            <div className="govuk-date-input__item" key={box.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                  {box.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${box.width}${error ? ' govuk-input--error' : ''}`}
                  id={inputId}
                  name={inputId}
                  type="text"
                  inputMode="numeric"
                  spellCheck={spellCheck}
                  value={value[box.key]}
                  onChange={(event) => onChange({ ...value, [box.key]: event.target.value })}
                />
              </div>
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}
