import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { datePrecisions, significances } from '#domain/chronology/chronology.ts';
import { SingleCheckbox } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { type Choice, SelectField, TextField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import {
  type EventValues,
  emptyPerspective,
  emptyShared,
  type PerspectiveRow,
  type SharedRow,
} from './event-form-values.ts';

type Props = {
  initial: EventValues;
  agencies: Choice[];
  problem: FormProblem | null;
  pending: boolean;
  cancelTo: string;
  onSubmit: (values: EventValues) => void;
};

const precisionChoices = Object.entries(datePrecisions).map(([value, label]) => ({ value, label }));
const significanceChoices = [
  { value: '', label: 'Not given' },
  ...Object.entries(significances).map(([value, label]) => ({ value, label })),
];

/** The form to add or change an event of the narrative, with its repeatable "shared with" and accounts. */
export function EventForm({ initial, agencies, problem, pending, cancelTo, onSubmit }: Props) {
  const [values, set] = useFormValues<EventValues>(initial);
  const fields = problem?.fields ?? {};
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };
  const setShared = (i: number, row: Partial<SharedRow>) =>
    set('sharedWith')(values.sharedWith.map((r, j) => (j === i ? { ...r, ...row } : r)));
  const setPerspective = (i: number, row: Partial<PerspectiveRow>) =>
    set('perspectives')(values.perspectives.map((r, j) => (j === i ? { ...r, ...row } : r)));

  return (
    <form noValidate onSubmit={submit}>
      <DateInputField
        id="occurredOn"
        legend="Date"
        hint="For example, 27 3 2026"
        value={values.occurredOn}
        onChange={set('occurredOn')}
        error={fields.occurredOn}
        spellCheck={false}
      />
      <RadiosField
        id="datePrecision"
        legend="How precise is the date?"
        value={values.datePrecision}
        onChange={set('datePrecision')}
        choices={precisionChoices}
        inline
        error={fields.datePrecision}
      />
      <TextField
        id="occurredTime"
        label="Time (optional)"
        hint="24-hour clock, for example 14:05"
        widthClass="govuk-input--width-5"
        value={values.occurredTime}
        onChange={set('occurredTime')}
        error={fields.occurredTime}
      />
      <DateInputField
        id="endsOn"
        legend="End date (optional)"
        hint="If it went on over a period"
        value={values.endsOn}
        onChange={set('endsOn')}
        error={fields.endsOn}
        spellCheck={false}
      />
      <SelectField
        id="agencyId"
        label="Agency"
        hint="The agency whose records this comes from"
        emptyLabel="Select an agency"
        value={values.agencyId}
        onChange={set('agencyId')}
        choices={agencies}
        error={fields.agencyId}
      />
      <TextField
        id="practitionerRole"
        label="Practitioner role (optional)"
        hint="A role, such as health visitor. Never a name"
        value={values.practitionerRole}
        onChange={set('practitionerRole')}
        error={fields.practitionerRole}
      />
      <TextareaField
        id="summary"
        label="What happened"
        value={values.summary}
        onChange={set('summary')}
        error={fields.summary}
      />
      <SelectField
        id="significance"
        label="Significance (optional)"
        value={values.significance}
        onChange={set('significance')}
        choices={significanceChoices}
        error={fields.significance}
      />
      <TextField
        id="tags"
        label="Tags (optional)"
        hint="Separate tags with commas, for example: school, neglect"
        value={values.tags}
        onChange={set('tags')}
        error={fields.tags}
      />
      <div className="govuk-form-group">
        <SingleCheckbox
          id="disputed"
          name="disputed"
          label="Disputed: the agencies’ accounts of this event disagree"
          checked={values.disputed}
          onChange={set('disputed')}
        />
      </div>

      <h2 className="govuk-heading-m">Shared with</h2>
      <p className="govuk-body">Other agencies that learned of it, and when.</p>
      {values.sharedWith.map((row, i) => (
        <fieldset className="govuk-fieldset app-narrative-repeat" key={row.key}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
            Shared with agency {i + 1}
          </legend>
          <SelectField
            id={`sharedWith.${i}.agencyId`}
            label="Agency"
            emptyLabel="Select an agency"
            value={row.agencyId}
            onChange={(agencyId) => setShared(i, { agencyId })}
            choices={agencies}
            error={fields[`sharedWith.${i}.agencyId`]}
          />
          <DateInputField
            id={`sharedWith.${i}.learnedOn`}
            legend="Date they learned of it"
            value={row.learnedOn}
            onChange={(learnedOn) => setShared(i, { learnedOn })}
            error={fields[`sharedWith.${i}.learnedOn`]}
            spellCheck={false}
          />
          <TextField
            id={`sharedWith.${i}.how`}
            label="How they learned of it (optional)"
            value={row.how}
            onChange={(how) => setShared(i, { how })}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => set('sharedWith')(values.sharedWith.filter((_, j) => j !== i))}
          >
            Remove<span className="govuk-visually-hidden"> shared with agency {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => set('sharedWith')([...values.sharedWith, emptyShared()])}
      >
        Add an agency it was shared with
      </button>

      <h2 className="govuk-heading-m">Other accounts</h2>
      <p className="govuk-body">Another agency’s or person’s account of the same event, in their words.</p>
      {values.perspectives.map((row, i) => (
        <fieldset className="govuk-fieldset app-narrative-repeat" key={row.key}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Account {i + 1}</legend>
          <SelectField
            id={`perspectives.${i}.agencyId`}
            label="Agency (optional)"
            emptyLabel="No agency"
            value={row.agencyId}
            onChange={(agencyId) => setPerspective(i, { agencyId })}
            choices={agencies}
          />
          <TextField
            id={`perspectives.${i}.personRole`}
            label="Role of the person (optional)"
            hint="A role, never a name"
            value={row.personRole}
            onChange={(personRole) => setPerspective(i, { personRole })}
            error={fields[`perspectives.${i}.personRole`]}
          />
          <TextareaField
            id={`perspectives.${i}.account`}
            label="Their account"
            value={row.account}
            onChange={(account) => setPerspective(i, { account })}
            error={fields[`perspectives.${i}.account`]}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => set('perspectives')(values.perspectives.filter((_, j) => j !== i))}
          >
            Remove<span className="govuk-visually-hidden"> account {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => set('perspectives')([...values.perspectives, emptyPerspective()])}
      >
        Add another account
      </button>

      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          Save event
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
