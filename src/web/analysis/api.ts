import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CaseGroupScope,
  CausalMapDto,
  checkLanguageResult,
  dismissFlagInput,
  EpisodeDto,
  EpisodeList,
  EpisodeStatus,
  EvidenceLinkInput,
  FactorInput,
  languageFlagList,
  UpdateEpisodeInput,
} from '#domain/analysis/episode.ts';
import type {
  ReferenceDataDto,
  ReferenceKind,
  ReferenceVersionDto,
  ReviewReferenceDto,
} from '#domain/reference/reference.ts';
import { api, queryString } from '../api/client.ts';
import { refetchWhenStale, reviewKeys, reviewPath } from '../review/api.ts';

export type {
  CausalMapDto,
  EpisodeDto,
  EpisodeList,
  ReferenceDataDto,
  ReferenceVersionDto,
  ReviewReferenceDto,
};
export type LanguageCheck = z.infer<typeof checkLanguageResult>;
export type LanguageFlagList = z.infer<typeof languageFlagList>;
export type DismissFlagInput = z.input<typeof dismissFlagInput>;
export type CreateEpisodeBody = {
  title: string;
  eventIds?: string[];
  periodFrom?: string;
  periodTo?: string;
};
export type FactorBody = Omit<FactorInput, 'evidence'> & { evidence?: EvidenceLinkInput[] };

/** The API address of a review's analysis, such as "episodes" or "causal-map". */
export const analysisPath = (partnershipId: string, reviewId: string, rest: string) =>
  `${reviewPath(partnershipId, reviewId)}/${rest}`;

/** The address of an analysis page in the web app, such as "episodes/…" or "causal-map". */
export const analysisPage = (partnershipId: string, reviewId: string, rest = 'episodes') =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/${rest}`;

const enc = encodeURIComponent;

export const analysisKeys = {
  all: (p: string, r: string) => [...reviewKeys.review(p, r), 'analysis'] as const,
  list: (p: string, r: string) => [...analysisKeys.all(p, r), 'episodes'] as const,
  episode: (p: string, r: string, id: string) => [...analysisKeys.all(p, r), 'episode', id] as const,
  flags: (p: string, r: string) => [...analysisKeys.all(p, r), 'flags'] as const,
  map: (p: string, r: string, f: Record<string, string | undefined>) =>
    [...analysisKeys.all(p, r), 'map', f] as const,
  reference: (p: string, r: string) => [...analysisKeys.all(p, r), 'reference'] as const,
};

/** The review's key practice episodes, in order. */
export function useEpisodes(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: analysisKeys.list(partnershipId, reviewId),
    queryFn: () => api.get<EpisodeList>(analysisPath(partnershipId, reviewId, 'episodes')),
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** One episode with its factors, links, comments and flagged wording. */
export function useEpisode(partnershipId: string, reviewId: string, episodeId: string) {
  return useQuery({
    queryKey: analysisKeys.episode(partnershipId, reviewId, episodeId),
    queryFn: () => api.get<EpisodeDto>(analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}`)),
    enabled: Boolean(partnershipId && reviewId && episodeId),
  });
}

/** The reference data versions the review is analysed with (appraisal scale, factor framework, …). */
export function useReviewReference(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: analysisKeys.reference(partnershipId, reviewId),
    queryFn: () => api.get<ReviewReferenceDto>(analysisPath(partnershipId, reviewId, 'reference')),
    enabled: Boolean(partnershipId && reviewId),
    staleTime: 5 * 60_000,
  });
}

/** Every change to the analysis refreshes the review's analysis queries; the changed episode is set at once. */
function useAnalysisMutation<I, O>(
  partnershipId: string,
  reviewId: string,
  send: (input: I) => Promise<O>,
  episodeId?: string,
) {
  const client = useQueryClient();
  const episodeKey = episodeId ? analysisKeys.episode(partnershipId, reviewId, episodeId) : undefined;
  return useMutation({
    mutationFn: send,
    onSuccess: (result) => {
      if (episodeKey && result && typeof result === 'object' && 'factors' in result)
        client.setQueryData(episodeKey, result);
      // Not awaited: the form that sent the change resets at once, not after every list reloads,
      // so nothing typed in the meantime is lost.
      void client.invalidateQueries({ queryKey: analysisKeys.all(partnershipId, reviewId) });
    },
    onError: (error) => (episodeKey ? refetchWhenStale(client, error, episodeKey) : undefined),
  });
}

export function useCreateEpisode(partnershipId: string, reviewId: string) {
  return useAnalysisMutation(partnershipId, reviewId, (input: CreateEpisodeBody) =>
    api.post<EpisodeDto>(analysisPath(partnershipId, reviewId, 'episodes'), input),
  );
}

export function useUpdateEpisode(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    (input: Partial<UpdateEpisodeInput> & { version: number }) =>
      api.patch<EpisodeDto>(analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}`), input),
    episodeId,
  );
}

export function useDeleteEpisode(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(partnershipId, reviewId, () =>
    api.delete<void>(analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}`)),
  );
}

