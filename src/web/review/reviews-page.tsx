import { Link, useLocation, useSearchParams } from 'react-router';
import { mayCommission } from '#domain/review/policy.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { type ReviewScope, useReviews } from './api.ts';
import { byUrgency, ReviewsTable } from './reviews-table.tsx';

export type ReviewsPageState = { banner?: string } | null;

/**
 * "My reviews": the reviews the person has a role in, for everyone. Those who run the
 * partnership's reviews see all of them here, and can narrow the list to their own.
 */
export function ReviewsPage() {
  const { partnershipId, membership } = useMembership();
  const [searchParams] = useSearchParams();
  const runsReviews = membership ? mayCommission(membership.role) : false;
  const scope: ReviewScope = runsReviews && searchParams.get('scope') !== 'mine' ? 'all' : 'mine';
  const reviews = useReviews(partnershipId, scope, Boolean(membership));
  const banner = (useLocation().state as ReviewsPageState)?.banner;
  if (reviews.isError) return <QueryProblem error={reviews.error} />;
  const heading = scope === 'all' ? 'Reviews' : 'My reviews';
  const list = byUrgency(reviews.data?.reviews ?? []);
  const open = list.filter((r) => r.stage !== 'closed');
  const closed = list.filter((r) => r.stage === 'closed');
  const here = `/partnerships/${partnershipId}/reviews`;

  return (
    <Page
      title={[heading, ...(membership ? [membership.partnershipName] : [])]}
      heading={heading}
      caption={membership?.partnershipName}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      {runsReviews ? (
        <p className="govuk-body">
          {scope === 'all' ? (
            <>
              Showing all the partnership’s reviews.{' '}
              <Link className="govuk-link" to={`${here}?scope=mine`}>
                Show only reviews you have a role in
              </Link>
            </>
          ) : (
            <>
              Showing reviews you have a role in.{' '}
              <Link className="govuk-link" to={here}>
                Show all the partnership’s reviews
              </Link>
            </>
          )}
        </p>
      ) : (
        <p className="govuk-body">The reviews you have been asked to take part in.</p>
      )}
      {reviews.data?.abilities.commission ? (
        <div className="govuk-button-group">
          <Link className="govuk-button" to={`${here}/new`}>
            Commission a review
          </Link>
          <Link className="govuk-button govuk-button--secondary" to={`${here}/import`}>
            Import a review
          </Link>
        </div>
      ) : null}
      {!reviews.data ? <Loading /> : null}
      {reviews.data && list.length === 0 ? (
        <p className="govuk-body">
          {scope === 'all'
            ? 'There are no reviews yet.'
            : 'You are not taking part in any reviews yet. When someone adds you to a review, it will be listed here.'}
        </p>
      ) : null}
      {open.length > 0 ? (
        <ReviewsTable
          partnershipId={partnershipId}
          reviews={open}
          caption="Reviews in progress"
          showMyRoles={scope === 'mine'}
        />
      ) : null}
      {closed.length > 0 ? (
        <ReviewsTable
          partnershipId={partnershipId}
          reviews={closed}
          caption="Closed reviews"
          showMyRoles={scope === 'mine'}
        />
      ) : null}
    </Page>
  );
}
