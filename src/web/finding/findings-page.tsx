import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { LearningBriefingLinks } from '../action/learning-briefing-links.tsx';
import { count } from '../analysis/episodes-bits.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type FindingList, findingsPage, useFindings } from './api.ts';
import { AboutFindings, findingName } from './finding-bits.tsx';
import { FindingsList } from './findings-list.tsx';

/** What a page that sends the person here may ask the list to say, such as "Finding 3 has been deleted". */
export type FindingsPageState = { banner?: string; detail?: string } | null;

/**
 * The review's findings about the system, in order: each with its statement, typology category,
 * whether it is a risk or a strength, priority, status and what it still lacks. The review team adds
 * findings; those who agree them put them in order.
 */
export function FindingsPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewFindings);
  const list = useFindings(partnershipId, allowed ? reviewId : '');
  const state = useLocation().state as FindingsPageState;
  const [problem, setProblem] = useState<FormProblem | null>(null);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (review.data && !allowed)
    return <ForbiddenPage message="You do not have permission to see the findings of this review." />;
  if (list.isError) return <QueryProblem error={list.error} />;
  if (!review.data || !list.data) return <Loading />;
  const r = review.data;
  const data = list.data;
  const banner = state?.banner && !problem ? state : null;

  return (
    <Page
      title={['Findings', r.title]}
      heading="Findings"
      caption={r.title}
      errors={problem?.items}
      width="full"
      banner={
        banner
          ? {
              heading: banner.banner,
              children: banner.detail ? <p className="govuk-body">{banner.detail}</p> : null,
            }
          : null
      }
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <AboutFindings />
        <FlaggedWording partnershipId={partnershipId} reviewId={reviewId} list={data} />
        {r.abilities.generateBriefing && data.findings.length > 0 ? (
          <LearningBriefingLinks partnershipId={partnershipId} reviewId={reviewId} />
        ) : null}
        {data.abilities.create ? (
          <div className="govuk-button-group">
            <Link className="govuk-button" to={findingsPage(partnershipId, reviewId, 'new')}>
              Add a finding
            </Link>
          </div>
        ) : null}
        {data.findings.length === 0 ? (
          <p className="govuk-body">There are no findings yet.</p>
        ) : (
          <FindingsList
            partnershipId={partnershipId}
            reviewId={reviewId}
            list={data}
            onProblem={setProblem}
          />
        )}
      </ReviewContent>
    </Page>
  );
}

/** How much flagged wording is still to be reworded or kept with a reason, and in which findings. */
function FlaggedWording({
  partnershipId,
  reviewId,
  list,
}: {
  partnershipId: string;
  reviewId: string;
  list: FindingList;
}) {
  const flagged = list.findings.filter((f) => f.unresolvedFlags > 0);
  const n = flagged.reduce((sum, f) => sum + f.unresolvedFlags, 0);
  if (n === 0) return null;
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">
        {count(n, 'phrase')} flagged for hindsight or blame {n === 1 ? 'is' : 'are'} not yet resolved. Reword
        each one, or keep it and say why.
      </p>
      <ul className="govuk-list">
        {flagged.map((f) => (
          <li key={f.id}>
            <Link className="govuk-link" to={findingsPage(partnershipId, reviewId, f.id)}>
              {findingName(f)}
            </Link>{' '}
            ({count(f.unresolvedFlags, 'phrase')})
          </li>
        ))}
      </ul>
    </div>
  );
}
