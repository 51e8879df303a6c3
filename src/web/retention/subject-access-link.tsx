import { Link } from 'react-router';
import { useMembership } from '../partnership/use-membership.ts';

/** On a person's page in a review, for partnership admins: a subject access export about them. */
export function SubjectAccessLink({
  partnershipId,
  participantId,
}: {
  partnershipId: string;
  participantId: string;
}) {
  const { membership } = useMembership();
  if (membership?.role !== 'partnership_admin') return null;
  return (
    <p className="govuk-body">
      <Link
        className="govuk-link"
        to={`/partnerships/${partnershipId}/retention/subject-access?participantId=${encodeURIComponent(participantId)}`}
      >
        Respond to a subject access request about this person
      </Link>
    </p>
  );
}
