import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { IdentifierHitDto, PreviewPseudonymisationResult } from '#domain/pseudonym/preview.ts';
import type {
  PseudonymEntryDto,
  PseudonymRegisterDto,
  pseudonymEntryInput,
} from '#domain/pseudonym/register.ts';
import { apiRequest } from '../api/client.ts';
import { refetchWhenStale, reviewKeys, reviewPath } from '../review/api.ts';

export type { IdentifierHitDto, PreviewPseudonymisationResult, PseudonymEntryDto, PseudonymRegisterDto };
/** An entry as the register is saved: everything but its id. */
export type PseudonymEntryBody = z.input<typeof pseudonymEntryInput>;
export type UpdateRegisterBody = { version: number; entries: PseudonymEntryBody[] };

/** The API address of a review's pseudonym register. */
export const registerPath = (partnershipId: string, reviewId: string, rest = '') =>
  `${reviewPath(partnershipId, reviewId)}/pseudonym-register${rest}`;

export const pseudonymKeys = {
  register: (p: string, r: string) => [...reviewKeys.review(p, r), 'pseudonym-register'] as const,
};

/**
 * The review's pseudonym register. Each reading is audited, so it is read once when the page
 * opens (not again when the window regains focus), and it is dropped from memory as soon as no
 * page shows it.
 */
export function usePseudonymRegister(partnershipId: string, reviewId: string, enabled = true) {
  return useQuery({
    queryKey: pseudonymKeys.register(partnershipId, reviewId),
    queryFn: () => apiRequest<PseudonymRegisterDto>('GET', registerPath(partnershipId, reviewId)),
    enabled: enabled && Boolean(partnershipId && reviewId),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Saves the whole register with the version it was based on; a stale version reloads it. */
export function useUpdatePseudonymRegister(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  const key = pseudonymKeys.register(partnershipId, reviewId);
  return useMutation({
    mutationFn: (body: UpdateRegisterBody) =>
      apiRequest<PseudonymRegisterDto>('PUT', registerPath(partnershipId, reviewId), body),
    onSuccess: (saved) => client.setQueryData(key, saved),
    onError: (error) => refetchWhenStale(client, error, key),
  });
}

/** The entry as it is sent back when the whole register is saved. */
export function entryBody(entry: PseudonymEntryDto | PseudonymEntryBody): PseudonymEntryBody {
  return {
    category: entry.category,
    realValue: entry.realValue,
    variants: [...(entry.variants ?? [])],
    replacement: entry.replacement,
    note: entry.note ?? null,
  };
}

/** Tries the register on some text: the text with the replacements made and what the scan still finds. Nothing is stored. */
export function usePreviewPseudonymisation(partnershipId: string, reviewId: string) {
  return useMutation({
    mutationFn: (body: { text: string }) =>
      apiRequest<PreviewPseudonymisationResult>(
        'POST',
        registerPath(partnershipId, reviewId, '/preview'),
        body,
      ),
  });
}
