import { useEffect, useRef } from 'react';
import { type Choice, SelectField } from '../components/form-fields.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { type ConflictValues, conflictIds, emptyConflict } from './reviewer-form-values.ts';

type Props = {
  conflicts: ConflictValues[];
  onChange: (conflicts: ConflictValues[]) => void;
  agencies: Choice[];
  fields: Record<string, string>;
};

/**
 * The reviewer's declared conflicts of interest, as repeatable rows: each with the agency it is with
 * (if one of the partnership's) and what it is. A new row takes focus; removing one moves focus to
 * the "Add a conflict" button.
 */
export function ConflictsField({ conflicts, onChange, agencies, fields }: Props) {
  const focus = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focus.current) return;
    const target = focus.current === 'add' ? addButton.current : document.getElementById(focus.current);
    target?.focus();
    focus.current = null;
  });
  const change = (index: number, patch: Partial<ConflictValues>) =>
    onChange(conflicts.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset" aria-describedby="conflicts-hint">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Declared conflicts of interest</h2>
        </legend>
        <div id="conflicts-hint" className="govuk-hint">
          For example, they used to work for one of the agencies, or know the family. Sightlines warns you
          before they are chosen for a review involving that agency.
        </div>
        {conflicts.length === 0 ? <p className="govuk-body">None declared.</p> : null}
        {conflicts.map((c, index) => {
          const ids = conflictIds(index);
          return (
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6" key={c.key}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Conflict {index + 1}
              </legend>
              <SelectField
                id={ids.agencyId}
                label="Agency (optional)"
                emptyLabel="Not one of the partnership’s agencies"
                value={c.agencyId}
                onChange={(agencyId) => change(index, { agencyId })}
                choices={agencies}
                error={fields[ids.agencyId]}
              />
              <TextareaField
                id={ids.description}
                label="What the conflict is"
                rows={2}
                value={c.description}
                onChange={(description) => change(index, { description })}
                error={fields[ids.description]}
              />
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => {
                  focus.current = 'add';
                  onChange(conflicts.filter((_, i) => i !== index));
                }}
              >
                Remove <span className="govuk-visually-hidden">conflict {index + 1}</span>
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          ref={addButton}
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            focus.current = conflictIds(conflicts.length).agencyId;
            onChange([...conflicts, emptyConflict()]);
          }}
        >
          {conflicts.length === 0 ? 'Add a conflict' : 'Add another conflict'}
        </button>
      </fieldset>
    </div>
  );
}
