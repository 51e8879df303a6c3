import type { ReactNode } from 'react';
import { type Choice, FieldsetGroup } from './form-fields.tsx';

type RadiosFieldProps = {
  /** The name of the radios; the first radio has this id, so error links land on it. */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  choices: Choice[];
  inline?: boolean;
};

/** A GOV.UK radios question in a fieldset, with a hint for each choice where given. */
export function RadiosField({ id, legend, hint, error, value, onChange, choices, inline }: RadiosFieldProps) {
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error}>
      <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`}>
        {choices.map((choice, index) => {
          const inputId = index === 0 ? id : `${id}-${index + 1}`;
          return (
            <div className="govuk-radios__item" key={choice.value}>
              <input
                className="govuk-radios__input"
                id={inputId}
                name={id}
                type="radio"
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={choice.hint ? `${inputId}-item-hint` : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                {choice.label}
              </label>
              {choice.hint ? (
                <div id={`${inputId}-item-hint`} className="govuk-hint govuk-radios__hint">
                  {choice.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}
