import { type FormEvent, useMemo, useState } from 'react';
import type { ReportDocument } from '#domain/report/document.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { SelectField } from '../components/form-fields.tsx';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { formatDate } from '../review/dates.ts';
import {
  type Circulation,
  renamedFields,
  useCloseCirculation,
  useCommentOnVersion,
  type VersionRef,
} from './api.ts';
import { roundIsOpen, sectionChoices } from './report-bits.tsx';
import { ReportCommentItem } from './report-comment.tsx';

type Props = {
  versionRef: VersionRef;
  round: Circulation;
  document: ReportDocument;
  /** Whether the person is on the review team side, who sees every comment. */
  readsDrafts: boolean;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** One round of circulation: who it went to, until when, its comments, and the forms to comment or close it. */
export function CirculationRound({ versionRef, round, document, readsDrafts, onDone, onProblem }: Props) {
  const close = useCloseCirculation(versionRef);
  const closeProblem = useFormProblem(close.error, []);
  useReportProblem(onProblem, `close-${round.id}`, closeProblem);
  const open = roundIsOpen(round);
  const heading = round.audienceLabel;

  return (
    <li className="app-report-round">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        {heading}{' '}
        {open ? (
          <strong className="govuk-tag govuk-tag--blue">Open</strong>
        ) : (
          <strong className="govuk-tag govuk-tag--grey">Closed</strong>
        )}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {open
          ? `Comments close on ${formatDate(round.closesOn)}.`
          : round.closedAt
            ? `Closed on ${formatDateTime(round.closedAt)}.`
            : `Comments closed on ${formatDate(round.closesOn)}.`}{' '}
        Sent{round.openedByName ? ` by ${round.openedByName}` : ''} on {formatDateTime(round.openedAt)}.
      </p>
      {round.note ? <p className="govuk-body app-report-text">{round.note}</p> : null}
      <h4 className="govuk-heading-s govuk-!-margin-bottom-2">
        {readsDrafts ? 'Comments' : 'Your comments'}
      </h4>
      {round.comments.length === 0 ? (
        <p className="govuk-body">There are no comments yet.</p>
      ) : (
        <ol className="govuk-list" aria-label={`Comments from ${heading.toLowerCase()}`}>
          {round.comments.map((c) => (
            <ReportCommentItem
              key={c.id}
              versionRef={versionRef}
              comment={c}
              onDone={onDone}
              onProblem={onProblem}
            />
          ))}
        </ol>
      )}
      {open && round.abilities.comment ? (
        <CommentForm
          versionRef={versionRef}
          round={round}
          document={document}
          readsDrafts={readsDrafts}
          onDone={onDone}
          onProblem={onProblem}
        />
      ) : null}
      {open && round.abilities.close ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={close.isPending}
          aria-disabled={close.isPending}
          onClick={() =>
            close.mutate(round.id, {
              onSuccess: () => onDone(`The round for ${heading.toLowerCase()} is closed`),
            })
          }
        >
          Close this round <span className="govuk-visually-hidden">for {heading.toLowerCase()}</span>
        </button>
      ) : null}
    </li>
  );
}

/** A comment on one section of the draft, in an open round. */
function CommentForm({ versionRef, round, document, readsDrafts, onDone, onProblem }: Props) {
  const add = useCommentOnVersion(versionRef);
  const ids = useMemo(
    () => ({ sectionId: `comment-section-${round.id}`, body: `comment-body-${round.id}` }),
    [round.id],
  );
  const [sectionId, setSectionId] = useState('');
  const [body, setBody] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => renamedFields(add.error, ids), [add.error, ids]);
  const serverProblem = useFormProblem(named, [ids.sectionId, ids.body]);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, ids.body, problem);
  const choices = useMemo(() => sectionChoices(document), [document]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const found = clientProblem(
      {
        [ids.sectionId]: sectionId ? '' : 'Choose the part of the report your comment is about',
        [ids.body]: body.trim() ? '' : 'Enter your comment',
      },
      [ids.sectionId, ids.body],
    );
    setChecked(found);
    if (found) return;
    add.mutate(
      { circulationId: round.id, sectionId, body: body.trim() },
      {
        onSuccess: () => {
          setBody('');
          setSectionId('');
          onDone(
            readsDrafts
              ? 'Your comment has been added'
              : 'Thank you. Your comment has been sent to the lead reviewers',
          );
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Comment for ${round.audienceLabel.toLowerCase()}`}>
      <SelectField
        id={ids.sectionId}
        label="Which part of the report is your comment about?"
        value={sectionId}
        choices={choices}
        emptyLabel="Choose a part"
        error={problem?.fields[ids.sectionId]}
        onChange={setSectionId}
      />
      <TextareaField
        id={ids.body}
        label="Your comment"
        hint={
          readsDrafts
            ? 'For the lead reviewers to consider before the next version.'
            : 'Tell the lead reviewers if anything is wrong, missing or unfair, or how it looked to you at the time. The review team sees your comment; nobody else does.'
        }
        rows={5}
        value={body}
        error={problem?.fields[ids.body]}
        onChange={setBody}
      />
      <button type="submit" className="govuk-button" disabled={add.isPending} aria-disabled={add.isPending}>
        Send the comment
      </button>
    </form>
  );
}
