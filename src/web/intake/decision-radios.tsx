import { Fragment, type ReactNode } from 'react';
import { rapidReviewDecisions } from '#domain/intake/intake.ts';
import { describedBy, ErrorMessage } from '../components/form-fields.tsx';

/**
 * The decision as GOV.UK radios; the reasons and the date of the decision appear under the chosen
 * decision, as a conditional reveal does.
 */
export function DecisionRadios({
  value,
  onChange,
  error,
  children,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  children: ReactNode;
}) {
  const hint = 'What the safeguarding partners decided, with the criteria of regulation 11 in mind.';
  const choices = [...Object.entries(rapidReviewDecisions), ['', 'Not decided yet'] as const];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy('decision', hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Decision</h2>
        </legend>
        <div id="decision-hint" className="govuk-hint">
          {hint}
        </div>
        {error ? <ErrorMessage id="decision-error">{error}</ErrorMessage> : null}
        <div className="govuk-radios">
          {choices.map(([choice, label], index) => {
            const inputId = index === 0 ? 'decision' : `decision-${index + 1}`;
            return (
              <Fragment key={choice}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name="decision"
                    type="radio"
                    value={choice}
                    checked={value === choice}
                    onChange={() => onChange(choice)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {label}
                  </label>
                </div>
                {choice && value === choice ? (
                  <div className="govuk-radios__conditional">{children}</div>
                ) : null}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
