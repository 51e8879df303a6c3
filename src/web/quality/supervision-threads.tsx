import { type FormEvent, useMemo, useState } from 'react';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Loading } from '../components/problem-pages.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { renamed } from './form-bits.ts';
import {
  type SupervisionTarget,
  useAddSupervisionComment,
  useSupervisionThreads,
} from './supervision-api.ts';
import { SupervisionThreadList } from './supervision-thread.tsx';
import './quality.scss';

type Props = {
  partnershipId: string;
  reviewId: string;
  targetType: SupervisionTarget;
  /** The episode's or finding's id, or the report section's id. */
  targetId: string;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

const whatItIs: Record<SupervisionTarget, string> = {
  episode: 'this key practice episode',
  finding: 'this finding',
  report_section: 'this section of the report',
};

/**
 * The supervisor's comment threads about one episode, finding or report section, in a section
 * headed "Supervision": supervisors add comments; the lead and trainee reviewers reply and resolve.
 */
export function SupervisionThreads({
  partnershipId,
  reviewId,
  targetType,
  targetId,
  onDone,
  onProblem,
}: Props) {
  const threads = useSupervisionThreads(partnershipId, reviewId, { targetType, targetId });
  const list = threads.data;
  const headingId = `supervision-${targetType}-heading`;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={headingId}>
      <h2 className="govuk-heading-m" id={headingId}>
        Supervision
      </h2>
      {threads.isError ? (
        <p className="govuk-body">Sorry, the supervision comments could not be loaded. Try again later.</p>
      ) : !list ? (
        <Loading />
      ) : (
        <>
          <SupervisionThreadList
            partnershipId={partnershipId}
            reviewId={reviewId}
            threads={list.threads}
            empty={`There are no supervision comments on ${whatItIs[targetType]}.`}
            onDone={onDone}
            onProblem={onProblem}
          />
          {list.abilities.comment ? (
            <CommentForm
              partnershipId={partnershipId}
              reviewId={reviewId}
              targetType={targetType}
              targetId={targetId}
              onDone={onDone}
              onProblem={onProblem}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

/** A supervisor's new comment, which opens a thread. */
function CommentForm({ partnershipId, reviewId, targetType, targetId, onDone, onProblem }: Props) {
  const add = useAddSupervisionComment(partnershipId, reviewId);
  const [body, setBody] = useState('');
  const id = `supervision-comment-${targetType}`;
  const error = useMemo(() => renamed(add.error, { body: id }), [add.error, id]);
  const problem = useFormProblem(error, [id]);
  useReportProblem(onProblem, id, problem);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(
      { targetType, targetId, body },
      {
        onSuccess: () => {
          setBody('');
          onDone('Your supervision comment has been added');
        },
      },
    );
  };
  return (
    <form noValidate onSubmit={submit}>
      <TextareaField
        id={id}
        label="Add a supervision comment"
        hint="The lead and trainee reviewers answer it and mark it resolved. The case group and family do not see it."
        rows={4}
        value={body}
        onChange={setBody}
        error={problem?.fields[id]}
      />
      <button type="submit" className="govuk-button" disabled={add.isPending} aria-disabled={add.isPending}>
        Add supervision comment
      </button>
    </form>
  );
}
