import { useParams } from 'react-router';
import { type Membership, useSession } from '../api/session.ts';

/** The partnership named in the address, and the signed-in person's membership of it if they have one. */
export function useMembership(): { partnershipId: string; membership: Membership | undefined } {
  const partnershipId = useParams().partnershipId ?? '';
  const session = useSession();
  const membership = session.data?.memberships.find((m) => m.partnershipId === partnershipId);
  return { partnershipId, membership };
}
