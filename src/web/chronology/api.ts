import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChronologyEventDto,
  CreateChronologyEventInput,
  ImportPreviewDto,
  UpdateChronologyEventInput,
} from '#domain/chronology/chronology.ts';
import { api, queryString } from '../api/client.ts';
import { refetchWhenStale, reviewKeys, reviewPath } from '../review/api.ts';

export type { ChronologyEventDto, ImportPreviewDto };
export type AgencyCount = { id: string; name: string; count: number };
export type EventList = {
  events: ChronologyEventDto[];
  total: number;
  agencies: AgencyCount[];
  abilities: { edit: boolean; import: boolean };
};
export type TunnelView = {
  asOf: string;
  agencyIds: string[];
  knownEventIds: string[];
  hiddenCount: number;
  events: ChronologyEventDto[];
};
/** The filters of the narrative, as they appear in the page address and the API's query. */
export type NarrativeFilters = {
  agencyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  sort?: string | undefined;
};

export const chronologyPath = (partnershipId: string, reviewId: string) =>
  `${reviewPath(partnershipId, reviewId)}/chronology`;

/** The address of a narrative page in the web app, such as "timeline" or "events/…". */
export const narrativePage = (partnershipId: string, reviewId: string, rest?: string) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/narrative${rest ? `/${rest}` : ''}`;

const keys = {
  all: (p: string, r: string) => [...reviewKeys.review(p, r), 'chronology'] as const,
  list: (p: string, r: string, f: NarrativeFilters) => [...keys.all(p, r), 'list', f] as const,
  event: (p: string, r: string, id: string) => [...keys.all(p, r), 'event', id] as const,
  tunnel: (p: string, r: string, q: Record<string, string>) => [...keys.all(p, r), 'tunnel', q] as const,
};

/** The filters the narrative reads from its page address, in the order they appear in the API's query. */
export const narrativeFilterKeys = ['agencyId', 'from', 'to', 'tag', 'q', 'sort'] as const;

/** The narrative's filters from the page address's query. */
export function narrativeFilters(params: URLSearchParams): NarrativeFilters {
  const filters: NarrativeFilters = {};
  for (const key of narrativeFilterKeys) filters[key] = params.get(key) || undefined;
  return filters;
}

/** The first page fills the screen and is quick to send and read; the rest come in larger pages. */
const firstPageSize = 100;
const pageSize = 500;

/** The API address of one page of the narrative's events, from `offset`. */
export const eventPagePath = (
  partnershipId: string,
  reviewId: string,
  filters: NarrativeFilters,
  offset: number,
) =>
  `${chronologyPath(partnershipId, reviewId)}/events${queryString({
    ...filters,
    offset: String(offset),
    limit: String(offset === 0 ? firstPageSize : pageSize),
  })}`;

/** The review's narrative, filtered and sorted: the first 100 events, then 500 at a time as the person scrolls. */
export function useEventPages(partnershipId: string, reviewId: string, filters: NarrativeFilters) {
  return useInfiniteQuery({
    queryKey: keys.list(partnershipId, reviewId, filters),
    initialPageParam: 0,
    queryFn: ({ pageParam }) =>
      api.get<EventList>(eventPagePath(partnershipId, reviewId, filters, pageParam)),
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.events.length, 0);
      return loaded < last.total && last.events.length > 0 ? loaded : undefined;
    },
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** Up to 1,000 events of the narrative in one call (the timeline, the greyed tunnel, merge choices). */
export function useEvents(
  partnershipId: string,
  reviewId: string,
  filters: NarrativeFilters,
  enabled = true,
) {
  return useQuery({
    queryKey: keys.list(partnershipId, reviewId, { ...filters, sort: filters.sort ?? 'date' }),
    queryFn: () =>
      api.get<EventList>(
        `${chronologyPath(partnershipId, reviewId)}/events${queryString({ ...filters, limit: '1000' })}`,
      ),
    enabled: enabled && Boolean(partnershipId && reviewId),
  });
}

/** One event of the narrative with every agency's account of it. */
export function useEvent(partnershipId: string, reviewId: string, eventId: string) {
  return useQuery({
    queryKey: keys.event(partnershipId, reviewId, eventId),
    queryFn: () =>
      api.get<ChronologyEventDto>(
        `${chronologyPath(partnershipId, reviewId)}/events/${encodeURIComponent(eventId)}`,
      ),
    enabled: Boolean(partnershipId && reviewId && eventId),
  });
}

/** Adds an event to the narrative. */
export function useAddEvent(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateChronologyEventInput) =>
      api.post<ChronologyEventDto>(`${chronologyPath(partnershipId, reviewId)}/events`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all(partnershipId, reviewId) }),
  });
}

/** Changes an event, based on the version the person saw. */
export function useUpdateEvent(partnershipId: string, reviewId: string, eventId: string) {
  const client = useQueryClient();
  const eventKey = keys.event(partnershipId, reviewId, eventId);
  return useMutation({
    mutationFn: (input: UpdateChronologyEventInput) =>
      api.patch<ChronologyEventDto>(
        `${chronologyPath(partnershipId, reviewId)}/events/${encodeURIComponent(eventId)}`,
        input,
      ),
    onSuccess: async (event) => {
      await client.invalidateQueries({ queryKey: keys.all(partnershipId, reviewId) });
      client.setQueryData(eventKey, event);
    },
    onError: (error) => refetchWhenStale(client, error, eventKey),
  });
}

/** Merges another event (recorded by another agency on the same date) into this one. */
export function useMergeEvent(partnershipId: string, reviewId: string, eventId: string) {
  const client = useQueryClient();
  const eventKey = keys.event(partnershipId, reviewId, eventId);
  return useMutation({
    mutationFn: (input: { otherEventId: string; version: number }) =>
      api.post<ChronologyEventDto>(
        `${chronologyPath(partnershipId, reviewId)}/events/${encodeURIComponent(eventId)}/merge`,
        input,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all(partnershipId, reviewId) }),
    onError: (error) => refetchWhenStale(client, error, eventKey),
  });
}

/** What one agency, or one person through their agency, knew by a date. */
export function useTunnel(partnershipId: string, reviewId: string, query: Record<string, string> | null) {
  return useQuery({
    queryKey: keys.tunnel(partnershipId, reviewId, query ?? {}),
    queryFn: () =>
      api.get<TunnelView>(`${chronologyPath(partnershipId, reviewId)}/tunnel${queryString(query ?? {})}`),
    enabled: Boolean(partnershipId && reviewId && query),
  });
}

/** Adds the checked rows of an import: new events, or accounts of existing events for likely duplicates. */
export function useCommitImport(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ importId, mergeRows }: { importId: string; mergeRows: Record<string, string> }) =>
      api.post<unknown>(
        `${chronologyPath(partnershipId, reviewId)}/imports/${encodeURIComponent(importId)}/commit`,
        { mergeRows },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all(partnershipId, reviewId) }),
  });
}
