import { type FormEvent, useState } from 'react';
import { type SupervisionSessionKind, supervisionSessionKinds } from '#domain/quality/supervision.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Loading } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, emptyDate, formatDate } from '../review/dates.ts';
import { SummaryRow } from '../review/review-overview-page.tsx';
import { dateHint, readDates } from './form-bits.ts';
import { useRecordSupervisionSession, useSupervisionSessions } from './supervision-api.ts';

type Props = {
  partnershipId: string;
  reviewId: string;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** The review's supervision log: the sessions held, the most recent first, and the form to record one. */
export function SupervisionSessions(props: Props) {
  const { partnershipId, reviewId } = props;
  const sessions = useSupervisionSessions(partnershipId, reviewId);
  const list = sessions.data;
  return (
    <section aria-labelledby="supervision-log-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-l" id="supervision-log-heading">
        Supervision log
      </h2>
      {sessions.isError ? (
        <p className="govuk-body">Sorry, the supervision log could not be loaded. Try again later.</p>
      ) : !list ? (
        <Loading />
      ) : (
        <>
          {list.sessions.length === 0 ? (
            <p className="govuk-body">No supervision sessions have been recorded.</p>
          ) : (
            list.sessions.map((s) => (
              <div className="govuk-summary-card" key={s.id}>
                <div className="govuk-summary-card__title-wrapper">
                  <h3 className="govuk-summary-card__title">
                    {s.kindLabel}, {formatDate(s.heldOn)}
                  </h3>
                </div>
                <div className="govuk-summary-card__content">
                  <dl className="govuk-summary-list">
                    <SummaryRow label="Who attended">{s.attendees || 'Not recorded'}</SummaryRow>
                    <SummaryRow label="Notes">
                      <span className="app-quality-text">{s.notes || 'None'}</span>
                    </SummaryRow>
                    <SummaryRow label="Recorded by">{s.recordedByName ?? 'Not known'}</SummaryRow>
                  </dl>
                </div>
              </div>
            ))
          )}
          {list.abilities.record ? <SessionForm {...props} /> : null}
        </>
      )}
    </section>
  );
}

const fieldIds = ['kind', 'heldOn', 'attendees', 'notes'];
const kindChoices = (Object.keys(supervisionSessionKinds) as SupervisionSessionKind[]).map((k) => ({
  value: k,
  label: supervisionSessionKinds[k],
}));

function SessionForm({ partnershipId, reviewId, onDone, onProblem }: Props) {
  const record = useRecordSupervisionSession(partnershipId, reviewId);
  const [values, set, setValues] = useFormValues({
    kind: '' as SupervisionSessionKind | '',
    heldOn: emptyDate as DateParts,
    attendees: '',
    notes: '',
  });
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(record.error, fieldIds);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, 'supervision-session', problem);
  const fields = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates([
      { id: 'heldOn', parts: values.heldOn, label: 'the date of the session', required: true },
    ]);
    const found = clientProblem(
      {
        kind: values.kind ? '' : 'Choose group or individual',
        ...('problem' in read ? read.problem.fields : {}),
      },
      fieldIds,
    );
    if (found || 'problem' in read || !values.kind) {
      setChecked(found);
      return;
    }
    setChecked(null);
    const attendees = values.attendees.trim();
    const notes = values.notes.trim();
    record.mutate(
      {
        kind: values.kind,
        heldOn: read.dates.heldOn as string,
        ...(attendees ? { attendees } : {}),
        ...(notes ? { notes } : {}),
      },
      {
        onSuccess: () => {
          setValues({ kind: '', heldOn: emptyDate, attendees: '', notes: '' });
          onDone('The supervision session has been recorded');
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="record-session-heading">
      <h3 className="govuk-heading-m" id="record-session-heading">
        Record a supervision session
      </h3>
      <RadiosField
        id="kind"
        legend="Kind of session"
        value={values.kind}
        onChange={(v) => set('kind')(v as SupervisionSessionKind)}
        choices={kindChoices}
        error={fields.kind}
      />
      <DateInputField
        id="heldOn"
        legend="Date of the session"
        hint={dateHint}
        value={values.heldOn}
        onChange={set('heldOn')}
        error={fields.heldOn}
      />
      <TextField
        id="attendees"
        label="Who attended (optional)"
        value={values.attendees}
        onChange={set('attendees')}
        error={fields.attendees}
      />
      <TextareaField
        id="notes"
        label="Notes (optional)"
        hint="What was discussed and agreed"
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
        Record the session
      </button>
    </form>
  );
}
