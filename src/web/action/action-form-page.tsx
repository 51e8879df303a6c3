import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAgencies } from '../api/partnership.ts';
import type { FormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { ActionForm } from './action-form.tsx';
import type { ActionsPageState } from './actions-page.tsx';
import { afterReviewPage, useBoardResponse, useReviewActions } from './api.ts';
import './action.scss';

/**
 * Adds an action to the review's plan (at actions/new, optionally for ?findingId=) or changes one (at
 * actions/:actionId): its status, the date it was done and the evidence of its impact.
 */
export function ActionFormPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const actionId = useParams().actionId;
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.manageActions);
  const plan = useReviewActions(partnershipId, reviewId, allowed && Boolean(actionId));
  const board = useBoardResponse(partnershipId, reviewId, allowed);
  const agencies = useAgencies(partnershipId, allowed);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (review.data && !allowed)
    return <ForbiddenPage message="Only the business manager and the chair can add or change actions." />;
  const failed = [plan, board, agencies].find((q) => q.isError);
  if (failed) return <QueryProblem error={failed.error} />;
  if (!review.data || !board.data || !agencies.data || (actionId && !plan.data)) return <Loading />;
  const action = actionId ? plan.data?.actions.find((a) => a.id === actionId) : undefined;
  if (actionId && !action) return <NotFoundPage />;
  const r = review.data;
  const heading = action ? 'Change the action' : 'Add an action';
  const done = (banner: string) =>
    navigate(afterReviewPage(partnershipId, reviewId, 'actions'), {
      state: { banner } satisfies ActionsPageState,
    });

  return (
    <Page title={[heading, r.title]} heading={heading} caption={r.title} errors={problem?.items} width="full">
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <ActionForm
          partnershipId={partnershipId}
          reviewId={reviewId}
          findings={board.data.findings}
          agencies={agencies.data.agencies}
          action={action}
          findingId={search.get('findingId') ?? undefined}
          onProblem={setProblem}
          onSaved={() => done(action ? 'The action has been saved' : 'The action has been added')}
        />
      </ReviewContent>
    </Page>
  );
}
