import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessQualityMarkerInput,
  DraftRequestDto,
  DraftRequestList,
  MarkerAssessmentDto,
  MonitoringDto,
  QualitySummaryDto,
} from '#domain/quality/quality.ts';
import { api, apiRequest } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';
import { refetchWhenStale, reviewKeys, reviewPath } from '../review/api.ts';

export type { DraftRequestDto, DraftRequestList, MarkerAssessmentDto, MonitoringDto, QualitySummaryDto };
export type AssessMarkerBody = AssessQualityMarkerInput;
export type DraftRequestBody = { requestedOn: string; dueOn: string | null; note?: string };

/** The address of a review's quality-marker pages in the web app: the summary, or one marker's number. */
export const qualityPage = (partnershipId: string, reviewId: string, marker?: number) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/quality-markers${marker ? `/${marker}` : ''}`;

/** The address of a review's requests for a draft in the web app. */
export const draftRequestsPage = (partnershipId: string, reviewId: string) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/draft-requests`;

/** The address of the partnership's monitoring page in the web app. */
export const monitoringPage = (partnershipId: string) => `/partnerships/${partnershipId}/monitoring`;

export const qualityKeys = {
  summary: (p: string, r: string) => [...reviewKeys.review(p, r), 'quality-markers'] as const,
  drafts: (p: string, r: string) => [...reviewKeys.review(p, r), 'draft-requests'] as const,
  monitoring: (p: string) => ['partnership', p, 'monitoring'] as const,
};

/** The review's self-assessment against the 18 quality markers, with counts by rating. */
export function useQualitySummary(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: qualityKeys.summary(partnershipId, reviewId),
    queryFn: () => api.get<QualitySummaryDto>(`${reviewPath(partnershipId, reviewId)}/quality-markers`),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** Saves one marker's whole assessment with the version it was based on; a stale version reloads them. */
export function useAssessMarker(partnershipId: string, reviewId: string, marker: number) {
  const client = useQueryClient();
  const key = qualityKeys.summary(partnershipId, reviewId);
  return useMutation({
    mutationFn: (body: AssessMarkerBody) =>
      apiRequest<MarkerAssessmentDto>(
        'PUT',
        `${reviewPath(partnershipId, reviewId)}/quality-markers/${marker}`,
        body,
      ),
    onSuccess: (saved) => {
      client.setQueryData<QualitySummaryDto>(key, (summary) =>
        summary
          ? { ...summary, markers: summary.markers.map((m) => (m.number === saved.number ? saved : m)) }
          : summary,
      );
      // The counts change with the rating, and the partners' monitoring shows them.
      void client.invalidateQueries({ queryKey: key });
      void client.invalidateQueries({ queryKey: qualityKeys.monitoring(partnershipId) });
    },
    onError: (error) => refetchWhenStale(client, error, key),
  });
}

/** Every open review's progress against its dates and its quality-marker ratings, for the partners. */
export function useMonitoring(partnershipId: string, enabled = true) {
  return useQuery({
    queryKey: qualityKeys.monitoring(partnershipId),
    queryFn: () => api.get<MonitoringDto>(`${partnershipPath(partnershipId)}/monitoring`),
    enabled: enabled && Boolean(partnershipId),
  });
}

const draftsPath = (partnershipId: string, reviewId: string) =>
  `${reviewPath(partnershipId, reviewId)}/draft-requests`;

/** The partners' written requests for a draft of the review's report, newest first. */
export function useDraftRequests(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: qualityKeys.drafts(partnershipId, reviewId),
    queryFn: () => api.get<DraftRequestList>(draftsPath(partnershipId, reviewId)),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

function useDraftMutation<I>(partnershipId: string, reviewId: string, send: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: qualityKeys.drafts(partnershipId, reviewId) });
      void client.invalidateQueries({ queryKey: qualityKeys.monitoring(partnershipId) });
    },
  });
}

/** Records a request for a draft: when it was made, when the draft is due and what was asked for. */
export function useRecordDraftRequest(partnershipId: string, reviewId: string) {
  return useDraftMutation(partnershipId, reviewId, (body: DraftRequestBody) =>
    api.post<DraftRequestDto>(draftsPath(partnershipId, reviewId), body),
  );
}

/** Records the day a requested draft arrived (again, to correct it). */
export function useMarkDraftReceived(partnershipId: string, reviewId: string) {
  return useDraftMutation(
    partnershipId,
    reviewId,
    ({ requestId, receivedOn }: { requestId: string; receivedOn: string }) =>
      api.post<DraftRequestDto>(
        `${draftsPath(partnershipId, reviewId)}/${encodeURIComponent(requestId)}/received`,
        { receivedOn },
      ),
  );
}
