import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicationDto, RecordPublicationBody } from '#domain/publication/publication.ts';
import { apiRequest } from '../api/client.ts';
import { refetchWhenStale, reviewKeys, reviewPath } from '../review/api.ts';

export type { PublicationDto, RecordPublicationBody };

/** The API address of a review's publication record. */
export const publicationPath = (partnershipId: string, reviewId: string) =>
  `${reviewPath(partnershipId, reviewId)}/publication`;

export const publicationKeys = {
  record: (p: string, r: string) => [...reviewKeys.review(p, r), 'publication'] as const,
};

/** Whether, how, when and where the review's report is published, and what the record still needs. */
export function usePublication(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: publicationKeys.record(partnershipId, reviewId),
    queryFn: () => apiRequest<PublicationDto>('GET', publicationPath(partnershipId, reviewId)),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** Saves the whole record with the version it was based on; a stale version reloads it. */
export function useRecordPublication(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  const key = publicationKeys.record(partnershipId, reviewId);
  return useMutation({
    mutationFn: (body: RecordPublicationBody) =>
      apiRequest<PublicationDto>('PUT', publicationPath(partnershipId, reviewId), body),
    onSuccess: (saved) => client.setQueryData(key, saved),
    onError: (error) => refetchWhenStale(client, error, key),
  });
}
