import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { type ReviewStage, reviewStages } from '#domain/review/stages.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { ErasureNotice } from '../retention/erasure-notice.tsx';
import { ExportReviewLink } from '../transfer/export-review-link.tsx';
import { type ReviewDto, reviewPage, useReview } from './api.ts';
import { CalmOverview } from './calm-overview.tsx';
import { formatDate } from './dates.ts';
import { Deadline, plural, rolesInWords, StageTag } from './review-bits.tsx';
import { ReviewContent, ReviewNavigation } from './review-navigation.tsx';
import { useReviewParams } from './review-params.ts';
import { StageControls, useStageChanges } from './stage-changes.tsx';
import { StageChecklist } from './stage-checklist.tsx';

export { useReviewParams };

export type OverviewPageState = { banner?: string; detail?: string } | null;

/**
 * A review's overview. Those running or analysing the review see where it is, what is still needed
 * before its next stage, its deadlines, people and history, and can move it on. The case group,
 * family and board see a short, calm summary.
 */
export function ReviewOverviewPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const changes = useStageChanges(partnershipId, review.data);
  const state = useLocation().state as OverviewPageState;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (!review.data) return <Loading />;
  const r = review.data;
  const calm = !r.abilities.viewCaseGroup && !r.abilities.editReview;
  // A message brought from the last page gives way to what happens here: a change made, or a problem.
  const bannerText = changes.done ?? (changes.problem || changes.pending ? undefined : state?.banner);

  return (
    <Page
      title={[r.title, 'Reviews']}
      heading={r.title}
      caption={r.typeLabel}
      errors={changes.problem?.items}
      width="full"
      banner={
        bannerText
          ? {
              heading: bannerText,
              children: !changes.done && state?.detail ? <p className="govuk-body">{state.detail}</p> : null,
            }
          : null
      }
    >
      <ErasureNotice partnershipId={partnershipId} reviewId={r.id} />
      <ReviewNavigation partnershipId={partnershipId} reviewId={r.id} review={r} />
      <ReviewContent>
        {calm ? (
          <CalmOverview partnershipId={partnershipId} review={r} />
        ) : (
          <FullOverview partnershipId={partnershipId} review={r} changes={changes} />
        )}
      </ReviewContent>
      {calm ? null : <History review={r} />}
      {calm ? null : <ExportReviewLink partnershipId={partnershipId} reviewId={r.id} />}
    </Page>
  );
}

function FullOverview({
  partnershipId,
  review: r,
  changes,
}: {
  partnershipId: string;
  review: ReviewDto;
  changes: ReturnType<typeof useStageChanges>;
}) {
  const people = reviewPage(partnershipId, r.id, 'people');
  return (
    <>
      <dl className="govuk-summary-list">
        <SummaryRow label="Stage">
          <StageTag stage={r.stage} label={r.stageLabel} />
        </SummaryRow>
        {r.stage === 'paused' ? (
          <>
            <SummaryRow label="Why it is paused">{r.pauseReason ?? 'No reason recorded'}</SummaryRow>
            {r.resumeStage ? (
              <SummaryRow label="Resumes at">
                {reviewStages[r.resumeStage as ReviewStage] ?? r.resumeStage}
              </SummaryRow>
            ) : null}
          </>
        ) : null}
        <SummaryRow label="Review variant">{r.variantLabel}</SummaryRow>
        <SummaryRow label="Initiated">{formatDate(r.initiatedDate)}</SummaryRow>
        <SummaryRow label="Target publication">{formatDate(r.targetPublicationDate)}</SummaryRow>
        {r.myRoles.length > 0 ? <SummaryRow label="Your role">{rolesInWords(r.myRoles)}</SummaryRow> : null}
      </dl>

      {r.stage === 'paused' ? (
        <div className="govuk-inset-text">
          The review is paused. Resume it when the reason for the pause no longer applies; it carries on
          {r.resumeStage
            ? ` at ${reviewStages[r.resumeStage as ReviewStage] ?? r.resumeStage}`
            : ' where it stopped'}
          .
        </div>
      ) : r.nextStage ? (
        <>
          <h2 className="govuk-heading-m">Before moving to {r.nextStageLabel}</h2>
          <StageChecklist partnershipId={partnershipId} review={r} />
        </>
      ) : r.stage === 'closed' ? (
        <p className="govuk-body">The review is closed.</p>
      ) : null}
      <StageControls review={r} changes={changes} />

      <h2 className="govuk-heading-m">Deadlines</h2>
      {r.deadlines.length === 0 ? (
        <p className="govuk-body">There are no deadlines to meet at this stage.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {r.deadlines.map((d) => (
            <li key={`${d.label}:${d.date}`}>
              <Deadline deadline={d} />
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">People</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>{plural(r.people.leadReviewers, 'lead reviewer', 'lead reviewers')}</li>
        <li>{plural(r.people.reviewTeam, 'review team member', 'review team members')}</li>
        <li>{plural(r.people.caseGroup, 'case group member', 'case group members')}</li>
      </ul>
      {r.abilities.viewParticipants ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={people}>
            {r.abilities.manageParticipants ? 'See and add people' : 'See who is taking part'}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function History({ review }: { review: ReviewDto }) {
  if (review.transitions.length === 0) return null;
  const newestFirst = [...review.transitions].reverse();
  return (
    <ScrollableTable label="History of the review">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">History</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['When', 'What happened', 'Who', 'Why'].map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {newestFirst.map((t) => (
            <tr className="govuk-table__row" key={`${t.at}:${t.toStage}:${t.action}`}>
              <td className="govuk-table__cell">{formatDateTime(t.at)}</td>
              <td className="govuk-table__cell">{describeTransition(t)}</td>
              <td className="govuk-table__cell">{t.actorName ?? 'Not recorded'}</td>
              <td className="govuk-table__cell">{t.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** One change of stage in words: "Moved to Data collection", "Paused". */
export function describeTransition(t: ReviewDto['transitions'][number]): string {
  switch (t.action) {
    case 'advance':
      return `Moved to ${t.toStageLabel}`;
    case 'return':
      return `Went back to ${t.toStageLabel}`;
    case 'pause':
      return 'Paused';
    case 'resume':
      return `Resumed at ${t.toStageLabel}`;
    case 'commission':
      return t.toStage === 'commissioning' ? 'Commissioned' : `Commissioned at ${t.toStageLabel}`;
    default:
      return t.fromStage ? `Moved to ${t.toStageLabel}` : `Started at ${t.toStageLabel}`;
  }
}

export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}
