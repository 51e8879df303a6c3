import { type FormEvent, useMemo, useState } from 'react';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { type DateParts, emptyDate } from '../review/dates.ts';
import { type DraftRequestDto, useMarkDraftReceived, useRecordDraftRequest } from './api.ts';
import { dateHint, readDates, renamed } from './form-bits.ts';

type FormProps = {
  partnershipId: string;
  reviewId: string;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

const requestFields = ['requestedOn', 'dueOn', 'note'];

/** Records a written request for a draft: the day it was made, the day the draft is due and a note. */
export function DraftRequestForm({ partnershipId, reviewId, onDone, onProblem }: FormProps) {
  const record = useRecordDraftRequest(partnershipId, reviewId);
  const [values, set, setValues] = useFormValues({
    requestedOn: emptyDate as DateParts,
    dueOn: emptyDate as DateParts,
    note: '',
  });
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(record.error, requestFields);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, 'draft-request', problem);
  const fields = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates([
      { id: 'requestedOn', parts: values.requestedOn, label: 'the date of the request', required: true },
      { id: 'dueOn', parts: values.dueOn, label: 'the date the draft is due' },
    ]);
    if ('problem' in read) {
      setChecked(read.problem);
      return;
    }
    setChecked(null);
    const note = values.note.trim();
    record.mutate(
      {
        requestedOn: read.dates.requestedOn as string,
        dueOn: read.dates.dueOn ?? null,
        ...(note ? { note } : {}),
      },
      {
        onSuccess: () => {
          setValues({ requestedOn: emptyDate, dueOn: emptyDate, note: '' });
          onDone('The request for a draft has been recorded');
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="record-request-heading">
      <h2 className="govuk-heading-m" id="record-request-heading">
        Record a request for a draft
      </h2>
      <DateInputField
        id="requestedOn"
        legend="Date of the request"
        hint={dateHint}
        value={values.requestedOn}
        onChange={set('requestedOn')}
        error={fields.requestedOn}
      />
      <DateInputField
        id="dueOn"
        legend="Date the draft is due (optional)"
        hint={dateHint}
        value={values.dueOn}
        onChange={set('dueOn')}
        error={fields.dueOn}
      />
      <TextareaField
        id="note"
        label="Note (optional)"
        hint="What was asked for and why"
        value={values.note}
        onChange={set('note')}
        error={fields.note}
        rows={3}
      />
      <button
        type="submit"
        className="govuk-button"
        disabled={record.isPending}
        aria-disabled={record.isPending}
      >
        Record the request
      </button>
    </form>
  );
}

type ReceivedProps = FormProps & { request: DraftRequestDto; name: string };

/** Records the day a requested draft arrived (again, to correct it). */
export function DraftReceivedForm({
  partnershipId,
  reviewId,
  request,
  name,
  onDone,
  onProblem,
}: ReceivedProps) {
  const mark = useMarkDraftReceived(partnershipId, reviewId);
  const id = `receivedOn-${request.id}`;
  const [parts, setParts] = useState<DateParts>(emptyDate);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const error = useMemo(() => renamed(mark.error, { receivedOn: id }), [mark.error, id]);
  const serverProblem = useFormProblem(error, [id]);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, id, problem);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates([{ id, parts, label: 'the date the draft arrived', required: true }]);
    if ('problem' in read) {
      setChecked(read.problem);
      return;
    }
    setChecked(null);
    mark.mutate(
      { requestId: request.id, receivedOn: read.dates[id] as string },
      { onSuccess: () => onDone(`The draft requested on ${name} has been marked as received`) },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Mark the draft requested on ${name} as received`}>
      <DateInputField
        id={id}
        legend={request.receivedOn ? 'Correct the date the draft arrived' : 'Date the draft arrived'}
        hint={dateHint}
        value={parts}
        onChange={setParts}
        error={problem?.fields[id]}
      />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        disabled={mark.isPending}
        aria-disabled={mark.isPending}
      >
        Mark as received<span className="govuk-visually-hidden">: the draft requested on {name}</span>
      </button>
    </form>
  );
}
