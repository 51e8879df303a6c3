import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { type MeetingDto, useUpdateMeeting } from './api.ts';

const recordFields = ['notes', 'decisions', 'followUps'] as const;
type RecordField = (typeof recordFields)[number];
type RecordValues = Record<RecordField, string>;

const labels: Record<RecordField, { label: string; hint: string }> = {
  notes: { label: 'Notes', hint: 'What was discussed' },
  decisions: { label: 'Decisions', hint: 'What the meeting agreed' },
  followUps: { label: 'Follow-ups', hint: 'Who will do what, and by when' },
};

const valuesOf = (m: MeetingDto): RecordValues => ({
  notes: m.notes ?? '',
  decisions: m.decisions ?? '',
  followUps: m.followUps ?? '',
});

export type MeetingRecord = {
  values: RecordValues;
  setValue: (field: RecordField, value: string) => void;
  submit: (event: FormEvent<HTMLFormElement>) => void;
  problem: FormProblem | null;
  saved: boolean;
  conflict: boolean;
  pending: boolean;
};

/**
 * Keeps the record of a meeting (notes, decisions, follow-ups) while it is edited. If someone else
 * saved the record meanwhile, the person's text is kept, the latest saved record is fetched to show
 * beside it, and the next save (once they have seen it) is based on it.
 */
export function useMeetingRecord(
  partnershipId: string,
  reviewId: string,
  meeting: MeetingDto,
  refetch: () => Promise<unknown>,
): MeetingRecord {
  const save = useUpdateMeeting(partnershipId, reviewId, meeting.id);
  const [values, setValues] = useState<RecordValues>(() => valuesOf(meeting));
  const [baseVersion, setBaseVersion] = useState(meeting.version);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const problem = useFormProblem(save.error, recordFields);
  // Once the latest record is on screen after a conflict, the next save is based on it.
  if (conflict && meeting.version !== baseVersion) setBaseVersion(meeting.version);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      { ...values, version: baseVersion },
      {
        onSuccess: (m) => {
          setBaseVersion(m.version);
          setConflict(false);
          setSaved(true);
        },
        onError: async (error) => {
          if (error instanceof ApiError && error.code === 'stale_version') {
            await refetch();
            setConflict(true);
          }
        },
      },
    );
  };
  return {
    values,
    setValue: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    submit,
    problem,
    saved,
    conflict,
    pending: save.isPending,
  };
}

/** The form for the record of a meeting; its errors and success banner are shown by the page. */
export function MeetingRecordForm({ record, meeting }: { record: MeetingRecord; meeting: MeetingDto }) {
  return (
    <form noValidate onSubmit={record.submit} aria-labelledby="record-heading">
      <h2 className="govuk-heading-m" id="record-heading">
        Record of the meeting
      </h2>
      {record.conflict ? (
        <div className="govuk-inset-text">
          <h3 className="govuk-heading-s">The latest saved record</h3>
          {recordFields.map((field) => (
            <p className="govuk-body app-pre-wrap" key={field}>
              <strong>{labels[field].label}:</strong> {meeting[field] || 'None'}
            </p>
          ))}
          <p className="govuk-body">Your text is below. Change it if you need to, then save again.</p>
        </div>
      ) : null}
      {recordFields.map((field) => (
        <TextareaField
          key={field}
          id={field}
          label={labels[field].label}
          hint={labels[field].hint}
          value={record.values[field]}
          onChange={(value) => record.setValue(field, value)}
          error={record.problem?.fields[field]}
          rows={field === 'notes' ? 10 : 5}
        />
      ))}
      <button type="submit" className="govuk-button" disabled={record.pending}>
        Save the record
      </button>
    </form>
  );
}

/** The record of a meeting as text, for people who may read but not change it. */
export function MeetingRecordView({ meeting }: { meeting: MeetingDto }) {
  const empty = recordFields.every((field) => !meeting[field]);
  return (
    <>
      <h2 className="govuk-heading-m">Record of the meeting</h2>
      {empty ? <p className="govuk-body">Nothing has been recorded yet.</p> : null}
      {empty
        ? null
        : recordFields.map((field) => (
            <div key={field}>
              <h3 className="govuk-heading-s">{labels[field].label}</h3>
              <p className="govuk-body app-pre-wrap">{meeting[field] || 'None recorded'}</p>
            </div>
          ))}
    </>
  );
}
