import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateFindingInput,
  FindingDto,
  FindingList,
  FindingStatus,
  UpdateFindingInput,
} from '#domain/finding/finding.ts';
import type { ErrorCode, FieldError } from '#domain/shared/app-error.ts';
import { analysisKeys } from '../analysis/api.ts';
import { ApiError, api } from '../api/client.ts';
import { postKeepingDetails } from '../api/post-keeping-details.ts';
import { refetchWhenStale, reviewPath } from '../review/api.ts';

export type { FindingDto, FindingList };
export type FindingSummary = FindingList['findings'][number];
export type CreateFindingBody = CreateFindingInput;
export type UpdateFindingBody = Partial<UpdateFindingInput> & { version: number };

const enc = encodeURIComponent;

/** The API address of a review's findings, or of one finding and what follows it. */
export const findingsPath = (partnershipId: string, reviewId: string, rest = '') =>
  `${reviewPath(partnershipId, reviewId)}/findings${rest ? `/${rest}` : ''}`;

/** The address of a findings page in the web app: the list, "new" or a finding's id. */
export const findingsPage = (partnershipId: string, reviewId: string, rest = '') =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/findings${rest ? `/${rest}` : ''}`;

/**
 * Findings sit under the review's analysis: they show episodes' numbers and titles, and the causal
 * map shows them, so a change to either refreshes the other.
 */
export const findingKeys = {
  all: (p: string, r: string) => [...analysisKeys.all(p, r), 'findings'] as const,
  list: (p: string, r: string) => [...findingKeys.all(p, r), 'list'] as const,
  finding: (p: string, r: string, id: string) => [...findingKeys.all(p, r), 'finding', id] as const,
};

/** A refused write that keeps what the server said is still missing (`details.unmet`). */
export class FindingApiError extends ApiError {
  readonly unmet: string[];

  constructor(status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(status, code, message, details as { fields?: FieldError[] } | undefined);
    const unmet = details?.unmet;
    this.unmet = Array.isArray(unmet) ? unmet.filter((x): x is string => typeof x === 'string') : [];
  }
}

/** Sends a write that the server may refuse naming what is unmet; a bare 409 still reads as a conflict. */
const postKeepingUnmet = <T>(client: QueryClient, path: string, body: unknown) =>
  postKeepingDetails<T>(client, path, body, FindingApiError, { 409: 'conflict' });

/** The review's findings in order, with what the person may do with them. */
export function useFindings(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: findingKeys.list(partnershipId, reviewId),
    queryFn: () => api.get<FindingList>(findingsPath(partnershipId, reviewId)),
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** One finding in full, with what is still needed before the review team can agree it. */
export function useFinding(partnershipId: string, reviewId: string, findingId: string) {
  return useQuery({
    queryKey: findingKeys.finding(partnershipId, reviewId, findingId),
    queryFn: () => api.get<FindingDto>(findingsPath(partnershipId, reviewId, enc(findingId))),
    enabled: Boolean(partnershipId && reviewId && findingId),
  });
}

/**
 * Every change to the findings refreshes the review's analysis queries (the findings and the causal
 * map); a changed finding is set at once, and a refusal for an old version reloads it.
 */
function useFindingMutation<I, O>(
  partnershipId: string,
  reviewId: string,
  send: (input: I) => Promise<O>,
  findingId?: string,
) {
  const client = useQueryClient();
  const findingKey = findingId ? findingKeys.finding(partnershipId, reviewId, findingId) : undefined;
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      if (findingKey && result && typeof result === 'object' && 'unmetForAgreement' in result)
        client.setQueryData(findingKey, result);
      // Not awaited: the form that sent the change resets at once, so nothing typed meanwhile is lost.
      void client.invalidateQueries({ queryKey: analysisKeys.all(partnershipId, reviewId) });
    },
    onError: (error) => {
      if (!findingKey) return;
      refetchWhenStale(client, error, findingKey);
      // A refused status change: show what the finding needs as it is now.
      if (error instanceof ApiError && error.code === 'conflict')
        void client.invalidateQueries({ queryKey: findingKey });
    },
  });
}

export function useCreateFinding(partnershipId: string, reviewId: string) {
  return useFindingMutation(partnershipId, reviewId, (input: CreateFindingBody) =>
    api.post<FindingDto>(findingsPath(partnershipId, reviewId), input),
  );
}

export function useUpdateFinding(partnershipId: string, reviewId: string, findingId: string) {
  return useFindingMutation(
    partnershipId,
    reviewId,
    (input: UpdateFindingBody) =>
      api.patch<FindingDto>(findingsPath(partnershipId, reviewId, enc(findingId)), input),
    findingId,
  );
}

export function useDeleteFinding(partnershipId: string, reviewId: string, findingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(findingsPath(partnershipId, reviewId, enc(findingId))),
    onSuccess: () => {
      client.removeQueries({ queryKey: findingKeys.finding(partnershipId, reviewId, findingId) });
      void client.invalidateQueries({ queryKey: analysisKeys.all(partnershipId, reviewId) });
    },
  });
}

/** Puts every finding of the review in a new order; the numbers follow the order. */
export function useReorderFindings(partnershipId: string, reviewId: string) {
  return useFindingMutation(partnershipId, reviewId, (input: { findingIds: string[] }) =>
    api.post<FindingList>(findingsPath(partnershipId, reviewId, 'order'), input),
  );
}

/** The review team agrees the finding; a refusal says in `unmet` what is still needed. */
export function useAgreeFinding(partnershipId: string, reviewId: string, findingId: string) {
  const client = useQueryClient();
  return useFindingMutation(
    partnershipId,
    reviewId,
    (input: { version: number }) =>
      postKeepingUnmet<FindingDto>(
        client,
        findingsPath(partnershipId, reviewId, `${enc(findingId)}/agree`),
        input,
      ),
    findingId,
  );
}

/** Moves the finding to another status (tested with the case group, final, back to emerging). */
export function useChangeFindingStatus(partnershipId: string, reviewId: string, findingId: string) {
  const client = useQueryClient();
  return useFindingMutation(
    partnershipId,
    reviewId,
    (input: { status: FindingStatus; version: number }) =>
      postKeepingUnmet<FindingDto>(
        client,
        findingsPath(partnershipId, reviewId, `${enc(findingId)}/status`),
        input,
      ),
    findingId,
  );
}
