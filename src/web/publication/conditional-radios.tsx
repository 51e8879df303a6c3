import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, formGroupClass } from '../components/form-fields.tsx';

export type ConditionalChoice = {
  value: string;
  label: string;
  hint?: string | undefined;
  /** The question revealed under this choice while it is chosen. */
  reveal?: ReactNode;
};

type Props = {
  /** The name of the radios; the first radio has this id, so error summary links land on it. */
  id: string;
  legend: string;
  /** "m" makes the legend the heading of a section of the page. */
  legendSize?: 's' | 'm';
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  choices: ConditionalChoice[];
};

/** GOV.UK radios whose chosen answer may reveal a further question beneath it (a conditional reveal). */
export function ConditionalRadios({
  id,
  legend,
  legendSize = 's',
  hint,
  error,
  value,
  onChange,
  choices,
}: Props) {
  return (
    <div className={formGroupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>
          {legendSize === 'm' ? <h2 className="govuk-fieldset__heading">{legend}</h2> : legend}
        </legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <div className="govuk-radios">
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const revealed = Boolean(choice.reveal) && value === choice.value;
            return (
              <div key={choice.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name={id}
                    type="radio"
                    value={choice.value}
                    checked={value === choice.value}
                    onChange={() => onChange(choice.value)}
                    aria-controls={revealed ? `${inputId}-conditional` : undefined}
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
                {revealed ? (
                  <div className="govuk-radios__conditional" id={`${inputId}-conditional`}>
                    {choice.reveal}
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
