import { useParams } from 'react-router';
import { useMembership } from '../partnership/use-membership.ts';

/** The review's parameters from the address. */
export function useReviewParams() {
  const { partnershipId, membership } = useMembership();
  const reviewId = useParams().reviewId ?? '';
  return { partnershipId, reviewId, membership };
}