export function useChangeEpisodeStatus(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    (input: { status: EpisodeStatus; version: number }) =>
      api.post<EpisodeDto>(analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}/status`), input),
    episodeId,
  );
}

export function useReorderEpisodes(partnershipId: string, reviewId: string) {
  return useAnalysisMutation(partnershipId, reviewId, (input: { episodeIds: string[] }) =>
    api.post<EpisodeList>(analysisPath(partnershipId, reviewId, 'episodes/order'), input),
  );
}

export function useShareEpisodes(partnershipId: string, reviewId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    (input: { episodeIds: string[]; shared: boolean; scope?: CaseGroupScope }) =>
      api.post<EpisodeList>(analysisPath(partnershipId, reviewId, 'episodes/share'), input),
  );
}

export function useAddFactor(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    (input: FactorBody) =>
      api.post<EpisodeDto>(
        analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}/factors`),
        input,
      ),
    episodeId,
  );
}

export function useUpdateFactor(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    ({ factorId, ...input }: Partial<FactorBody> & { factorId: string; version: number }) =>
      api.patch<EpisodeDto>(
        analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}/factors/${enc(factorId)}`),
        input,
      ),
    episodeId,
  );
}

export function useDeleteFactor(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    (factorId: string) =>
      api.delete<EpisodeDto>(
        analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}/factors/${enc(factorId)}`),
      ),
    episodeId,
  );
}

export function useCommentOnEpisode(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    (input: { body: string }) =>
      api.post<EpisodeDto>(
        analysisPath(partnershipId, reviewId, `episodes/${enc(episodeId)}/comments`),
        input,
      ),
    episodeId,
  );
}

export function useResolveComment(partnershipId: string, reviewId: string, episodeId: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    ({ commentId, resolution }: { commentId: string; resolution: string }) =>
      api.post<EpisodeDto>(
        analysisPath(
          partnershipId,
          reviewId,
          `episodes/${enc(episodeId)}/comments/${enc(commentId)}/resolve`,
        ),
        { resolution },
      ),
    episodeId,
  );
}

/** Checks a piece of writing against the review's language rules (not stored). */
export function checkLanguage(partnershipId: string, reviewId: string, text: string) {
  return api.post<LanguageCheck>(analysisPath(partnershipId, reviewId, 'language-check'), { text });
}

export function useLanguageFlags(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: analysisKeys.flags(partnershipId, reviewId),
    queryFn: () => api.get<LanguageFlagList>(analysisPath(partnershipId, reviewId, 'language-flags')),
    enabled: Boolean(partnershipId && reviewId),
  });
}

export function useDismissFlag(partnershipId: string, reviewId: string, episodeId?: string) {
  return useAnalysisMutation(
    partnershipId,
    reviewId,
    (input: DismissFlagInput) =>
      api.post<{ dismissed: true }>(
        analysisPath(partnershipId, reviewId, 'language-flags/dismissals'),
        input,
      ),
    episodeId,
  );
}

export function useCausalMap(
  partnershipId: string,
  reviewId: string,
  filters: { agencyId?: string | undefined; group?: string | undefined },
) {
  return useQuery({
    queryKey: analysisKeys.map(partnershipId, reviewId, filters),
    queryFn: () =>
      api.get<CausalMapDto>(`${analysisPath(partnershipId, reviewId, 'causal-map')}${queryString(filters)}`),
    enabled: Boolean(partnershipId && reviewId),
  });
}

// --- Partnership reference data ---

const referencePath = (partnershipId: string) => `/api/partnerships/${enc(partnershipId)}/reference-data`;
const referenceKeys = {
  all: (p: string) => ['partnership', p, 'reference-data'] as const,
  version: (p: string, kind: string, v: number) => [...referenceKeys.all(p), kind, v] as const,
};

export function useReferenceData(partnershipId: string) {
  return useQuery({
    queryKey: referenceKeys.all(partnershipId),
    queryFn: () => api.get<ReferenceDataDto>(referencePath(partnershipId)),
    enabled: Boolean(partnershipId),
  });
}

export function useReferenceVersion(partnershipId: string, kind: ReferenceKind, version: number) {
  return useQuery({
    queryKey: referenceKeys.version(partnershipId, kind, version),
    queryFn: () =>
      api.get<ReferenceVersionDto>(`${referencePath(partnershipId)}/${enc(kind)}/versions/${version}`),
    enabled: Boolean(partnershipId && kind && version),
  });
}

export function usePublishReference(partnershipId: string, kind: ReferenceKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; content: unknown; basedOnVersion: number }) =>
      api.post<ReferenceVersionDto>(`${referencePath(partnershipId)}/${enc(kind)}/versions`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: referenceKeys.all(partnershipId) }),
  });
}
