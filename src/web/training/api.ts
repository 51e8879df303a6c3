import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccreditationStatus,
  CohortDto,
  CreateReviewerInput,
  cohortList,
  MilestoneKind,
  ReviewerDto,
  reviewerList,
  TrainingRecordDto,
} from '#domain/training/training.ts';
import { api, apiRequest, queryString } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';
import { refetchWhenStale } from '../review/api.ts';

export type { AccreditationStatus, CohortDto, ReviewerDto, TrainingRecordDto };
export type ReviewerList = z.infer<typeof reviewerList>;
export type CohortList = z.infer<typeof cohortList>;
export type ReviewerBody = CreateReviewerInput;
export type CohortBody = { name: string; startsOn: string; provider: string | null; notes: string | null };
export type MilestoneBody = { kind: MilestoneKind; on: string; outcome: string | null; notes: string | null };

const enc = encodeURIComponent;

/** The address of the reviewer pool's pages in the web app: the pool, "new", or a reviewer and more. */
export const poolPage = (partnershipId: string, rest = '') =>
  `/partnerships/${partnershipId}/reviewers${rest ? `/${rest}` : ''}`;

/** The address of the training programme's page in the web app. */
export const trainingPage = (partnershipId: string) => `/partnerships/${partnershipId}/training`;

/** The address of a reviewer's accreditation logbook, a Word document. */
export const logbookPath = (partnershipId: string, reviewerId: string) =>
  `${partnershipPath(partnershipId)}/reviewers/${enc(reviewerId)}/logbook`;

type ReviewerQuery = { forReviewId?: string | undefined; status?: AccreditationStatus | undefined };

export const trainingKeys = {
  all: (p: string) => ['partnership', p, 'training'] as const,
  reviewers: (p: string, q: ReviewerQuery) =>
    [...trainingKeys.all(p), 'reviewers', q.forReviewId ?? '', q.status ?? ''] as const,
  record: (p: string, id: string) => [...trainingKeys.all(p), 'record', id] as const,
  cohorts: (p: string) => [...trainingKeys.all(p), 'cohorts'] as const,
};

/** The partnership's reviewers; for a review, each with what to weigh before choosing them. */
export function useReviewers(partnershipId: string, query: ReviewerQuery = {}, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.reviewers(partnershipId, query),
    queryFn: () => api.get<ReviewerList>(`${partnershipPath(partnershipId)}/reviewers${queryString(query)}`),
    enabled: enabled && Boolean(partnershipId),
  });
}

/** Any change to the pool or the programme refreshes all of it: cohorts list their trainees. */
function useTrainingMutation<I, O>(
  partnershipId: string,
  send: (input: I) => Promise<O>,
  staleKey?: readonly unknown[],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: trainingKeys.all(partnershipId) }),
    onError: (error) => {
      if (staleKey) refetchWhenStale(client, error, staleKey);
    },
  });
}

/** Adds a reviewer to the pool. */
export function useAddReviewer(partnershipId: string) {
  return useTrainingMutation(partnershipId, (body: ReviewerBody) =>
    api.post<ReviewerDto>(`${partnershipPath(partnershipId)}/reviewers`, body),
  );
}

/** Replaces a reviewer's details, based on the version being looked at. */
export function useChangeReviewer(partnershipId: string, reviewerId: string) {
  return useTrainingMutation(
    partnershipId,
    (body: ReviewerBody & { version: number }) =>
      apiRequest<ReviewerDto>('PUT', `${partnershipPath(partnershipId)}/reviewers/${enc(reviewerId)}`, body),
    trainingKeys.record(partnershipId, reviewerId),
  );
}

/** A reviewer's training record: milestones and what the programme still expects. */
export function useTrainingRecord(partnershipId: string, reviewerId: string, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.record(partnershipId, reviewerId),
    queryFn: () =>
      api.get<TrainingRecordDto>(`${partnershipPath(partnershipId)}/reviewers/${enc(reviewerId)}/training`),
    enabled: enabled && Boolean(partnershipId && reviewerId),
  });
}

/** Records a milestone on a reviewer's way to accreditation. */
export function useRecordMilestone(partnershipId: string, reviewerId: string) {
  return useTrainingMutation(partnershipId, (body: MilestoneBody) =>
    api.post<TrainingRecordDto>(
      `${partnershipPath(partnershipId)}/reviewers/${enc(reviewerId)}/milestones`,
      body,
    ),
  );
}

/** The partnership's training cohorts, with their trainees. */
export function useCohorts(partnershipId: string, enabled = true) {
  return useQuery({
    queryKey: trainingKeys.cohorts(partnershipId),
    queryFn: () => api.get<CohortList>(`${partnershipPath(partnershipId)}/cohorts`),
    enabled: enabled && Boolean(partnershipId),
  });
}

/** Adds a training cohort. */
export function useAddCohort(partnershipId: string) {
  return useTrainingMutation(partnershipId, (body: CohortBody) =>
    api.post<CohortDto>(`${partnershipPath(partnershipId)}/cohorts`, body),
  );
}
