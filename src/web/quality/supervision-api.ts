import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  SupervisionSessionKind,
  SupervisionTarget,
  SupervisionThreadDto,
  SupervisionThreadList,
  supervisionSessionDto,
} from '#domain/quality/supervision.ts';
import { api, queryString } from '../api/client.ts';
import { reviewKeys, reviewPath } from '../review/api.ts';

export type { SupervisionTarget, SupervisionThreadDto, SupervisionThreadList };
export type SupervisionSessionDto = z.infer<typeof supervisionSessionDto>;
export type SupervisionSessionList = {
  sessions: SupervisionSessionDto[];
  abilities: { record: boolean };
};
export type SupervisionSessionBody = {
  kind: SupervisionSessionKind;
  heldOn: string;
  attendees?: string;
  notes?: string;
};

/** What a list of threads is about: one episode, finding or report section, or (with neither) the whole review. */
export type ThreadFilter = { targetType?: SupervisionTarget | undefined; targetId?: string | undefined };

/** The address of a review's supervision page in the web app. */
export const supervisionPage = (partnershipId: string, reviewId: string) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/supervision`;

export const supervisionKeys = {
  all: (p: string, r: string) => [...reviewKeys.review(p, r), 'supervision'] as const,
  threads: (p: string, r: string, filter: ThreadFilter) =>
    [...supervisionKeys.all(p, r), 'threads', filter.targetType ?? '', filter.targetId ?? ''] as const,
  sessions: (p: string, r: string) => [...supervisionKeys.all(p, r), 'sessions'] as const,
};

const base = (partnershipId: string, reviewId: string) =>
  `${reviewPath(partnershipId, reviewId)}/supervision`;

/** The supervisor's comment threads on the review, or on one thing in it, newest first. */
export function useSupervisionThreads(
  partnershipId: string,
  reviewId: string,
  filter: ThreadFilter,
  enabled = true,
) {
  return useQuery({
    queryKey: supervisionKeys.threads(partnershipId, reviewId, filter),
    queryFn: () =>
      api.get<SupervisionThreadList>(
        `${base(partnershipId, reviewId)}${queryString({ targetType: filter.targetType, targetId: filter.targetId })}`,
      ),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** Every change to a thread refreshes all the review's lists of threads, wherever they are shown. */
function useThreadMutation<I>(partnershipId: string, reviewId: string, send: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      client.invalidateQueries({ queryKey: [...supervisionKeys.all(partnershipId, reviewId), 'threads'] }),
  });
}

/** A supervisor opens a thread about an episode, a finding or a report section. */
export function useAddSupervisionComment(partnershipId: string, reviewId: string) {
  return useThreadMutation(
    partnershipId,
    reviewId,
    (input: { targetType: SupervisionTarget; targetId: string; body: string }) =>
      api.post<SupervisionThreadDto>(base(partnershipId, reviewId), input),
  );
}

/** Adds a reply at the end of a thread. */
export function useReplyToSupervision(partnershipId: string, reviewId: string, threadId: string) {
  return useThreadMutation(partnershipId, reviewId, (input: { body: string }) =>
    api.post<SupervisionThreadDto>(
      `${base(partnershipId, reviewId)}/${encodeURIComponent(threadId)}/replies`,
      input,
    ),
  );
}

/** Marks a thread as resolved. */
export function useResolveSupervision(partnershipId: string, reviewId: string, threadId: string) {
  return useThreadMutation(partnershipId, reviewId, () =>
    api.post<SupervisionThreadDto>(
      `${base(partnershipId, reviewId)}/${encodeURIComponent(threadId)}/resolve`,
    ),
  );
}

/** The review's supervision log: group and individual sessions, the most recent first. */
export function useSupervisionSessions(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.sessions(partnershipId, reviewId),
    queryFn: () =>
      api.get<SupervisionSessionList>(`${reviewPath(partnershipId, reviewId)}/supervision-sessions`),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** Records a supervision session in the review's log. */
export function useRecordSupervisionSession(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SupervisionSessionBody) =>
      api.post<SupervisionSessionDto>(`${reviewPath(partnershipId, reviewId)}/supervision-sessions`, body),
    onSuccess: () =>
      client.invalidateQueries({ queryKey: supervisionKeys.sessions(partnershipId, reviewId) }),
  });
}
