import { factorGroupKeys, factorGroups } from '#domain/conversation/factors.ts';
import { SelectField, TextField } from '../components/form-fields.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import {
  emptyRationality,
  type FactorValues,
  newKey,
  type RationalityValues,
  type TurningPointValues,
} from './form-values.ts';

type Errors = Record<string, string>;
export type ListProps<T> = { items: T[]; onChange: (items: T[]) => void; errors: Errors };

export const replace = <T,>(items: T[], i: number, item: T) => items.map((x, j) => (j === i ? item : x));
export const without = <T,>(items: T[], i: number) => items.filter((_, j) => j !== i);

export function RemoveButton({ what, onClick }: { what: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="govuk-button govuk-button--warning govuk-!-margin-bottom-4"
      onClick={onClick}
    >
      Remove <span className="govuk-visually-hidden">{what}</span>
    </button>
  );
}

const rationalityQuestions: { key: keyof RationalityValues; label: string }[] = [
  { key: 'whatWasHappening', label: 'What did they think was happening?' },
  { key: 'whatCaughtAttention', label: 'What caught their attention?' },
  { key: 'competingConcerns', label: 'What else were they concerned about (competing concerns)?' },
  { key: 'hopedToAchieve', label: 'What were they hoping to achieve?' },
  { key: 'optionsSeen', label: 'What options did they think they had?' },
];

/** The five questions of how things looked at the time. */
export function RationalityFields({
  idPrefix,
  value,
  onChange,
  errors,
}: {
  idPrefix: string;
  value: RationalityValues;
  onChange: (v: RationalityValues) => void;
  errors: Errors;
}) {
  return (
    <>
      {rationalityQuestions.map((q) => (
        <TextareaField
          key={q.key}
          id={`${idPrefix}.${q.key}`}
          label={q.label}
          rows={3}
          value={value[q.key]}
          error={errors[`${idPrefix}.${q.key}`]}
          onChange={(text) => onChange({ ...value, [q.key]: text })}
        />
      ))}
    </>
  );
}

/** Turning points the person sees, each with how it looked to them at the time. */
export function TurningPointsEditor({ items, onChange, errors }: ListProps<TurningPointValues>) {
  return (
    <>
      {items.map((t, i) => {
        const id = `content.turningPoints.${i}`;
        const set = (patch: Partial<TurningPointValues>) => onChange(replace(items, i, { ...t, ...patch }));
        return (
          <fieldset className="govuk-fieldset app-conversation-item" key={t.key}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              Turning point {i + 1}
            </legend>
            <TextField
              id={`${id}.title`}
              label="Title"
              value={t.title}
              error={errors[`${id}.title`]}
              onChange={(title) => set({ title })}
            />
            <TextField
              id={`${id}.when`}
              label="When"
              hint="A date or a period, for example ‘March 2025’"
              value={t.when}
              error={errors[`${id}.when`]}
              onChange={(when) => set({ when })}
              widthClass="govuk-!-width-one-half"
            />
            <TextareaField
              id={`${id}.description`}
              label="What happened"
              value={t.description}
              error={errors[`${id}.description`]}
              onChange={(description) => set({ description })}
            />
            <h3 className="govuk-heading-s">How it looked at the time</h3>
            <RationalityFields
              idPrefix={`${id}.localRationality`}
              value={t.rationality}
              errors={errors}
              onChange={(rationality) => set({ rationality })}
            />
            <RemoveButton what={`turning point ${i + 1}`} onClick={() => onChange(without(items, i))} />
          </fieldset>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() =>
          onChange([
            ...items,
            { key: newKey(), title: '', when: '', description: '', rationality: emptyRationality },
          ])
        }
      >
        Add a turning point
      </button>
    </>
  );
}

const groupChoices = factorGroupKeys.map((g) => ({
  value: g,
  label: factorGroups[g].label,
  hint: factorGroups[g].hint,
}));

/** Contributory factors in order of significance: the first is the most significant. */
export function FactorsEditor({ items, onChange, errors }: ListProps<FactorValues>) {
  const move = (i: number, by: -1 | 1) => {
    const next = [...items];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item as FactorValues);
    onChange(next);
  };
  return (
    <>
      {items.map((f, i) => {
        const id = `content.contributoryFactors.${i}`;
        const set = (patch: Partial<FactorValues>) => onChange(replace(items, i, { ...f, ...patch }));
        const types: readonly string[] = f.group
          ? factorGroups[f.group as keyof typeof factorGroups].types
          : [];
        return (
          <fieldset className="govuk-fieldset app-conversation-item" key={f.key}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              Factor ranked {i + 1}
              {i === 0 ? ' (most significant)' : ''}
            </legend>
            <SelectField
              id={`${id}.group`}
              label="Group"
              value={f.group}
              error={errors[`${id}.group`]}
              choices={groupChoices}
              emptyLabel="Select a group"
              onChange={(group) => set({ group, factorType: '' })}
            />
            {types.length > 0 ? (
              <SelectField
                id={`${id}.factorType`}
                label="Type of factor (optional)"
                value={f.factorType}
                error={errors[`${id}.factorType`]}
                choices={types.map((t) => ({ value: t, label: t }))}
                emptyLabel="Not specified"
                onChange={(factorType) => set({ factorType })}
              />
            ) : null}
            <TextareaField
              id={`${id}.description`}
              label="How it influenced what they thought and did"
              rows={3}
              value={f.description}
              error={errors[`${id}.description`]}
              onChange={(description) => set({ description })}
            />
            <div className="govuk-button-group">
              {i > 0 ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => move(i, -1)}
                >
                  Move up <span className="govuk-visually-hidden">factor ranked {i + 1}</span>
                </button>
              ) : null}
              {i < items.length - 1 ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => move(i, 1)}
                >
                  Move down <span className="govuk-visually-hidden">factor ranked {i + 1}</span>
                </button>
              ) : null}
              <RemoveButton what={`factor ranked ${i + 1}`} onClick={() => onChange(without(items, i))} />
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...items, { key: newKey(), group: '', factorType: '', description: '' }])}
      >
        Add a contributory factor
      </button>
    </>
  );
}
