import { useMutation } from '@tanstack/react-query';
import { ApiError, api } from '../api/client.ts';
import { reviewPath } from '../review/api.ts';
import type { AddParticipantResult } from './api.ts';
import { InvitationLink } from './invitation-link.tsx';

/**
 * For someone invited who has not yet joined: makes a new one-time link when the first was lost or
 * has expired. The old link stops working.
 */
export function NewInvitationLink({
  partnershipId,
  reviewId,
  participant,
}: {
  partnershipId: string;
  reviewId: string;
  participant: { id: string; name: string };
}) {
  const reissue = useMutation({
    mutationFn: () =>
      api.post<AddParticipantResult>(
        `${reviewPath(partnershipId, reviewId)}/participants/${encodeURIComponent(participant.id)}/invitation`,
      ),
  });
  const url = reissue.data?.invitationUrl;
  return (
    <>
      <h2 className="govuk-heading-m">Invitation</h2>
      <p className="govuk-body">
        {participant.name} has not joined yet. If they lost their link, or it has expired, make a new one. The
        old link will stop working.
      </p>
      {reissue.error ? (
        <p className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span>{' '}
          {reissue.error instanceof ApiError
            ? reissue.error.message
            : 'The link could not be made. Try again.'}
        </p>
      ) : null}
      {url ? (
        <InvitationLink name={participant.name} url={`${window.location.origin}${url}`} />
      ) : (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={reissue.isPending}
          onClick={() => reissue.mutate()}
        >
          Make a new invitation link for {participant.name}
        </button>
      )}
    </>
  );
}
