import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EraseReviewInput,
  RetentionPolicyDto,
  ReviewErasureDto,
  ReviewErasureStatusDto,
  ReviewsDueForErasureList,
  SubjectAccessExportDto,
  UpdateRetentionPolicyInput,
} from '#domain/retention/retention.ts';
import { api, apiRequest, queryString } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';

export type { RetentionPolicyDto, ReviewErasureDto, ReviewErasureStatusDto, ReviewsDueForErasureList };

const keys = {
  policy: (p: string) => ['partnership', p, 'retention-policy'] as const,
  due: (p: string) => ['partnership', p, 'reviews-due-for-erasure'] as const,
  erasure: (p: string, r: string) => ['partnership', p, 'review', r, 'erasure'] as const,
};

/** How long the partnership keeps a finished review's personal data. */
export function useRetentionPolicy(partnershipId: string) {
  return useQuery({
    queryKey: keys.policy(partnershipId),
    queryFn: () => api.get<RetentionPolicyDto>(`${partnershipPath(partnershipId)}/retention-policy`),
  });
}

/** Changes the retention period; the list of reviews due changes with it. */
export function useUpdateRetentionPolicy(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateRetentionPolicyInput) =>
      apiRequest<RetentionPolicyDto>('PUT', `${partnershipPath(partnershipId)}/retention-policy`, input),
    onSuccess: (policy) => {
      client.setQueryData(keys.policy(partnershipId), policy);
      void client.invalidateQueries({ queryKey: keys.due(partnershipId) });
    },
    onError: () => void client.invalidateQueries({ queryKey: keys.policy(partnershipId) }),
  });
}

/** The reviews whose personal data is due for erasure. */
export function useReviewsDueForErasure(partnershipId: string) {
  return useQuery({
    queryKey: keys.due(partnershipId),
    queryFn: () =>
      api.get<ReviewsDueForErasureList>(`${partnershipPath(partnershipId)}/reviews-due-for-erasure`),
  });
}

const erasurePath = (p: string, r: string) =>
  `${partnershipPath(p)}/reviews/${encodeURIComponent(r)}/erasure`;

/** Whether a review's personal data has been erased, or may be. */
export function useReviewErasure(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: keys.erasure(partnershipId, reviewId),
    queryFn: () => api.get<ReviewErasureStatusDto>(erasurePath(partnershipId, reviewId)),
    enabled: Boolean(reviewId),
  });
}

/** Erases a review's personal data; everything cached about the review is fetched again. */
export function useEraseReview(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EraseReviewInput) =>
      api.post<ReviewErasureDto>(erasurePath(partnershipId, reviewId), input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['partnership', partnershipId] });
    },
  });
}

/** Fetches everything held about one person and saves it as a JSON file. */
export function useSubjectAccessExport(partnershipId: string) {
  return useMutation({
    mutationFn: async (who: { userId?: string; participantId?: string }) => {
      const data = await api.get<SubjectAccessExportDto>(
        `${partnershipPath(partnershipId)}/subject-access-export${queryString(who)}`,
      );
      const fileName = `subject-access-${data.exportedAt.slice(0, 10)}.json`;
      saveFile(fileName, JSON.stringify(data, null, 2));
      return { fileName };
    },
  });
}

function saveFile(fileName: string, text: string) {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
