import { type FormEvent, useEffect, useState } from 'react';
import { type MilestoneKind, milestoneKinds } from '#domain/training/training.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, emptyDate, parseDateParts } from '../review/dates.ts';
import { useRecordMilestone } from './api.ts';

const fieldIds = ['kind', 'on', 'outcome', 'notes'];
const kindChoices = (Object.keys(milestoneKinds) as MilestoneKind[]).map((k) => ({
  value: k,
  label: milestoneKinds[k],
  hint: k === 'accreditation' ? 'Recording it makes them accredited from that date' : undefined,
}));

type Props = {
  partnershipId: string;
  reviewerId: string;
  /** Reports the problem to show in the page's error summary, or null. */
  onProblem: (problem: FormProblem | null) => void;
  onDone: (message: string) => void;
};

/** Records a milestone on a reviewer's way to accreditation: what it was, when, and the outcome of an assessment. */
export function MilestoneForm({ partnershipId, reviewerId, onProblem, onDone }: Props) {
  const record = useRecordMilestone(partnershipId, reviewerId);
  const [values, set, setValues] = useFormValues({
    kind: '' as MilestoneKind | '',
    on: emptyDate as DateParts,
    outcome: '',
    notes: '',
  });
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(record.error, fieldIds);
  const shown = checked ?? serverProblem;
  useEffect(() => onProblem(shown), [shown, onProblem]);
  const fields = shown?.fields ?? {};
  const assessment = values.kind === 'assessment_outcome';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const date = parseDateParts(values.on, 'the date');
    const found = clientProblem(
      {
        kind: values.kind ? '' : 'Choose the kind of milestone',
        on: !date.ok ? date.message : date.iso ? '' : 'Enter the date',
        outcome: assessment && !values.outcome.trim() ? 'Enter the outcome of the assessment' : '',
      },
      fieldIds,
    );
    setChecked(found);
    if (found || !values.kind || !date.ok || !date.iso) return;
    record.reset();
    record.mutate(
      {
        kind: values.kind,
        on: date.iso,
        outcome: assessment && values.outcome.trim() ? values.outcome.trim() : null,
        notes: values.notes.trim() ? values.notes.trim() : null,
      },
      {
        onSuccess: () => {
          setValues({ kind: '', on: emptyDate, outcome: '', notes: '' });
          onDone('The milestone has been recorded');
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="record-milestone-heading">
      <h2 className="govuk-heading-m" id="record-milestone-heading">
        Record a milestone
      </h2>
      <RadiosField
        id="kind"
        legend="Milestone"
        value={values.kind}
        onChange={(v) => set('kind')(v as MilestoneKind)}
        choices={kindChoices}
        error={fields.kind}
      />
      <DateInputField
        id="on"
        legend="Date"
        hint="For example, 3 2 2027"
        value={values.on}
        onChange={set('on')}
        error={fields.on}
      />
      {assessment ? (
        <TextField
          id="outcome"
          label="Outcome"
          hint="Passed, or not yet and why"
          value={values.outcome}
          onChange={set('outcome')}
          error={fields.outcome}
        />
      ) : null}
      <TextareaField
        id="notes"
        label="Notes (optional)"
        rows={3}
        value={values.notes}
        onChange={set('notes')}
        error={fields.notes}
      />
      <button
        type="submit"
        className="govuk-button"
        disabled={record.isPending}
        aria-disabled={record.isPending}
      >
        Record the milestone
      </button>
    </form>
  );
}
