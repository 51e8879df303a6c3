import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionDto,
  ActionList,
  ActionStatus,
  BoardResponseDto,
  CreateActionInput,
  FindingResponseDto,
  RecordBoardResponseInput,
  UpdateActionInput,
} from '#domain/action/action.ts';
import { ApiError, api, apiRequest, queryString } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';
import { reviewPath } from '../review/api.ts';

export type { ActionDto, ActionList, BoardResponseDto, FindingResponseDto };

const enc = encodeURIComponent;

/** The filters of the partnership's action tracker, as they appear in the address. */
export type TrackerFilters = {
  status?: ActionStatus | '';
  reviewId?: string;
  agencyId?: string;
  overdue?: boolean;
};

/** The query string of the tracker's filters, with only those that are set. */
export const trackerQuery = (f: TrackerFilters) =>
  queryString({
    status: f.status || undefined,
    reviewId: f.reviewId || undefined,
    agencyId: f.agencyId || undefined,
    overdue: f.overdue ? 'true' : undefined,
  });

export const boardResponsePath = (p: string, r: string, rest = '') =>
  `${reviewPath(p, r)}/board-response${rest ? `/${rest}` : ''}`;
export const briefingPath = (p: string, r: string, format: 'docx' | 'pdf') =>
  `${reviewPath(p, r)}/learning-briefing/${format}`;
export const reviewActionsPath = (p: string, r: string, actionId = '') =>
  `${reviewPath(p, r)}/actions${actionId ? `/${enc(actionId)}` : ''}`;
export const trackerPath = (p: string, filters: TrackerFilters = {}) =>
  `${partnershipPath(p)}/actions${trackerQuery(filters)}`;
export const trackerExportPath = (p: string, filters: TrackerFilters = {}) =>
  `${partnershipPath(p)}/actions/export${trackerQuery(filters)}`;

/** The address of a review's page after the review, in the web app: "board-response" or "actions". */
export const afterReviewPage = (p: string, r: string, rest: string) =>
  `/partnerships/${p}/reviews/${r}/${rest}`;

export const actionKeys = {
  all: (p: string) => ['partnership', p, 'after-review'] as const,
  boardResponse: (p: string, r: string) => [...actionKeys.all(p), 'board-response', r] as const,
  reviewActions: (p: string, r: string) => [...actionKeys.all(p), 'review-actions', r] as const,
  tracker: (p: string, query: string) => [...actionKeys.all(p), 'tracker', query] as const,
};

/** Whether a refused write was based on an old version of the record. */
export const isStale = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';

/** Each finding of the review with the board's response to it, and what the person may do. */
export function useBoardResponse(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: actionKeys.boardResponse(partnershipId, reviewId),
    queryFn: () => api.get<BoardResponseDto>(boardResponsePath(partnershipId, reviewId)),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** Records the board's response to one finding, based on the version the person began from. */
export function useRecordBoardResponse(partnershipId: string, reviewId: string, findingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordBoardResponseInput) =>
      apiRequest<FindingResponseDto>(
        'PUT',
        `${reviewPath(partnershipId, reviewId)}/findings/${enc(findingId)}/board-response`,
        input,
      ),
    onSuccess: (after) => {
      client.setQueryData<BoardResponseDto>(actionKeys.boardResponse(partnershipId, reviewId), (before) =>
        before
          ? { ...before, findings: before.findings.map((f) => (f.findingId === after.findingId ? after : f)) }
          : before,
      );
      void client.invalidateQueries({ queryKey: actionKeys.boardResponse(partnershipId, reviewId) });
    },
  });
}

/** The review's action plan. */
export function useReviewActions(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: actionKeys.reviewActions(partnershipId, reviewId),
    queryFn: () => api.get<ActionList>(reviewActionsPath(partnershipId, reviewId)),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** The partnership's actions across its reviews, filtered as the tracker asks. */
export function useTrackedActions(partnershipId: string, filters: TrackerFilters, enabled = true) {
  return useQuery({
    queryKey: actionKeys.tracker(partnershipId, trackerQuery(filters)),
    queryFn: () => api.get<ActionList>(trackerPath(partnershipId, filters)),
    enabled: enabled && Boolean(partnershipId),
  });
}

/** Adds an action to the review's plan, or changes one; every page after the review refreshes. */
export function useSaveAction(partnershipId: string, reviewId: string, actionId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateActionInput | UpdateActionInput) =>
      actionId
        ? apiRequest<ActionDto>('PUT', reviewActionsPath(partnershipId, reviewId, actionId), input)
        : api.post<ActionDto>(reviewActionsPath(partnershipId, reviewId), input),
    onSettled: () => client.invalidateQueries({ queryKey: actionKeys.all(partnershipId) }),
  });
}
