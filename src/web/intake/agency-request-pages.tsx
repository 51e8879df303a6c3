import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { intakeLabels } from '#domain/intake/intake.ts';
import { useAgencies } from '../api/partnership.ts';
import { CheckboxesField } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { type DateParts, fieldProblem, noDate, partsFromIso, readDates } from './dates.ts';
import { type AgencyRequestDto, intakePages, useAskAgencies, useRecordReply } from './intake-api.ts';
import { useRapidReviewOfNotification } from './rapid-review-page.tsx';
import { type BannerState, useFormErrors } from './use-form-errors.ts';

const askFieldIds = ['agencyIds', 'requestedDate'] as const;

/** Ask agencies for a summary of their involvement: tick several at once; each becomes one request. */
export function AskAgenciesPage() {
  const { pid, notificationId, review: r, error, missing } = useRapidReviewOfNotification();
  const navigate = useNavigate();
  const agencies = useAgencies(pid);
  const ask = useAskAgencies(pid, r?.id ?? '');
  const { problem, onInvalid, sending } = useFormErrors(ask, askFieldIds);
  const [chosen, setChosen] = useState<string[]>([]);
  const [requested, setRequested] = useState<DateParts>(noDate);
  const failed = error ?? agencies.error;
  if (failed) return <QueryProblem error={failed} />;
  if (missing) return <NotFoundPage />;
  if (!r || !agencies.data) return <Loading />;
  if (!r.abilities.askAgency) return <ForbiddenPage message="You do not have permission to ask agencies." />;
  const back = intakePages.rapidReview(pid, notificationId);
  const asked = new Set(r.agencyRequests.map((a) => a.agencyId));
  const choices = agencies.data.agencies
    .filter((a) => a.active && !asked.has(a.id))
    .map((a) => ({ value: a.id, label: a.name }));
  const fields = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates({ requestedDate: { parts: requested, label: intakeLabels.requestedDate } });
    if ('error' in read) return onInvalid(read.error);
    sending();
    ask.mutate(
      { agencyIds: chosen, requestedDate: read.dates.requestedDate },
      {
        onSuccess: (done) =>
          navigate(back, {
            state: {
              banner:
                done.length === 1
                  ? `${done[0]?.agencyName} asked for a summary`
                  : `${done.length} agencies asked for summaries`,
            } satisfies BannerState,
          }),
      },
    );
  };

  return (
    <Page
      title={[`Ask agencies for summaries: rapid review for ${r.childPseudonym}`]}
      heading="Ask agencies for summaries"
      caption={`Rapid review for ${r.childPseudonym}`}
      errors={problem?.items}
    >
      {choices.length === 0 ? (
        <p className="govuk-body">Every active agency in the partnership has been asked already.</p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            if (chosen.length === 0) {
              event.preventDefault();
              return onInvalid(fieldProblem('agencyIds', 'Select the agencies you have asked for a summary'));
            }
            submit(event);
          }}
        >
          <CheckboxesField
            id="agencyIds"
            legend="Which agencies have you asked for a summary of their involvement?"
            hint="Select all that apply. Agencies asked already are not listed."
            values={chosen}
            onChange={setChosen}
            small
            choices={choices}
            error={fields.agencyIds}
          />
          <DateInputField
            id="requestedDate"
            legend="Date you asked (optional)"
            hint="Leave blank if you asked today. For example, 27 3 2026"
            value={requested}
            onChange={setRequested}
            error={fields.requestedDate}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" disabled={ask.isPending}>
              Save
            </button>
            <Link className="govuk-link" to={back}>
              Cancel
            </Link>
          </div>
        </form>
      )}
    </Page>
  );
}

const replyFieldIds = ['repliedDate', 'notes'] as const;

/** Record when an agency replied with its summary, with notes about it. */
export function RecordReplyPage() {
  const { pid, notificationId, review: r, error, missing } = useRapidReviewOfNotification();
  const requestId = useParams().requestId ?? '';
  const reply = useRecordReply(pid, r?.id ?? '', requestId);
  const errors = useFormErrors(reply, replyFieldIds);
  if (error) return <QueryProblem error={error} />;
  if (missing) return <NotFoundPage />;
  if (!r) return <Loading />;
  const request = r.agencyRequests.find((a) => a.id === requestId);
  if (!request) return <NotFoundPage />;
  if (!request.abilities.update)
    return <ForbiddenPage message="You do not have permission to change this request." />;
  return (
    <ReplyForm
      key={`${request.id}:${request.version}`}
      request={request}
      childPseudonym={r.childPseudonym}
      back={intakePages.rapidReview(pid, notificationId)}
      reply={reply}
      errors={errors}
    />
  );
}

type ReplyProps = {
  request: AgencyRequestDto;
  childPseudonym: string;
  back: string;
  reply: ReturnType<typeof useRecordReply>;
  errors: ReturnType<typeof useFormErrors>;
};

function ReplyForm({ request, childPseudonym, back, reply, errors }: ReplyProps) {
  const navigate = useNavigate();
  const [replied, setReplied] = useState(partsFromIso(request.repliedDate));
  const [notes, setNotes] = useState(request.notes ?? '');
  const { problem, onInvalid, sending } = errors;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDates({ repliedDate: { parts: replied, label: intakeLabels.repliedDate } });
    if ('error' in read) return onInvalid(read.error);
    sending();
    reply.mutate(
      { repliedDate: read.dates.repliedDate, notes: notes.trim() || null, version: request.version },
      { onSuccess: () => navigate(back, { state: { banner: `Reply from ${request.agencyName} saved` } }) },
    );
  };
  return (
    <Page
      title={[`Reply from ${request.agencyName}: rapid review for ${childPseudonym}`]}
      heading={`Reply from ${request.agencyName}`}
      caption={`Rapid review for ${childPseudonym}`}
      errors={problem?.items}
    >
      <form noValidate onSubmit={submit}>
        <DateInputField
          id="repliedDate"
          legend="Date the agency replied"
          hint="Leave blank if it has not replied yet. For example, 27 3 2026"
          value={replied}
          onChange={setReplied}
          error={problem?.fields.repliedDate}
        />
        <TextareaField
          id="notes"
          label="Notes (optional)"
          hint="For example, where the summary is kept. Do not copy the summary itself here."
          value={notes}
          onChange={setNotes}
          error={problem?.fields.notes}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={reply.isPending}>
            Save
          </button>
          <Link className="govuk-link" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
