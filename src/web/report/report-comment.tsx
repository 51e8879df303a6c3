import { type FormEvent, useMemo, useState } from 'react';
import { type CommentResolution, commentResolutions } from '#domain/report/report.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { clientProblem } from '../review/client-problem.ts';
import { type ReportComment, renamedFields, useResolveReportComment, type VersionRef } from './api.ts';
import { previewId } from './report-bits.tsx';

const resolutionChoices = Object.entries(commentResolutions).map(([value, label]) => ({ value, label }));

type Props = {
  versionRef: VersionRef;
  comment: ReportComment;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/** A comment on a section of a draft, who made it, and how it was dealt with or the form to say so. */
export function ReportCommentItem({ versionRef, comment: c, onDone, onProblem }: Props) {
  const who = c.authorName ?? 'Someone who has left the review';
  return (
    <li className="app-report-comment">
      <p className="govuk-body-s govuk-!-margin-bottom-1">
        On{' '}
        <a className="govuk-link" href={`#${previewId(c.sectionId)}`}>
          {c.sectionTitle}
        </a>
        , from <strong>{who}</strong>, {formatDateTime(c.createdAt)}
      </p>
      <p className="govuk-body app-report-text">{c.body}</p>
      {c.resolution ? (
        <div className="govuk-inset-text govuk-!-margin-top-2">
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            <strong className="govuk-tag govuk-tag--green">
              {c.resolutionLabel ?? commentResolutions[c.resolution]}
            </strong>
            {c.resolvedByName ? ` by ${c.resolvedByName}` : ''}
            {c.resolvedAt ? `, ${formatDateTime(c.resolvedAt)}` : ''}
          </p>
          {c.response ? (
            <p className="govuk-body app-report-text govuk-!-margin-bottom-0">{c.response}</p>
          ) : null}
        </div>
      ) : c.abilities.resolve ? (
        <ResolveForm versionRef={versionRef} comment={c} who={who} onDone={onDone} onProblem={onProblem} />
      ) : (
        <p className="govuk-body-s">
          <strong className="govuk-tag govuk-tag--grey">Not dealt with yet</strong>
        </p>
      )}
    </li>
  );
}

type FormProps = Props & { who: string };

/** Says how a comment was dealt with: changed, not changed with a reason, or noted. */
function ResolveForm({ versionRef, comment: c, who, onDone, onProblem }: FormProps) {
  const resolve = useResolveReportComment(versionRef);
  const ids = useMemo(() => ({ resolution: `resolution-${c.id}`, response: `response-${c.id}` }), [c.id]);
  const [resolution, setResolution] = useState('');
  const [response, setResponse] = useState('');
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const named = useMemo(() => renamedFields(resolve.error, ids), [resolve.error, ids]);
  const serverProblem = useFormProblem(named, [ids.resolution, ids.response]);
  const problem = checked ?? serverProblem;
  useReportProblem(onProblem, ids.resolution, problem);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (resolve.isPending) return;
    const found = clientProblem(
      {
        [ids.resolution]: resolution ? '' : 'Choose how the comment was dealt with',
        [ids.response]:
          resolution === 'not_changed' && !response.trim() ? 'Say why the report is not changed' : '',
      },
      [ids.resolution, ids.response],
    );
    setChecked(found);
    if (found) return;
    resolve.mutate(
      {
        commentId: c.id,
        resolution: resolution as CommentResolution,
        response: response.trim() || undefined,
      },
      { onSuccess: () => onDone(`The comment from ${who} has been resolved`) },
    );
  };

  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Resolve{' '}
          <span className="govuk-visually-hidden">
            the comment from {who} on {c.sectionTitle}
          </span>
        </span>
      </summary>
      <form
        className="govuk-details__text"
        noValidate
        onSubmit={submit}
        aria-label={`Resolve the comment from ${who} on ${c.sectionTitle}`}
      >
        <RadiosField
          id={ids.resolution}
          legend="How was the comment dealt with?"
          value={resolution}
          choices={resolutionChoices}
          error={problem?.fields[ids.resolution]}
          onChange={setResolution}
        />
        <TextareaField
          id={ids.response}
          label="Response"
          hint="Needed if the report is not changed. The person who made the comment sees it."
          rows={3}
          value={response}
          error={problem?.fields[ids.response]}
          onChange={setResponse}
        />
        <button
          type="submit"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          disabled={resolve.isPending}
          aria-disabled={resolve.isPending}
        >
          Resolve the comment <span className="govuk-visually-hidden">from {who}</span>
        </button>
      </form>
    </details>
  );
}
