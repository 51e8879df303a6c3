import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentDto, DocumentList, UpdateDocumentInput } from '#domain/document/document.ts';
import type { FieldError } from '#domain/shared/app-error.ts';
import { ApiError, api, queryString, serviceProblemMessage } from '../api/client.ts';
import { refetchWhenStale, reviewPage, reviewPath } from '../review/api.ts';

export type { DocumentDto, DocumentList };
export type DocumentFilters = { agencyId?: string | undefined; kind?: string | undefined };

/** The API address of a review's documents, or of one of them. */
export const documentsPath = (partnershipId: string, reviewId: string, documentId?: string) =>
  `${reviewPath(partnershipId, reviewId)}/documents${documentId ? `/${encodeURIComponent(documentId)}` : ''}`;

/** The address of a documents page in the web app. */
export const documentsPage = (partnershipId: string, reviewId: string, rest?: string) =>
  `${reviewPage(partnershipId, reviewId, 'documents')}${rest ? `/${rest}` : ''}`;

const keys = {
  all: (partnershipId: string, reviewId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'documents'] as const,
  one: (partnershipId: string, reviewId: string, documentId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'documents', 'one', documentId] as const,
};

/** The review's documents the person may see, filtered by agency and kind. */
export function useDocuments(partnershipId: string, reviewId: string, filters: DocumentFilters) {
  return useQuery({
    queryKey: [...keys.all(partnershipId, reviewId), filters],
    queryFn: () => api.get<DocumentList>(`${documentsPath(partnershipId, reviewId)}${queryString(filters)}`),
    enabled: Boolean(partnershipId && reviewId),
  });
}

export function useDocument(partnershipId: string, reviewId: string, documentId: string) {
  return useQuery({
    queryKey: keys.one(partnershipId, reviewId, documentId),
    queryFn: () => api.get<DocumentDto>(documentsPath(partnershipId, reviewId, documentId)),
    enabled: Boolean(partnershipId && reviewId && documentId),
  });
}

export function useUpdateDocument(partnershipId: string, reviewId: string, documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateDocumentInput) =>
      api.patch<DocumentDto>(documentsPath(partnershipId, reviewId, documentId), input),
    onSuccess: (saved) => {
      client.setQueryData(keys.one(partnershipId, reviewId, documentId), saved);
      return client.invalidateQueries({ queryKey: keys.all(partnershipId, reviewId) });
    },
    onError: (error) => refetchWhenStale(client, error, keys.one(partnershipId, reviewId, documentId)),
  });
}

/** Forgets the cached lists after an upload, so the new document shows. */
export function useForgetDocuments(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all(partnershipId, reviewId) });
}

/**
 * Sends a file and its details as multipart/form-data, reporting the share sent so far (0 to 1).
 * Uses XMLHttpRequest because fetch cannot report upload progress.
 */
export function uploadDocument(
  url: string,
  form: FormData,
  csrfToken: string | null,
  onProgress: (share: number) => void,
): Promise<DocumentDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', serviceProblemMessage));
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: dealt with below
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload) return resolve(payload as DocumentDto);
      const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)
        ?.error;
      if (error?.code && error.message) {
        return reject(
          new ApiError(
            xhr.status,
            error.code as ApiError['code'],
            error.message,
            error.details as { fields?: FieldError[] } | undefined,
          ),
        );
      }
      reject(
        new ApiError(xhr.status, xhr.status === 401 ? 'unauthenticated' : 'internal', serviceProblemMessage),
      );
    };
    xhr.send(form);
  });
}
