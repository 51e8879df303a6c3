import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { accreditationStatuses } from '#domain/training/training.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { type Choice, SelectField, TextField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import type { AccreditationStatus, ReviewerBody, ReviewerDto } from './api.ts';
import { ConflictsField } from './conflicts-field.tsx';
import { reviewerBody, reviewerValues } from './reviewer-form-values.ts';

export type ReviewerChoices = {
  agencies: Choice[];
  cohorts: Choice[];
  /** Accredited reviewers who may supervise a trainee. */
  supervisors: Choice[];
  reviews: Choice[];
  /** The partnership's people, to link the reviewer to their account. */
  users: Choice[];
};

const statusHints: Record<AccreditationStatus, string> = {
  trainee: 'In the training programme, carrying out a practice review under supervision',
  accredited: 'Accredited to lead reviews',
  lapsed: 'Was accredited, but the accreditation is no longer current',
};
const statusChoices = (Object.keys(accreditationStatuses) as AccreditationStatus[]).map((s) => ({
  value: s,
  label: accreditationStatuses[s],
  hint: statusHints[s],
}));

type Props = {
  /** The reviewer as they are now, when changing one. */
  reviewer?: ReviewerDto | undefined;
  choices: ReviewerChoices;
  problem: FormProblem | null;
  pending: boolean;
  submitText: string;
  cancelTo: string;
  onCheck: (problem: FormProblem | null) => void;
  onSubmit: (body: ReviewerBody) => void;
};

/**
 * A reviewer's details: who they are, their accreditation, cohort, supervisor and practice review
 * (for a trainee), expertise, availability and declared conflicts.
 */
export function ReviewerForm({
  reviewer,
  choices,
  problem,
  pending,
  submitText,
  cancelTo,
  onCheck,
  onSubmit,
}: Props) {
  const [values, set] = useFormValues(() => reviewerValues(reviewer));
  const fields = problem?.fields ?? {};
  const trainee = values.status === 'trainee';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = reviewerBody(values);
    if ('problem' in result) {
      onCheck(result.problem);
      return;
    }
    onCheck(null);
    onSubmit(result.body);
  };
  const optional = (
    id: keyof typeof values & string,
    label: string,
    choices: Choice[],
    empty: string,
    hint?: string,
  ) => (
    <SelectField
      id={id}
      label={label}
      hint={hint}
      emptyLabel={empty}
      value={values[id] as string}
      onChange={set(id) as (v: string) => void}
      choices={choices}
      error={fields[id]}
    />
  );

  return (
    <form noValidate onSubmit={submit}>
      <TextField
        id="name"
        label="Full name"
        value={values.name}
        onChange={set('name')}
        error={fields.name}
        spellCheck={false}
      />
      <TextField
        id="email"
        label="Email address (optional)"
        type="email"
        spellCheck={false}
        value={values.email}
        onChange={set('email')}
        error={fields.email}
      />
      {choices.users.length > 0
        ? optional(
            'userId',
            'Sightlines account (optional)',
            choices.users,
            'No account linked',
            'If they already use Sightlines in this partnership',
          )
        : null}
      <RadiosField
        id="status"
        legend="Accreditation status"
        value={values.status}
        onChange={(v) => set('status')(v as AccreditationStatus)}
        choices={statusChoices}
        error={fields.status}
      />
      <TextField
        id="accreditingBody"
        label="Accrediting body (optional)"
        hint="Who trains and accredits them, like SCIE"
        value={values.accreditingBody}
        onChange={set('accreditingBody')}
        error={fields.accreditingBody}
      />
      {trainee ? null : (
        <DateInputField
          id="accreditedOn"
          legend={values.status === 'accredited' ? 'Date accredited' : 'Date accredited (optional)'}
          hint="For example, 2 3 2026"
          value={values.accreditedOn}
          onChange={set('accreditedOn')}
          error={fields.accreditedOn}
        />
      )}
      {optional('cohortId', 'Training cohort (optional)', choices.cohorts, 'Not in a cohort')}
      {trainee
        ? optional(
            'supervisorReviewerId',
            'Supervisor',
            choices.supervisors.filter((s) => s.value !== reviewer?.id),
            'No supervisor yet',
            'An accredited reviewer who supervises them through their practice review',
          )
        : null}
      {trainee || values.practiceReviewId
        ? optional(
            'practiceReviewId',
            'Practice review (optional)',
            choices.reviews,
            'None yet',
            'The review they carry out as a trainee',
          )
        : null}
      <TextareaField
        id="expertise"
        label="Areas of expertise (optional)"
        hint="One on each line, like ‘Neglect’ or ‘Adolescents at risk of exploitation’"
        rows={3}
        value={values.expertise}
        onChange={set('expertise')}
        error={fields.expertise}
      />
      <TextField
        id="availability"
        label="Availability (optional)"
        hint="For example, ‘From September, two days a week’"
        value={values.availability}
        onChange={set('availability')}
        error={fields.availability}
      />
      <ConflictsField
        conflicts={values.conflicts}
        onChange={set('conflicts')}
        agencies={choices.agencies}
        fields={fields}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
          {submitText}
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
