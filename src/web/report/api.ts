import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CirculationAudience,
  CommentResolution,
  NarrativeKey,
  ReportComparisonDto,
  ReportDto,
  ReportVersionDto,
  SignOffOutcome,
} from '#domain/report/report.ts';
import type { ErrorCode, FieldError } from '#domain/shared/app-error.ts';
import { ApiError, api, apiRequest } from '../api/client.ts';
import { postKeepingDetails } from '../api/post-keeping-details.ts';
import { refetchWhenStale, reviewKeys, reviewPath } from '../review/api.ts';

export type { ReportComparisonDto, ReportDto, ReportVersionDto };
export type ReportVersionSummary = ReportDto['versions'][number];
export type ReportHit = ReportVersionDto['scan']['hits'][number];
export type Circulation = ReportVersionDto['circulations'][number];
export type ReportComment = Circulation['comments'][number];
export type SaveNarrativeBody = { version: number; sections: Record<NarrativeKey, string> };

/** The API address of a review's report, or of something under it such as "versions/3". */
export const reportPath = (partnershipId: string, reviewId: string, rest = '') =>
  `${reviewPath(partnershipId, reviewId)}/report${rest ? `/${rest}` : ''}`;

/** The API address of one version, or of something under it such as "scan". */
export const versionPath = (partnershipId: string, reviewId: string, n: number, rest = '') =>
  reportPath(partnershipId, reviewId, `versions/${n}${rest ? `/${rest}` : ''}`);

