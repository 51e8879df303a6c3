import { mayCommission } from '#domain/review/policy.ts';
import { useMembership } from '../partnership/use-membership.ts';
import { reviewExportUrl } from './api.ts';

/**
 * "Export this review", for the partnership's admins and business managers (those who commission
 * reviews): a download of the whole review as one JSON file, to import elsewhere or keep.
 */
export function ExportReviewLink({ partnershipId, reviewId }: { partnershipId: string; reviewId: string }) {
  const { membership } = useMembership();
  if (!membership || !mayCommission(membership.role)) return null;
  return (
    <p className="govuk-body">
      <a className="govuk-link" href={reviewExportUrl(partnershipId, reviewId)} download>
        Export this review
      </a>{' '}
      <span className="govuk-hint govuk-!-display-inline">
        (one JSON file with everything in the review, its documents included: keep it as safely as the review)
      </span>
    </p>
  );
}
