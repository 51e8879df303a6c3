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
import { ApiError, api, serviceProblemMessage } from '../api/client.ts';
import { sessionKey } from '../api/query-client.ts';
import type { Session } from '../api/session.ts';
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

/** Sends a status change and keeps the error's details, which the shared client drops. */
async function postKeepingDetails<T>(client: QueryClient, path: string, body: unknown): Promise<T> {
  const csrfToken = client.getQueryData<Session | null>(sessionKey)?.csrfToken;
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', serviceProblemMessage);
  }
  let payload: unknown = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (response.ok) return payload as T;
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
    ?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    throw new FindingApiError(
      response.status,
      error.code as ErrorCode,
      error.message,
      (error.details ?? undefined) as Record<string, unknown> | undefined,
    );
  throw new ApiError(
    response.status,
    response.status === 401 ? 'unauthenticated' : response.status === 409 ? 'conflict' : 'internal',
    serviceProblemMessage,
  );
}

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
      postKeepingDetails<FindingDto>(
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
      postKeepingDetails<FindingDto>(
        client,
        findingsPath(partnershipId, reviewId, `${enc(findingId)}/status`),
        input,
      ),
    findingId,
  );
}
