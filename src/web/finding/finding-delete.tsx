import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReportProblem } from '../analysis/episode-problems.ts';
import { useReportProblem } from '../analysis/episode-problems.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { type FindingDto, findingsPage, useDeleteFinding } from './api.ts';
import type { FindingsPageState } from './findings-page.tsx';

type Props = { partnershipId: string; reviewId: string; finding: FindingDto; onProblem: ReportProblem };

/**
 * Deletes the finding, after asking: the question takes focus, and "Cancel" puts focus back on the
 * button that asked.
 */
export function FindingDelete({ partnershipId, reviewId, finding, onProblem }: Props) {
  const remove = useDeleteFinding(partnershipId, reviewId, finding.id);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useReportProblem(onProblem, 'delete', useFormProblem(remove.error, []));
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (asked.current) ask.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const name = `finding ${finding.number}`;

  const confirm = () =>
    remove.mutate(undefined, {
      onSuccess: () =>
        navigate(findingsPage(partnershipId, reviewId), {
          state: { banner: `Finding ${finding.number} has been deleted` } satisfies FindingsPageState,
        }),
    });

  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="delete-heading">
      <h2 className="govuk-heading-m" id="delete-heading">
        Delete the finding
      </h2>
      {confirming ? (
        <div className="govuk-inset-text">
          <p className="govuk-body" tabIndex={-1} ref={question}>
            Are you sure you want to delete {name}? You cannot undo this. Its links to key practice episodes
            and research questions go with it.
          </p>
          <div className="govuk-button-group">
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              disabled={remove.isPending}
              aria-disabled={remove.isPending}
              onClick={confirm}
            >
              Yes, delete it <span className="govuk-visually-hidden">({name})</span>
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          ref={ask}
          className="govuk-button govuk-button--warning"
          onClick={() => setConfirming(true)}
        >
          Delete {name}
        </button>
      )}
    </section>
  );
}
