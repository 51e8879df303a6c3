import { type ReactNode, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import {
  type ParallelProcessDto,
  reviewPage,
  useAddParallelProcess,
  useParallelProcesses,
  useReview,
  useUpdateParallelProcess,
} from './api.ts';
import { formatDate } from './dates.ts';
import { constraintLabels, ParallelProcessForm, processFieldIds } from './parallel-process-form.tsx';
import { ReviewContent, ReviewNavigation } from './review-navigation.tsx';
import { useReviewParams } from './review-overview-page.tsx';

type ListState = { banner?: string } | null;

/** Processes running alongside the review (trials, inquests, HR processes) and what they stop. */
export function ParallelProcessesPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const processes = useParallelProcesses(partnershipId, reviewId);
  const banner = (useLocation().state as ListState)?.banner;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (processes.isError) return <QueryProblem error={processes.error} />;
  if (!review.data) return <Loading />;
  const r = review.data;
  const list = processes.data?.processes ?? [];
  const here = reviewPage(partnershipId, reviewId, 'parallel-processes');

  return (
    <Page
      title={['Parallel processes', r.title]}
      heading="Parallel processes"
      caption={r.title}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          Other processes running alongside the review, such as a criminal trial, an inquest or an HR process.
          While one is active it may stop conversations with the case group, or publication.
        </p>
        {processes.data?.abilities.manage ? (
          <Link className="govuk-button" to={`${here}/new`}>
            Add a parallel process
          </Link>
        ) : null}
        {!processes.data ? <Loading /> : null}
        {processes.data && list.length === 0 ? (
          <p className="govuk-body">No parallel processes have been recorded.</p>
        ) : null}
        {list.map((p) => (
          <ProcessCard
            key={p.id}
            process={p}
            changeTo={processes.data?.abilities.manage ? `${here}/${p.id}/change` : null}
          />
        ))}
      </ReviewContent>
    </Page>
  );
}

function ProcessCard({ process: p, changeTo }: { process: ParallelProcessDto; changeTo: string | null }) {
  const constraints = [
    ...(p.noConversations ? [constraintLabels.noConversations] : []),
    ...(p.publicationEmbargo ? [constraintLabels.publicationEmbargo] : []),
  ];
  const row = (key: string, value: ReactNode) => (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{key}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{p.kindLabel}</h2>
        {changeTo ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={changeTo}>
                Change <span className="govuk-visually-hidden">{p.kindLabel.toLowerCase()}</span>
              </Link>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          {row(
            'Status',
            p.status === 'active' ? (
              <strong className="govuk-tag govuk-tag--yellow">Active</strong>
            ) : (
              <strong className="govuk-tag govuk-tag--grey">Concluded</strong>
            ),
          )}
          {row('Description', p.description)}
          {row(
            'While active',
            constraints.length > 0 ? (
              <ul className="govuk-list">
                {constraints.map((c) => (
                  <li key={c}>{p.status === 'active' ? <strong>{c}</strong> : c}</li>
                ))}
              </ul>
            ) : (
              'Does not stop conversations or publication'
            ),
          )}
          {row('Expected end', p.expectedEndDate ? formatDate(p.expectedEndDate) : 'Not known')}
          {p.contact ? row('Contact', p.contact) : null}
          {p.notes ? row('Notes', p.notes) : null}
        </dl>
      </div>
    </div>
  );
}

/** Record a process running alongside the review. */
export function AddParallelProcessPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const processes = useParallelProcesses(partnershipId, reviewId);
  const add = useAddParallelProcess(partnershipId, reviewId);
  const navigate = useNavigate();
  const [checked, setChecked] = useState<ReturnType<typeof useFormProblem>>(null);
  const serverProblem = useFormProblem(add.error, processFieldIds);
  const problem = checked ?? serverProblem;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (processes.isError) return <QueryProblem error={processes.error} />;
  if (!review.data || !processes.data) return <Loading />;
  if (!processes.data.abilities.manage)
    return (
      <ForbiddenPage message="You do not have permission to record parallel processes in this review." />
    );
  const listPath = reviewPage(partnershipId, reviewId, 'parallel-processes');

  return (
    <Page
      title={['Add a parallel process', review.data.title]}
      heading="Add a parallel process"
      caption={review.data.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <ParallelProcessForm
          submitLabel="Add parallel process"
          cancelTo={listPath}
          pending={add.isPending}
          problem={problem}
          onCheck={setChecked}
          onSubmit={(input) =>
            add.mutate(input, {
              onSuccess: (saved) =>
                navigate(listPath, {
                  state: { banner: `${saved.kindLabel} has been added` } satisfies ListState,
                }),
            })
          }
        />
      </ReviewContent>
    </Page>
  );
}

/** Change a parallel process, for example when it concludes. */
export function ChangeParallelProcessPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const processId = useParams().processId ?? '';
  const review = useReview(partnershipId, reviewId);
  const processes = useParallelProcesses(partnershipId, reviewId);
  const change = useUpdateParallelProcess(partnershipId, reviewId, processId);
  const navigate = useNavigate();
  const [checked, setChecked] = useState<ReturnType<typeof useFormProblem>>(null);
  const serverProblem = useFormProblem(change.error, processFieldIds);
  const problem = checked ?? serverProblem;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (processes.isError) return <QueryProblem error={processes.error} />;
  if (!review.data || !processes.data) return <Loading />;
  const process = processes.data.processes.find((p) => p.id === processId);
  if (!process) return <NotFoundPage />;
  if (!processes.data.abilities.manage)
    return (
      <ForbiddenPage message="You do not have permission to change parallel processes in this review." />
    );
  const listPath = reviewPage(partnershipId, reviewId, 'parallel-processes');

  return (
    <Page
      title={[`Change ${process.kindLabel.toLowerCase()}`, review.data.title]}
      heading={`Change ${process.kindLabel.toLowerCase()}`}
      caption={review.data.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <ParallelProcessForm
          key={`${process.id}:${process.version}`}
          process={process}
          submitLabel="Save changes"
          cancelTo={listPath}
          pending={change.isPending}
          problem={problem}
          onCheck={setChecked}
          onSubmit={(input) =>
            change.mutate(
              { ...input, version: process.version },
              {
                onSuccess: (saved) =>
                  navigate(listPath, {
                    state: { banner: `${saved.kindLabel} has been changed` } satisfies ListState,
                  }),
              },
            )
          }
        />
      </ReviewContent>
    </Page>
  );
}
