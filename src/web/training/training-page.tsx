import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { accreditationStatuses } from '#domain/training/training.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { useMembership } from '../partnership/use-membership.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, emptyDate, formatDate, parseDateParts } from '../review/dates.ts';
import { plural } from '../review/review-bits.tsx';
import { type CohortDto, poolPage, useAddCohort, useCohorts } from './api.ts';
import { StatusTag } from './status-tag.tsx';

const fieldIds = ['name', 'startsOn', 'provider', 'notes'];

/**
 * The partnership's training programme: its cohorts, the latest first, each with its trainees and
 * how far each has got; and, for those who manage the pool, a form to add a cohort.
 */
export function TrainingPage() {
  const { partnershipId, membership } = useMembership();
  // Someone outside the partnership asks all the same, and is told it is not found.
  const allowed = membership ? Boolean(membership.abilities.viewReviewerPool) : true;
  const cohorts = useCohorts(partnershipId, allowed);
  const add = useAddCohort(partnershipId);
  const [values, set, setValues] = useFormValues({
    name: '',
    startsOn: emptyDate as DateParts,
    provider: '',
    notes: '',
  });
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(add.error, fieldIds);
  const problem = checked ?? serverProblem;
  const [done, setDone] = useState<string | null>(null);
  const name = membership?.partnershipName;

  if (membership && !allowed)
    return (
      <ForbiddenPage message="Only the partnership’s admins and business managers can see the training programme." />
    );
  if (cohorts.isError) return <QueryProblem error={cohorts.error} />;
  const fields = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const date = parseDateParts(values.startsOn, 'the start date');
    const found = clientProblem(
      {
        name: values.name.trim() ? '' : 'Enter the cohort’s name, like “2027 cohort”',
        startsOn: !date.ok ? date.message : date.iso ? '' : 'Enter the start date',
      },
      fieldIds,
    );
    setChecked(found);
    if (found || !date.ok || !date.iso) {
      setDone(null);
      return;
    }
    const text = (v: string) => (v.trim() ? v.trim() : null);
    add.mutate(
      {
        name: values.name.trim(),
        startsOn: date.iso,
        provider: text(values.provider),
        notes: text(values.notes),
      },
      {
        onSuccess: (cohort) => {
          setValues({ name: '', startsOn: emptyDate, provider: '', notes: '' });
          setDone(`${cohort.name} has been added`);
        },
        onError: () => setDone(null),
      },
    );
  };

  return (
    <Page
      title={['Training programme', ...(name ? [name] : [])]}
      heading="Training programme"
      caption={name}
      errors={problem?.items}
      banner={done && !problem ? { heading: done } : null}
    >
      <p className="govuk-body">
        Trainee reviewers learn in cohorts: training days, group supervision and a practice review under a
        supervisor, then assessment and accreditation. Select a trainee to see their training record.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" to={poolPage(partnershipId)}>
          Go to the reviewer pool
        </Link>
      </p>
      {!cohorts.data ? (
        <Loading />
      ) : cohorts.data.cohorts.length === 0 ? (
        <p className="govuk-body">There are no cohorts yet.</p>
      ) : (
        cohorts.data.cohorts.map((c) => <Cohort key={c.id} partnershipId={partnershipId} cohort={c} />)
      )}
      {cohorts.data?.abilities.manage ? (
        <form noValidate onSubmit={submit} aria-labelledby="add-cohort-heading">
          <h2 className="govuk-heading-m govuk-!-margin-top-8" id="add-cohort-heading">
            Add a cohort
          </h2>
          <TextField
            id="name"
            label="Name"
            hint="Like “2027 cohort”"
            value={values.name}
            onChange={set('name')}
            error={fields.name}
          />
          <DateInputField
            id="startsOn"
            legend="Start date"
            hint="For example, 23 1 2027"
            value={values.startsOn}
            onChange={set('startsOn')}
            error={fields.startsOn}
          />
          <TextField
            id="provider"
            label="Who runs the training (optional)"
            value={values.provider}
            onChange={set('provider')}
            error={fields.provider}
          />
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
            disabled={add.isPending}
            aria-disabled={add.isPending}
          >
            Add the cohort
          </button>
        </form>
      ) : null}
    </Page>
  );
}

function Cohort({ partnershipId, cohort: c }: { partnershipId: string; cohort: CohortDto }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{c.name}</h2>
      </div>
      <div className="govuk-summary-card__content">
        <p className="govuk-body">
          Starts {formatDate(c.startsOn)}
          {c.provider ? `, run by ${c.provider}` : ''}.
        </p>
        {c.notes ? <p className="govuk-body">{c.notes}</p> : null}
        {c.trainees.length === 0 ? (
          <p className="govuk-body">No trainees in this cohort yet.</p>
        ) : (
          <ul className="govuk-list" aria-label={`Trainees in ${c.name}`}>
            {c.trainees.map((t) => (
              <li key={t.id}>
                <Link className="govuk-link" to={poolPage(partnershipId, t.id)}>
                  {t.name}
                </Link>{' '}
                <StatusTag status={t.status} label={accreditationStatuses[t.status]} />{' '}
                <span className="govuk-body-s">
                  {plural(t.milestonesDone, 'milestone', 'milestones')} recorded
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
