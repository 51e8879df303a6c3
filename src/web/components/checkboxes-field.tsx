import type { ReactNode } from 'react';
import { type Choice, FieldsetGroup } from './form-fields.tsx';

type CheckboxItemsProps = {
  /** The name every checkbox shares. */
  name: string;
  /** The id of each checkbox; its item hint, if any, gets this id with "-item-hint" added. */
  inputId: (choice: Choice, index: number) => string;
  choices: Choice[];
  values: string[];
  onChange: (values: string[]) => void;
  small?: boolean | undefined;
};

/** The GOV.UK checkboxes themselves, each with a hint where its choice has one. */
function CheckboxItems({ name, inputId: idOf, choices, values, onChange, small }: CheckboxItemsProps) {
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
      {choices.map((choice, index) => {
        const inputId = idOf(choice, index);
        return (
          <div className="govuk-checkboxes__item" key={choice.value}>
            <input
              className="govuk-checkboxes__input"
              id={inputId}
              name={name}
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
  );
}

type CheckboxesFieldProps = {
  /** The name of the checkboxes; the first has this id, the rest add "-2", "-3" and so on. */
  id: string;
  legend: string;
  hint?: ReactNode;
  error?: string | undefined;
  values: string[];
  onChange: (values: string[]) => void;
  choices: Choice[];
  small?: boolean;
};

/** A GOV.UK checkboxes question in a fieldset, with optional hint and inline error. */
export function CheckboxesField({
  id,
  legend,
  hint,
  error,
  values,
  onChange,
  choices,
  small,
}: CheckboxesFieldProps) {
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error}>
      <CheckboxItems
        name={id}
        inputId={(_, index) => (index === 0 ? id : `${id}-${index + 1}`)}
        choices={choices}
        values={values}
        onChange={onChange}
        small={small}
      />
    </FieldsetGroup>
  );
}

type CheckboxGroupProps = {
  /** The checkboxes' name, and the start of their ids: `${idPrefix}-${value}`. */
  idPrefix: string;
  /** An id for the first checkbox instead, so an error link for the whole question lands on it. */
  firstId?: string | undefined;
  legend: string;
  choices: Choice[];
  selected: string[];
  onChange: (selected: string[]) => void;
};

/** A small GOV.UK checkboxes fieldset, for one group of choices inside a larger question. */
export function CheckboxGroup({
  idPrefix,
  firstId,
  legend,
  choices,
  selected,
  onChange,
}: CheckboxGroupProps) {
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-4">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
      <CheckboxItems
        name={idPrefix}
        inputId={(choice, index) => (index === 0 && firstId ? firstId : `${idPrefix}-${choice.value}`)}
        choices={choices}
        values={selected}
        onChange={onChange}
        small
      />
    </fieldset>
  );
}

type SingleCheckboxProps = {
  id: string;
  /** The checkbox's name, where the form has one for it. */
  name?: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** More classes for the checkboxes container, for example a margin override. */
  className?: string;
};

/** One small GOV.UK checkbox on its own, for a yes-or-no choice such as "Disputed". */
export function SingleCheckbox({ id, name, label, checked, onChange, className }: SingleCheckboxProps) {
  return (
    <div className={`govuk-checkboxes govuk-checkboxes--small${className ? ` ${className}` : ''}`}>
      <div className="govuk-checkboxes__item">
        <input
          className="govuk-checkboxes__input"
          id={id}
          name={name}
          type="checkbox"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}