/** The address of a report page in the web app: the report, "versions/3" or "compare?from=1&to=2". */
export const reportPage = (partnershipId: string, reviewId: string, rest = '') =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/report${rest ? `/${rest}` : ''}`;

export const reportKeys = {
  all: (p: string, r: string) => [...reviewKeys.review(p, r), 'report'] as const,
  report: (p: string, r: string) => [...reportKeys.all(p, r), 'draft'] as const,
  version: (p: string, r: string, n: number) => [...reportKeys.all(p, r), 'version', n] as const,
  compare: (p: string, r: string, from: number, to: number) =>
    [...reportKeys.all(p, r), 'compare', from, to] as const,
};

/** A refused write that keeps which identifier hits are still unacknowledged (`details.unacknowledged`). */
export class ReportApiError extends ApiError {
  readonly unacknowledged: string[];

  constructor(status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(status, code, message, details as { fields?: FieldError[] } | undefined);
    const list = details?.unacknowledged;
    this.unacknowledged = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  }
}

/** Whether a save was refused because someone else saved the sections first. */
export const isStale = (error: unknown) => error instanceof ApiError && error.code === 'stale_version';

/** The report: the written sections (for those who write them), the versions the person may read and what they may do. */
export function useReport(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: reportKeys.report(partnershipId, reviewId),
    queryFn: () => api.get<ReportDto>(reportPath(partnershipId, reviewId)),
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** One version in full: its document, identifier scan, circulation rounds and sign-off. */
export function useReportVersion(partnershipId: string, reviewId: string, n: number) {
  return useQuery({
    queryKey: reportKeys.version(partnershipId, reviewId, n),
    queryFn: () => api.get<ReportVersionDto>(versionPath(partnershipId, reviewId, n)),
    enabled: Boolean(partnershipId && reviewId && n > 0),
  });
}

/** The word-level changes between two versions, section by section. */
export function useReportComparison(partnershipId: string, reviewId: string, from: number, to: number) {
  return useQuery({
    queryKey: reportKeys.compare(partnershipId, reviewId, from, to),
    queryFn: () =>
      api.get<ReportComparisonDto>(`${reportPath(partnershipId, reviewId, 'compare')}?from=${from}&to=${to}`),
    enabled: Boolean(partnershipId && reviewId && from > 0 && to > 0),
  });
}

/** Saves every written section with the draft version the form began from; a stale version reloads the report. */
export function useSaveNarrative(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  const key = reportKeys.report(partnershipId, reviewId);
  return useMutation({
    mutationFn: (body: SaveNarrativeBody) =>
      apiRequest<ReportDto>('PUT', reportPath(partnershipId, reviewId, 'narrative'), body),
    onSuccess: (saved) => client.setQueryData(key, saved),
    onError: (error) => refetchWhenStale(client, error, key),
  });
}

/** Makes a new, fixed version from the saved sections and the review's records. */
export function useGenerateReport(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { note?: string }) =>
      api.post<ReportVersionDto>(reportPath(partnershipId, reviewId, 'versions'), body),
    onSuccess: (version) => {
      client.setQueryData(reportKeys.version(partnershipId, reviewId, version.number), version);
      void client.invalidateQueries({ queryKey: reportKeys.report(partnershipId, reviewId) });
    },
  });
}

/** Which version a write is about. */
export type VersionRef = { partnershipId: string; reviewId: string; n: number };

/**
 * A change to one version: the version as the server answers is shown at once, and the report's
 * list of versions (scan state, publishable, sign-off, circulation) is refreshed.
 */
function useVersionMutation<I>(
  { partnershipId, reviewId, n }: VersionRef,
  send: (input: I) => Promise<ReportVersionDto>,
) {
  const client = useQueryClient();
  const key = reportKeys.version(partnershipId, reviewId, n);
  return useMutation({
    mutationFn: send,
    onSuccess: (version) => {
      client.setQueryData(key, version);
      void client.invalidateQueries({ queryKey: reportKeys.report(partnershipId, reviewId) });
    },
    onError: (error) => {
      // A refusal because of how the version stands now (already closed, not publishable): show it as it is.
      if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: key });
    },
  });
}

const post = (v: VersionRef, rest: string, body: unknown = {}) =>
  api.post<ReportVersionDto>(versionPath(v.partnershipId, v.reviewId, v.n, rest), body);

/** Scans the version again for identifiers that survived pseudonymisation. */
export function useScanVersion(v: VersionRef) {
  return useVersionMutation(v, () => post(v, 'scan'));
}

/** Lets one hit of the scan stay in the report, with the reason. */
export function useAcknowledgeHit(v: VersionRef) {
  return useVersionMutation(v, (input: { key: string; reason: string }) =>
    post(v, 'acknowledgements', input),
  );
}

/** Marks the version publishable; a refusal says in `unacknowledged` which hits still need a reason. */
export function useMarkPublishable(v: VersionRef) {
  const client = useQueryClient();
  return useVersionMutation(v, () =>
    postKeepingDetails<ReportVersionDto>(
      client,
      versionPath(v.partnershipId, v.reviewId, v.n, 'publishable'),
      {},
      ReportApiError,
      { 409: 'conflict' },
    ),
  );
}

/** Starts a round of circulation for comment. */
export function useCirculateVersion(v: VersionRef) {
  return useVersionMutation(v, (input: { audience: CirculationAudience; closesOn: string; note?: string }) =>
    post(v, 'circulations', input),
  );
}

/** Closes a round: no more comments are taken in it. */
export function useCloseCirculation(v: VersionRef) {
  return useVersionMutation(v, (circulationId: string) =>
    post(v, `circulations/${encodeURIComponent(circulationId)}/close`),
  );
}

/** Adds a comment on a section of the version, in an open round. */
export function useCommentOnVersion(v: VersionRef) {
  return useVersionMutation(v, (input: { circulationId: string; sectionId: string; body: string }) =>
    post(v, `circulations/${encodeURIComponent(input.circulationId)}/comments`, {
      sectionId: input.sectionId,
      body: input.body,
    }),
  );
}

/** Records how a comment was dealt with. */
export function useResolveReportComment(v: VersionRef) {
  return useVersionMutation(
    v,
    (input: { commentId: string; resolution: CommentResolution; response?: string | undefined }) =>
      post(v, `comments/${encodeURIComponent(input.commentId)}/resolve`, {
        resolution: input.resolution,
        ...(input.response ? { response: input.response } : {}),
      }),
  );
}

/** Records the outcome of the next step of the sign-off chain. */
export function useSignOffVersion(v: VersionRef) {
  return useVersionMutation(
    v,
    (input: { step: number; outcome: SignOffOutcome; note?: string | undefined }) =>
      post(v, 'sign-offs', {
        step: input.step,
        outcome: input.outcome,
        ...(input.note ? { note: input.note } : {}),
      }),
  );
}

/** The server's field errors renamed to the ids of one form's fields, so each finds its field. */
export function renamedFields(error: unknown, ids: Record<string, string>): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ ...f, path: ids[f.path] ?? f.path }));
  return new ApiError(error.status, error.code, error.message, { fields });
}
