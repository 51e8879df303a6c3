import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { type EpisodeDto, useCommentOnEpisode, useResolveComment } from './api.ts';
import { type ReportProblem, useReportProblem } from './episode-problems.ts';

type Comment = EpisodeDto['comments'][number];
type Props = {
  partnershipId: string;
  reviewId: string;
  episode: EpisodeDto;
  /** Whether the person is a member of the case group, who sees only their own comments. */
  caseGroup: boolean;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** The server's field errors named as one form's field. */
function named(error: unknown, field: string, id: string): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ ...f, path: f.path === field ? id : f.path }));
  return new ApiError(error.status, error.code, error.message, { fields });
}

/** Comments on the episode, how each was dealt with, and the form to add one. */
export function EpisodeComments({ partnershipId, reviewId, episode, caseGroup, onDone, onProblem }: Props) {
  const add = useCommentOnEpisode(partnershipId, reviewId, episode.id);
  const [body, setBody] = useState('');
  const error = useMemo(() => named(add.error, 'body', 'comment-body'), [add.error]);
  const problem = useFormProblem(error, ['comment-body']);
  useReportProblem(onProblem, 'comment', problem);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(
      { body },
      {
        onSuccess: () => {
          setBody('');
          onDone(
            caseGroup
              ? 'Thank you. Your comment has been sent to the reviewers'
              : 'Your comment has been added',
          );
        },
      },
    );
  };

  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="comments-heading">
      <h2 className="govuk-heading-m" id="comments-heading">
        {caseGroup ? 'Your comments' : 'Comments'}
      </h2>
      {episode.comments.length === 0 ? (
        <p className="govuk-body">There are no comments yet.</p>
      ) : (
        <ol className="govuk-list app-episode-comments">
          {episode.comments.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              canResolve={episode.abilities.manage}
              partnershipId={partnershipId}
              reviewId={reviewId}
              episodeId={episode.id}
              onDone={onDone}
              onProblem={onProblem}
            />
          ))}
        </ol>
      )}
      {episode.abilities.comment ? (
        <form noValidate onSubmit={submit}>
          <TextareaField
            id="comment-body"
            label="Add a comment"
            hint={
              caseGroup
                ? 'Tell the reviewers if anything here is wrong, missing or unfair, or how it looked to you at the time. The reviewers see your comment; other members of the case group do not.'
                : 'For the review team to discuss or act on.'
            }
            rows={4}
            value={body}
            error={problem?.fields['comment-body']}
            onChange={setBody}
          />
          <button
            type="submit"
            className="govuk-button"
            disabled={add.isPending}
            aria-disabled={add.isPending}
          >
            Add comment
          </button>
        </form>
      ) : null}
    </section>
  );
}

type ItemProps = {
  comment: Comment;
  canResolve: boolean;
  partnershipId: string;
  reviewId: string;
  episodeId: string;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

function CommentItem({
  comment: c,
  canResolve,
  partnershipId,
  reviewId,
  episodeId,
  onDone,
  onProblem,
}: ItemProps) {
  const resolve = useResolveComment(partnershipId, reviewId, episodeId);
  const [resolution, setResolution] = useState('');
  const id = `resolution-${c.id}`;
  const error = useMemo(() => named(resolve.error, 'resolution', id), [resolve.error, id]);
  const problem = useFormProblem(error, [id]);
  useReportProblem(onProblem, id, problem);
  const who = c.mine ? 'You' : c.authorName;
  return (
    <li className="app-episode-comment">
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        <strong>{who}</strong> ({c.authorRole}), {formatDateTime(c.createdAt)}
      </p>
      <p className="govuk-body app-episode-text">{c.body}</p>
      {c.resolvedAt ? (
        <div className="govuk-inset-text govuk-!-margin-top-2">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong className="govuk-tag govuk-tag--green">Resolved</strong> by{' '}
            {c.resolvedByName ?? 'a reviewer'}, {formatDateTime(c.resolvedAt)}
          </p>
          {c.resolution ? <p className="govuk-body app-episode-text">{c.resolution}</p> : null}
        </div>
      ) : canResolve ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Resolve <span className="govuk-visually-hidden">the comment from {who}</span>
            </span>
          </summary>
          <form
            className="govuk-details__text"
            noValidate
            aria-label={`Resolve the comment from ${who}`}
            onSubmit={(event) => {
              event.preventDefault();
              resolve.mutate(
                { commentId: c.id, resolution },
                { onSuccess: () => onDone('The comment has been resolved') },
              );
            }}
          >
            <TextareaField
              id={id}
              label="How was the comment dealt with?"
              hint="The person who made the comment sees this."
              rows={3}
              value={resolution}
              error={problem?.fields[id]}
              onChange={setResolution}
            />
            <button
              type="submit"
              className="govuk-button govuk-button--secondary"
              disabled={resolve.isPending}
              aria-disabled={resolve.isPending}
            >
              Resolve the comment <span className="govuk-visually-hidden">from {who}</span>
            </button>
          </form>
        </details>
      ) : (
        <p className="govuk-body-s">
          <strong className="govuk-tag govuk-tag--grey">Open</strong>
        </p>
      )}
    </li>
  );
}
