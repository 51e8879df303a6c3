import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { type ParallelProcessKind, parallelProcessKinds } from '#domain/review/review.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import type { ParallelProcessDto, ParallelProcessInput } from './api.ts';
import { clientProblem } from './client-problem.ts';
import { type DateParts, parseDateParts, partsFromIso } from './dates.ts';

export const processFieldIds = [
  'kind',
  'description',
  'contact',
  'status',
  'constraints',
  'noConversations',
  'publicationEmbargo',
  'expectedEndDate',
  'notes',
] as const;

const kindChoices = (Object.keys(parallelProcessKinds) as ParallelProcessKind[]).map((value) => ({
  value,
  label: parallelProcessKinds[value],
}));
const statusChoices = [
  { value: 'active', label: 'Active', hint: 'Still running' },
  { value: 'concluded', label: 'Concluded', hint: 'Finished. Its constraints no longer apply' },
];
export const constraintLabels = {
  noConversations: 'No conversations with the case group until this ends',
  publicationEmbargo: 'Nothing may be published until this ends',
} as const;

type Values = {
  kind: string;
  description: string;
  contact: string;
  status: 'active' | 'concluded';
  constraints: string[];
  expectedEndDate: DateParts;
  notes: string;
};

type Props = {
  process?: ParallelProcessDto | undefined;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  problem: FormProblem | null;
  onCheck: (problem: FormProblem | null) => void;
  onSubmit: (input: ParallelProcessInput) => void;
};

/** The questions about a process running alongside the review, and what it stops until it ends. */
export function ParallelProcessForm({
  process,
  submitLabel,
  cancelTo,
  pending,
  problem,
  onCheck,
  onSubmit,
}: Props) {
  const [values, set] = useFormValues<Values>(() => ({
    kind: process?.kind ?? '',
    description: process?.description ?? '',
    contact: process?.contact ?? '',
    status: process?.status ?? 'active',
    constraints: [
      ...(process?.noConversations ? ['noConversations'] : []),
      ...(process?.publicationEmbargo ? ['publicationEmbargo'] : []),
    ],
    expectedEndDate: partsFromIso(process?.expectedEndDate),
    notes: process?.notes ?? '',
  }));
  const fields = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const end = parseDateParts(values.expectedEndDate, 'the expected end date');
    const found = clientProblem({ expectedEndDate: end.ok ? '' : end.message }, processFieldIds);
    onCheck(found);
    if (found || !end.ok) return;
    onSubmit({
      kind: values.kind,
      description: values.description,
      contact: values.contact.trim() ? values.contact : null,
      status: values.status,
      noConversations: values.constraints.includes('noConversations'),
      publicationEmbargo: values.constraints.includes('publicationEmbargo'),
      expectedEndDate: end.iso,
      notes: values.notes.trim() ? values.notes : null,
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <RadiosField
        id="kind"
        legend="Kind of process"
        value={values.kind}
        onChange={set('kind')}
        choices={kindChoices}
        error={fields.kind}
      />
      <TextareaField
        id="description"
        label="Description"
        hint="For example, the criminal trial of the child’s stepfather at Northshire Crown Court. Use roles, not names."
        rows={3}
        value={values.description}
        onChange={set('description')}
        error={fields.description}
      />
      <TextField
        id="contact"
        label="Contact (optional)"
        hint="Who to ask about it, for example the senior investigating officer"
        value={values.contact}
        onChange={set('contact')}
        error={fields.contact}
      />
      {process ? (
        <RadiosField
          id="status"
          legend="Status"
          value={values.status}
          onChange={(value) => set('status')(value as Values['status'])}
          choices={statusChoices}
          error={fields.status}
        />
      ) : null}
      <CheckboxesField
        id="constraints"
        legend="What does it stop until it ends?"
        hint="Select all that apply. Check with the police, coroner or other lead before conversations start."
        values={values.constraints}
        onChange={set('constraints')}
        choices={Object.entries(constraintLabels).map(([value, label]) => ({ value, label }))}
        error={fields.noConversations ?? fields.publicationEmbargo ?? fields.constraints}
      />
      <DateInputField
        id="expectedEndDate"
        legend="Expected end date (optional)"
        hint="For example, 14 9 2026"
        value={values.expectedEndDate}
        onChange={set('expectedEndDate')}
        error={fields.expectedEndDate}
        spellCheck={false}
      />
      <TextareaField
        id="notes"
        label="Notes (optional)"
        rows={3}
        value={values.notes}
        onChange={set('notes')}
        error={fields.notes}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          {submitLabel}
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
