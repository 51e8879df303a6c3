import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommissionReviewInput,
  ParallelProcessDto,
  ReviewDto,
  ReviewSummaryDto,
  TransitionReviewInput,
  UpdateReviewInput,
} from '#domain/review/review.ts';
import type { StageCheck } from '#domain/review/stages.ts';
import type { ErrorCode, FieldError } from '#domain/shared/app-error.ts';
import { ApiError, api } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';
import { postKeepingDetails } from '../api/post-keeping-details.ts';

export type { ParallelProcessDto, ReviewDto, ReviewSummaryDto };
export type ReviewScope = 'all' | 'mine';
export type ReviewList = { reviews: ReviewSummaryDto[]; abilities: { commission: boolean } };
export type ParallelProcessInput = {
  kind: string;
  description: string;
  contact: string | null;
  status: 'active' | 'concluded';
  noConversations: boolean;
  publicationEmbargo: boolean;
  expectedEndDate: string | null;
  notes: string | null;
};

export const reviewKeys = {
  lists: (partnershipId: string) => ['partnership', partnershipId, 'reviews'] as const,
  list: (partnershipId: string, scope: ReviewScope) =>
    ['partnership', partnershipId, 'reviews', scope] as const,
  review: (partnershipId: string, reviewId: string) =>
    ['partnership', partnershipId, 'review', reviewId] as const,
  parallelProcesses: (partnershipId: string, reviewId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'parallel-processes'] as const,
};

export const reviewPath = (partnershipId: string, reviewId: string) =>
  `${partnershipPath(partnershipId)}/reviews/${encodeURIComponent(reviewId)}`;

/** The address of a review's page in the web app, with an optional section such as "terms". */
export const reviewPage = (partnershipId: string, reviewId: string, section?: string) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}${section ? `/${section}` : ''}`;

/** The partnership's reviews: all of them (for those who run reviews) or those the person has a role in. */
export function useReviews(partnershipId: string, scope: ReviewScope, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.list(partnershipId, scope),
    queryFn: () => api.get<ReviewList>(`${partnershipPath(partnershipId)}/reviews?scope=${scope}`),
    enabled: enabled && Boolean(partnershipId),
  });
}

/** One review as the person may see it, with what they may do in it. */
export function useReview(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: reviewKeys.review(partnershipId, reviewId),
    queryFn: () => api.get<ReviewDto>(reviewPath(partnershipId, reviewId)),
    enabled: Boolean(partnershipId && reviewId),
  });
}

function useStoreReview(partnershipId: string) {
  const client = useQueryClient();
  return (review: ReviewDto) => {
    client.setQueryData(reviewKeys.review(partnershipId, review.id), review);
    return client.invalidateQueries({ queryKey: reviewKeys.lists(partnershipId) });
  };
}

/** Commissions a review: the partnership decides to hold one, and it starts. */
export function useCommissionReview(partnershipId: string) {
  const store = useStoreReview(partnershipId);
  return useMutation({
    mutationFn: (input: CommissionReviewInput) =>
      api.post<ReviewDto>(`${partnershipPath(partnershipId)}/reviews`, input),
    onSuccess: (review) => store(review),
  });
}

/** Changes a review's details or terms of reference, based on the version being looked at. */
export function useUpdateReview(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  const store = useStoreReview(partnershipId);
  return useMutation({
    mutationFn: (input: UpdateReviewInput) =>
      api.patch<ReviewDto>(reviewPath(partnershipId, reviewId), input),
    onSuccess: (review) => store(review),
    onError: (error) => refetchWhenStale(client, error, reviewKeys.review(partnershipId, reviewId)),
  });
}

/** An error from the API that keeps its details: the stage checks that are not met yet. */
export class ReviewApiError extends ApiError {
  readonly unmet: StageCheck[];

  constructor(status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(status, code, message, details as { fields?: FieldError[] } | undefined);
    this.unmet = Array.isArray(details?.unmet) ? (details.unmet as StageCheck[]) : [];
  }
}

/** Moves a review on, back, into a pause or out of one. */
export function useTransitionReview(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  const store = useStoreReview(partnershipId);
  return useMutation({
    mutationFn: (input: TransitionReviewInput) =>
      postKeepingDetails<ReviewDto>(
        client,
        `${reviewPath(partnershipId, reviewId)}/transitions`,
        input,
        ReviewApiError,
      ),
    onSuccess: (review) => store(review),
    onError: (error) => refetchWhenStale(client, error, reviewKeys.review(partnershipId, reviewId)),
  });
}

/** After a refused write based on an old version, loads the record as it is now. */
export function refetchWhenStale(client: QueryClient, error: unknown, queryKey: readonly unknown[]) {
  if (error instanceof ApiError && error.code === 'stale_version') {
    void client.invalidateQueries({ queryKey });
  }
}

export type ParallelProcessList = { processes: ParallelProcessDto[]; abilities: { manage: boolean } };

/** The other processes running alongside the review (trials, inquests, HR processes), and whether the person may record them. */
export function useParallelProcesses(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.parallelProcesses(partnershipId, reviewId),
    queryFn: () => api.get<ParallelProcessList>(`${reviewPath(partnershipId, reviewId)}/parallel-processes`),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** Records a parallel process. */
export function useAddParallelProcess(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ParallelProcessInput) =>
      api.post<ParallelProcessDto>(`${reviewPath(partnershipId, reviewId)}/parallel-processes`, input),
    onSuccess: () => invalidateReview(client, partnershipId, reviewId),
  });
}

/** Changes a parallel process, based on the version being looked at. */
export function useUpdateParallelProcess(partnershipId: string, reviewId: string, processId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ParallelProcessInput & { version: number }) =>
      api.patch<ParallelProcessDto>(
        `${reviewPath(partnershipId, reviewId)}/parallel-processes/${encodeURIComponent(processId)}`,
        input,
      ),
    onSettled: () => invalidateReview(client, partnershipId, reviewId),
  });
}

/** Marks the review and everything under it as out of date (its checklist depends on them). */
export function invalidateReview(client: QueryClient, partnershipId: string, reviewId: string) {
  return client.invalidateQueries({ queryKey: reviewKeys.review(partnershipId, reviewId) });
}
