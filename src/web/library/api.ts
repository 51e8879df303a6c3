import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ImportRowProblem,
  LibrarySearchResult,
  LibrarySettingsDto,
  libraryImportResult,
  SimilarFindingDto,
} from '#domain/library/library.ts';
import type { ErrorCode, FieldError } from '#domain/shared/app-error.ts';
import { ApiError, api } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';
import { sendKeepingDetails } from '../api/post-keeping-details.ts';
import { reviewPath } from '../review/api.ts';

export type { LibrarySearchResult, LibrarySettingsDto, SimilarFindingDto };
export type LibraryEntry = LibrarySearchResult['entries'][number];
export type LibraryImportResult = z.infer<typeof libraryImportResult>;

const enc = encodeURIComponent;

/** The fewest characters of a statement worth looking for similar findings with (the server's rule too). */
export const similarMinimum = 12;

/** The API address of the learning library, or of what sits under it ("settings", "imports"). */
export const libraryPath = (p: string, rest = '') => `${partnershipPath(p)}/library${rest ? `/${rest}` : ''}`;
export const importTemplatePath = (p: string) => libraryPath(p, 'import-template');

/** The address of the learning library in the web app, with a search's query string. */
export const libraryPage = (p: string, query = '') => `/partnerships/${p}/library${query}`;
export const librarySettingsPage = (p: string) => `/partnerships/${p}/library/settings`;

export const libraryKeys = {
  all: (p: string) => ['partnership', p, 'library'] as const,
  search: (p: string, query: string) => [...libraryKeys.all(p), 'search', query] as const,
  settings: (p: string) => [...libraryKeys.all(p), 'settings'] as const,
  similar: (p: string, r: string, text: string) => [...libraryKeys.all(p), 'similar', r, text] as const,
};

/** A refused write that keeps what the server said in `details`: the current settings, the rows' problems. */
export class LibraryApiError extends ApiError {
  readonly details: Record<string, unknown>;

  constructor(status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(status, code, message, details as { fields?: FieldError[] } | undefined);
    this.details = details ?? {};
  }
}

/** The findings a search of the library finds, with the filters' counts; `query` is its query string. */
export function useLibrarySearch(partnershipId: string, query: string, enabled = true) {
  return useQuery({
    queryKey: libraryKeys.search(partnershipId, query),
    queryFn: () => api.get<LibrarySearchResult>(`${libraryPath(partnershipId)}${query}`),
    enabled: enabled && Boolean(partnershipId),
    placeholderData: keepPreviousData,
  });
}

/** Findings of other reviews that resemble a statement; nothing is asked for a statement too short. */
export function useSimilarFindings(partnershipId: string, reviewId: string, text: string) {
  const trimmed = text.trim();
  return useQuery({
    queryKey: libraryKeys.similar(partnershipId, reviewId, trimmed),
    queryFn: () =>
      api.get<{ findings: SimilarFindingDto[] }>(
        `${reviewPath(partnershipId, reviewId)}/findings/similar?text=${enc(trimmed)}&limit=5`,
      ),
    enabled: Boolean(partnershipId && reviewId) && trimmed.length >= similarMinimum,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Whether the partnership shares its published findings, and its imports of older findings. */
export function useLibrarySettings(partnershipId: string) {
  return useQuery({
    queryKey: libraryKeys.settings(partnershipId),
    queryFn: () => api.get<LibrarySettingsDto>(libraryPath(partnershipId, 'settings')),
    enabled: Boolean(partnershipId),
  });
}

/** Changes whether the partnership shares its published findings, based on the version the person saw. */
export function useUpdateLibrarySettings(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; shareNationally: boolean }) =>
      sendKeepingDetails<LibrarySettingsDto>(
        client,
        'PUT',
        libraryPath(partnershipId, 'settings'),
        input,
        LibraryApiError,
        { 409: 'stale_version' },
      ),
    onSuccess: (after) => client.setQueryData(libraryKeys.settings(partnershipId), after),
    onSettled: () => client.invalidateQueries({ queryKey: libraryKeys.all(partnershipId) }),
  });
}

/** Imports the published findings of older reviews from a CSV file's text: all of its rows, or none. */
export function useImportLibraryFindings(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { fileName: string; csv: string }) =>
      sendKeepingDetails<LibraryImportResult>(
        client,
        'POST',
        libraryPath(partnershipId, 'imports'),
        input,
        LibraryApiError,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all(partnershipId) }),
  });
}

/** Removes an import and every finding that came with it. */
export function useRemoveLibraryImport(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (importId: string) => api.delete(libraryPath(partnershipId, `imports/${enc(importId)}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all(partnershipId) }),
  });
}

/** Whether a refused write was based on an old version of the settings. */
export const isStale = (error: unknown) =>
  error instanceof ApiError && (error.code === 'stale_version' || error.status === 409);

/** The settings as they are now, when a save was refused because someone else changed them first. */
export function currentSettings(error: unknown): LibrarySettingsDto | null {
  if (!(error instanceof LibraryApiError) || !isStale(error)) return null;
  const current = error.details.current;
  return current && typeof current === 'object' && 'shareNationally' in current
    ? (current as LibrarySettingsDto)
    : null;
}

const isRowProblem = (x: unknown): x is ImportRowProblem =>
  Boolean(x) &&
  typeof x === 'object' &&
  typeof (x as ImportRowProblem).row === 'number' &&
  typeof (x as ImportRowProblem).message === 'string';

/** "rows.3.statement" → row 3, column statement; anything else names no row. */
function problemOfField(
  field: FieldError,
): ImportRowProblem | { row: null; column: string; message: string } {
  const match = /^(?:rows?\.)?(\d+)\.?(.*)$/.exec(field.path);
  if (match) return { row: Number(match[1]), column: match[2] ?? '', message: field.message };
  return { row: null, column: field.path === 'csv' ? '' : field.path, message: field.message };
}

/** The problems with an import's rows, from however the server listed them: row, column and why. */
export function importProblems(error: unknown): { row: number | null; column: string; message: string }[] {
  if (!(error instanceof ApiError)) return [];
  if (error instanceof LibraryApiError) {
    for (const key of ['rows', 'problems']) {
      const list = error.details[key];
      if (Array.isArray(list) && list.some(isRowProblem))
        return list
          .filter(isRowProblem)
          .map((p) => ({ row: p.row, column: p.column ?? '', message: p.message }));
    }
  }
  return error.fields.map(problemOfField);
}
