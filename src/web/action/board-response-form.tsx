import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { DateInputField } from '../components/date-input-field.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, parseDateParts, partsFromIso } from '../review/dates.ts';
import { type FindingResponseDto, isStale, useRecordBoardResponse } from './api.ts';

export const staleResponseMessage =
  'Someone else changed the board’s response to this finding while you were working on it. It has been reloaded with their changes. What you wrote is shown under the field: copy back what you still need, then save again.';

type Props = {
  partnershipId: string;
  reviewId: string;
  finding: FindingResponseDto;
  onSaved: (message: string) => void;
  onProblem: (problem: FormProblem | null) => void;
};

const serverFields = ['response', 'agreedOn'];

/** The ids of one finding's fields, so each finding's form on the page has its own. */
export const responseFieldIds = (n: number) => ({ response: `response-${n}`, agreedOn: `agreed-on-${n}` });

/** The form for the board's response to one finding and the date the board agreed it. */
export function BoardResponseForm({ partnershipId, reviewId, finding, onSaved, onProblem }: Props) {
  const record = useRecordBoardResponse(partnershipId, reviewId, finding.findingId);
  const ids = useMemo(() => responseFieldIds(finding.findingNumber), [finding.findingNumber]);
  const [response, setResponse] = useState(finding.response ?? '');
  const [agreedOn, setAgreedOn] = useState<DateParts>(partsFromIso(finding.agreedOn));
  const [version, setVersion] = useState(finding.version);
  const [lost, setLost] = useState<string | null>(null);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(record.error, serverFields);
  const problem = useMemo(() => {
    if (checked) return checked;
    const named = serverProblem && withFieldIds(serverProblem, ids);
    return named && isStale(record.error) ? { ...named, items: [{ message: staleResponseMessage }] } : named;
  }, [checked, serverProblem, record.error, ids]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the page shows the problem of the form last sent
  useEffect(() => onProblem(problem), [problem]);

  // Someone else's response, loaded after a refusal, replaces what is in the form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the response resets the form
  useEffect(() => {
    if (finding.version === version) return;
    setResponse(finding.response ?? '');
    setAgreedOn(partsFromIso(finding.agreedOn));
    setVersion(finding.version);
  }, [finding.version]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (record.isPending) return;
    const date = parseDateParts(agreedOn, 'the date the board agreed it');
    const errors: Record<string, string> = {};
    if (!response.trim())
      errors[ids.response] = `Enter the board’s response to finding ${finding.findingNumber}`;
    if (!date.ok) errors[ids.agreedOn] = date.message;
    const found = clientProblem(errors, [ids.response, ids.agreedOn]);
    setChecked(found);
    if (found || !date.ok) return;
    const sent = response;
    record.mutate(
      { version, response: response.trim(), agreedOn: date.iso },
      {
        onSuccess: (after) => {
          setVersion(after.version);
          setLost(null);
          onSaved(`The board’s response to finding ${after.findingNumber} has been saved`);
        },
        onError: (error) => {
          if (isStale(error)) setLost(sent);
        },
      },
    );
  };

  const errors = problem?.fields ?? {};
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={`The board’s response to finding ${finding.findingNumber}`}
    >
      <TextareaField
        id={ids.response}
        label={`The board’s response to finding ${finding.findingNumber}`}
        hint="What the board will do about the finding and its issues, in words it is happy to publish."
        value={response}
        onChange={setResponse}
        error={errors[ids.response]}
        rows={8}
      />
      {lost ? (
        <div className="govuk-inset-text">
          <p className="govuk-body govuk-!-font-weight-bold">What you wrote, not saved</p>
          <p className="govuk-body app-action-text">{lost}</p>
        </div>
      ) : null}
      <DateInputField
        id={ids.agreedOn}
        legend="Date the board agreed it (optional)"
        hint="Leave empty while the response is a draft. For example, 2 3 2027"
        value={agreedOn}
        onChange={setAgreedOn}
        error={errors[ids.agreedOn]}
      />
      <button
        type="submit"
        className="govuk-button"
        disabled={record.isPending}
        aria-disabled={record.isPending}
      >
        Save the response
      </button>
    </form>
  );
}

/** The server names the fields "response" and "agreedOn"; on the page they carry the finding's number. */
function withFieldIds(problem: FormProblem, ids: { response: string; agreedOn: string }): FormProblem {
  const rename = (field?: string) =>
    field === 'response' ? ids.response : field === 'agreedOn' ? ids.agreedOn : field;
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(problem.fields)) fields[rename(key) ?? key] = message;
  return { ...problem, fields, items: problem.items.map((i) => ({ ...i, field: rename(i.field) })) };
}
