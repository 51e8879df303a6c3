import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddParticipantInput,
  ParticipantDto,
  UpdateParticipantInput,
} from '#domain/participant/participant.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import { api, setCsrfToken } from '../api/client.ts';
import { sessionKey } from '../api/query-client.ts';
import type { Session } from '../api/session.ts';
import { invalidateReview, refetchWhenStale, reviewKeys, reviewPath } from '../review/api.ts';

export type { ParticipantDto };
export type ParticipantList = { participants: ParticipantDto[]; abilities: { manage: boolean } };
export type AddParticipantResult = { participant: ParticipantDto; invitationUrl: string | null };
export type InvitationDto = {
  reviewTitle: string;
  partnershipName: string;
  role: ReviewRole;
  roleLabel: string;
  name: string;
  email: string;
  expiresAt: string;
  /** Not in the contract yet: where to go once accepted, when the server gives it. */
  partnershipId?: string;
  reviewId?: string;
};

export const participantKeys = {
  participants: (partnershipId: string, reviewId: string) =>
    [...reviewKeys.review(partnershipId, reviewId), 'participants'] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

/** The people taking part in a review (as far as the person may see them), and whether they may add people. */
export function useParticipants(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: participantKeys.participants(partnershipId, reviewId),
    queryFn: () => api.get<ParticipantList>(`${reviewPath(partnershipId, reviewId)}/participants`),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** Adds a person to a review: someone in the partnership, or someone new who gets an invitation link. */
export function useAddParticipant(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddParticipantInput) =>
      api.post<AddParticipantResult>(`${reviewPath(partnershipId, reviewId)}/participants`, input),
    // The review's checklist and counts depend on who takes part.
    onSuccess: () => invalidateReview(client, partnershipId, reviewId),
  });
}

/** Changes a participant's details, line manager or whether they still take part. */
export function useUpdateParticipant(partnershipId: string, reviewId: string, participantId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateParticipantInput) =>
      api.patch<ParticipantDto>(
        `${reviewPath(partnershipId, reviewId)}/participants/${encodeURIComponent(participantId)}`,
        input,
      ),
    onSuccess: () => invalidateReview(client, partnershipId, reviewId),
    onError: (error) =>
      refetchWhenStale(client, error, participantKeys.participants(partnershipId, reviewId)),
  });
}

/** An invitation to take part in a review, read with its one-time token (no session needed). */
export function useInvitation(token: string) {
  return useQuery({
    queryKey: participantKeys.invitation(token),
    queryFn: () => api.get<InvitationDto>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Accepts an invitation: creates the person's account and signs them in. */
export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    // Made without a session, so a 401 here must not be taken as a session ending.
    meta: { signingIn: true },
    mutationFn: (input: { name: string; password: string }) =>
      api.post<Session>(`/api/invitations/${encodeURIComponent(token)}/accept`, input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      // Whatever was held for someone else signed in on this browser goes; the invitation stays on screen.
      client.removeQueries({
        predicate: (query) => query.queryKey[0] !== sessionKey[0] && query.queryKey[0] !== 'invitation',
      });
      client.setQueryData(sessionKey, session);
    },
  });
}
