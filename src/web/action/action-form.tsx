import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { actionStatuses, impactEvidenceKinds } from '#domain/action/action.ts';
import type { AgencyDto } from '../api/partnership.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { type Choice, FieldsetGroup, SelectField, TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { clientProblem } from '../review/client-problem.ts';
import {
  type ActionValues,
  actionFieldIds,
  actionValues,
  answerChoices,
  createActionBody,
  emptyActionValues,
  formFieldFor,
  serverFieldIds,
  updateActionBody,
} from './action-form-values.ts';
import { type ActionDto, afterReviewPage, type FindingResponseDto, isStale, useSaveAction } from './api.ts';

export const staleActionMessage =
  'Someone else changed this action while you were working on it. It has been reloaded with their changes: check it, then make your change again.';

type Props = {
  partnershipId: string;
  reviewId: string;
  findings: FindingResponseDto[];
  agencies: AgencyDto[];
  /** The action as saved; none for a new action. */
  action?: ActionDto | undefined;
  /** For a new action: the finding it answers, chosen already. */
  findingId?: string | undefined;
  onSaved: (after: ActionDto) => void;
  onProblem: (problem: FormProblem | null) => void;
};

/**
 * The form for one action of the plan: what it answers, what will be done, who owns it and by when,
 * and how the partnership will know it worked. A saved action also has its status, the date it was
 * done, the evidence of its impact and a note of progress.
 */
export function ActionForm(props: Props) {
  const { partnershipId, reviewId, findings, agencies, action, onSaved, onProblem } = props;
  const save = useSaveAction(partnershipId, reviewId, action?.id);
  const [values, set, setValues] = useFormValues<ActionValues>(() =>
    action ? actionValues(action) : emptyActionValues(props.findingId),
  );
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(save.error, serverFieldIds);
  const problem = useMemo(() => {
    if (checked) return checked;
    if (!serverProblem) return null;
    if (isStale(save.error)) return { ...serverProblem, items: [{ message: staleActionMessage }] };
    const fields: Record<string, string> = {};
    for (const [k, m] of Object.entries(serverProblem.fields)) fields[formFieldFor(k) ?? k] = m;
    return {
      ...serverProblem,
      fields,
      items: serverProblem.items.map((i) => ({ ...i, field: formFieldFor(i.field) })),
    };
  }, [checked, serverProblem, save.error]);
  const errors = problem?.fields ?? {};
  const agencyChoices: Choice[] = agencies
    .filter((a) => a.active || a.id === action?.ownerAgency?.id)
    .map((a) => ({ value: a.id, label: a.name }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const { errors: found, body } = action
      ? updateActionBody(values, action.version)
      : createActionBody(values);
    const local = clientProblem(found, actionFieldIds);
    setChecked(local);
    if (local) return;
    save.mutate(body, { onSuccess: onSaved });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the page shows this form's problem as it changes
  useEffect(() => onProblem(problem), [problem]);
  // After a refusal for an old version the plan is reloaded: the form starts again from the action as it is now.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the action resets the form
  useEffect(() => {
    if (action && isStale(save.error)) setValues(actionValues(action));
  }, [action?.version]);

  return (
    <form noValidate onSubmit={submit} aria-label={action ? 'Change the action' : 'Add an action'}>
      <RadiosField
        id="answers"
        legend="What does the action answer?"
        hint="The finding as a whole, one of its issues for the board, or one of its recommendations."
        value={values.answers}
        onChange={set('answers')}
        choices={answerChoices(findings)}
        error={errors.answers}
      />
      <TextareaField
        id="description"
        label="What will be done"
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        rows={4}
      />
      <SelectField
        id="ownerAgencyId"
        label="Owner agency (optional)"
        value={values.ownerAgencyId}
        onChange={set('ownerAgencyId')}
        choices={agencyChoices}
        emptyLabel="No agency"
        error={errors.ownerAgencyId}
      />
      <TextField
        id="ownerName"
        label="Owner (optional)"
        hint="The person or role accountable for it."
        value={values.ownerName}
        onChange={set('ownerName')}
        error={errors.ownerName}
      />
      <DateInputField
        id="dueOn"
        legend="Due date (optional)"
        hint="For example, 30 6 2027"
        value={values.dueOn}
        onChange={set('dueOn')}
        error={errors.dueOn}
      />
      <TextareaField
        id="successMeasure"
        label="Measure of success (optional)"
        hint="How the partnership will know practice has changed."
        value={values.successMeasure}
        onChange={set('successMeasure')}
        error={errors.successMeasure}
        rows={3}
      />
      {action ? <StatusFields values={values} set={set} errors={errors} /> : null}
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button"
          disabled={save.isPending}
          aria-disabled={save.isPending}
        >
          {action ? 'Save the action' : 'Add the action'}
        </button>
        <Link className="govuk-link" to={afterReviewPage(partnershipId, reviewId, 'actions')}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

type StatusProps = {
  values: ActionValues;
  set: <K extends keyof ActionValues>(key: K) => (value: ActionValues[K]) => void;
  errors: Record<string, string>;
};

const statusKeys = Object.keys(actionStatuses) as (keyof typeof actionStatuses)[];
const evidenceChoices: Choice[] = Object.entries(impactEvidenceKinds).map(([value, label]) => ({
  value,
  label,
}));

/** The status radios, with the evidence of impact revealed under "Impact verified"; then the date done and progress. */
function StatusFields({ values, set, errors }: StatusProps) {
  return (
    <>
      <FieldsetGroup id="status" legend="Status" error={errors.status}>
        <div className="govuk-radios">
          {statusKeys.map((key, index) => {
            const inputId = index === 0 ? 'status' : `status-${index + 1}`;
            const reveal = key === 'impact_verified';
            return (
              <div key={key}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name="status"
                    type="radio"
                    value={key}
                    checked={values.status === key}
                    onChange={() => set('status')(key)}
                    aria-controls={
                      reveal && values.status === key ? 'impact-evidence-conditional' : undefined
                    }
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {actionStatuses[key]}
                  </label>
                </div>
                {reveal && values.status === key ? (
                  <div className="govuk-radios__conditional" id="impact-evidence-conditional">
                    <RadiosField
                      id="impactEvidenceKind"
                      legend="What kind of evidence shows the impact?"
                      value={values.impactEvidenceKind}
                      onChange={(v) => set('impactEvidenceKind')(v as ActionValues['impactEvidenceKind'])}
                      choices={evidenceChoices}
                      error={errors.impactEvidenceKind}
                    />
                    <TextareaField
                      id="impactEvidence"
                      label="The evidence of impact"
                      hint="What the audit, data or feedback showed about practice now."
                      value={values.impactEvidence}
                      onChange={set('impactEvidence')}
                      error={errors.impactEvidence}
                      rows={4}
                    />
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </FieldsetGroup>
      <DateInputField
        id="completedOn"
        legend="Date it was done"
        hint="Needed once the action is done. For example, 30 6 2027"
        value={values.completedOn}
        onChange={set('completedOn')}
        error={errors.completedOn}
      />
      <TextareaField
        id="progressNote"
        label="Progress note (optional)"
        value={values.progressNote}
        onChange={set('progressNote')}
        error={errors.progressNote}
        rows={4}
      />
    </>
  );
}
