import { useNavigate } from 'react-router';
import { usePageProblems } from '../analysis/episode-problems.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { findingsPage, useFindings } from './api.ts';
import { AboutFindings } from './finding-bits.tsx';
import { useFindingChoices } from './finding-choices.ts';
import { FindingForm } from './finding-form.tsx';
import type { FindingsPageState } from './findings-page.tsx';

/** Add a finding: the same form as a saved finding's, sent in one go. */
export function NewFindingPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewFindings);
  const list = useFindings(partnershipId, allowed ? reviewId : '');
  const canCreate = Boolean(list.data?.abilities.create);
  const choices = useFindingChoices(partnershipId, reviewId, review.data, undefined, canCreate);
  const { items, report } = usePageProblems();
  const navigate = useNavigate();

  if (review.isError) return <QueryProblem error={review.error} />;
  if (review.data && !allowed)
    return <ForbiddenPage message="You do not have permission to see the findings of this review." />;
  if (list.isError) return <QueryProblem error={list.error} />;
  if (!review.data || !list.data) return <Loading />;
  if (!canCreate)
    return <ForbiddenPage message="You do not have permission to add findings to this review." />;
  const r = review.data;

  return (
    <Page
      title={['Add a finding', 'Findings', r.title]}
      heading="Add a finding"
      caption={r.title}
      errors={items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <AboutFindings />
        <p className="govuk-body">
          You can save a finding before every part is written, and come back to it. The review team agrees it
          once it is complete.
        </p>
        <FindingForm
          partnershipId={partnershipId}
          reviewId={reviewId}
          choices={choices}
          onSaved={(message, after) =>
            navigate(findingsPage(partnershipId, reviewId, after.id), {
              state: {
                banner: message,
                detail: 'Check what it still needs before the review team can agree it.',
              } satisfies FindingsPageState,
            })
          }
          onProblem={report}
        />
      </ReviewContent>
    </Page>
  );
}
