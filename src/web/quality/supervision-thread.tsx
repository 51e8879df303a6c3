import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { renamed } from './form-bits.ts';
import {
  type SupervisionThreadDto,
  useReplyToSupervision,
  useResolveSupervision,
} from './supervision-api.ts';

type Props = {
  partnershipId: string;
  reviewId: string;
  thread: SupervisionThreadDto;
  /** Where the thing the comment is about is, when the thread is shown away from it. */
  targetHref?: string | null | undefined;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** "Sam Supervisor (supervisor)". */
function byline(name: string | null, role: string | null) {
  return `${name ?? 'Someone no longer in the review'}${role ? ` (${role.toLowerCase()})` : ''}`;
}

/**
 * One supervision thread: the supervisor's comment, the replies beneath it and whether it is
 * resolved; with a reply form and "Mark as resolved" for those who answer it.
 */
export function SupervisionThread({
  partnershipId,
  reviewId,
  thread: t,
  targetHref,
  onDone,
  onProblem,
}: Props) {
  const headingId = `thread-${t.id}`;
  const from = t.authorName ?? 'the supervisor';
  return (
    <li className="app-supervision-thread">
      <article aria-labelledby={headingId}>
        <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={headingId}>
          {targetHref !== undefined ? (
            targetHref ? (
              <Link className="govuk-link" to={targetHref}>
                {t.targetLabel}
              </Link>
            ) : (
              t.targetLabel
            )
          ) : (
            `Comment from ${from}`
          )}
        </h3>
        <p className="govuk-body-s govuk-!-margin-bottom-1">
          {t.status === 'resolved' ? (
            <strong className="govuk-tag govuk-tag--green">Resolved</strong>
          ) : (
            <strong className="govuk-tag govuk-tag--blue">Open</strong>
          )}{' '}
          {byline(t.authorName, t.authorRoleLabel)}, {formatDateTime(t.createdAt)}
        </p>
        <p className="govuk-body app-quality-text">{t.body}</p>
        {t.replies.length > 0 ? (
          <ol
            className="govuk-list app-supervision-replies"
            aria-label={`Replies to the comment from ${from}`}
          >
            {t.replies.map((reply) => (
              <li key={reply.id}>
                <p className="govuk-body-s govuk-!-margin-bottom-1">
                  <strong>{byline(reply.authorName, reply.authorRoleLabel)}</strong>,{' '}
                  {formatDateTime(reply.createdAt)}
                </p>
                <p className="govuk-body app-quality-text">{reply.body}</p>
              </li>
            ))}
          </ol>
        ) : null}
        {t.status === 'resolved' ? (
          <p className="govuk-body-s">
            Resolved{t.resolvedByName ? ` by ${t.resolvedByName}` : ''}
            {t.resolvedAt ? ` on ${formatDateTime(t.resolvedAt)}` : ''}.
          </p>
        ) : null}
        {t.abilities.reply || t.abilities.resolve ? (
          <ThreadActions
            partnershipId={partnershipId}
            reviewId={reviewId}
            thread={t}
            from={from}
            onDone={onDone}
            onProblem={onProblem}
          />
        ) : null}
      </article>
    </li>
  );
}

type ActionProps = Omit<Props, 'targetHref'> & { from: string };

function ThreadActions({ partnershipId, reviewId, thread: t, from, onDone, onProblem }: ActionProps) {
  const reply = useReplyToSupervision(partnershipId, reviewId, t.id);
  const resolve = useResolveSupervision(partnershipId, reviewId, t.id);
  const [body, setBody] = useState('');
  const id = `reply-${t.id}`;
  const error = useMemo(
    () => renamed(reply.error ?? resolve.error, { body: id }),
    [reply.error, resolve.error, id],
  );
  const problem = useFormProblem(error, [id]);
  useReportProblem(onProblem, id, problem);
  const pending = reply.isPending || resolve.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    resolve.reset();
    reply.mutate(
      { body },
      {
        onSuccess: () => {
          setBody('');
          onDone('Your reply has been added');
        },
      },
    );
  };
  const markResolved = () => {
    reply.reset();
    resolve.mutate(undefined, { onSuccess: () => onDone('The comment has been marked as resolved') });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Answer the comment from ${from}`}>
      {t.abilities.reply ? (
        <TextareaField
          id={id}
          label="Your reply"
          rows={3}
          value={body}
          onChange={setBody}
          error={problem?.fields[id]}
        />
      ) : null}
      <div className="govuk-button-group">
        {t.abilities.reply ? (
          <button type="submit" className="govuk-button" disabled={pending} aria-disabled={pending}>
            Send reply <span className="govuk-visually-hidden">to {from}</span>
          </button>
        ) : null}
        {t.abilities.resolve ? (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={pending}
            aria-disabled={pending}
            onClick={markResolved}
          >
            Mark as resolved<span className="govuk-visually-hidden">: the comment from {from}</span>
          </button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * A list of supervision threads, or a sentence saying there are none: the same list under a finding,
 * an episode and the report.
 */
export function SupervisionThreadList({
  threads,
  empty,
  label,
  targetHref,
  ...rest
}: Omit<Props, 'thread'> & { threads: Props['thread'][]; empty: string; label?: string }) {
  if (threads.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <ol className="govuk-list" aria-label={label}>
      {threads.map((t) => (
        <SupervisionThread key={t.id} thread={t} targetHref={targetHref} {...rest} />
      ))}
    </ol>
  );
}
