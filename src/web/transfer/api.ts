import type { FieldError } from '#domain/shared/app-error.ts';
import type { ReviewImportDto } from '#domain/transfer/review-export.ts';
import { ApiError, readJson, serviceProblemMessage } from '../api/client.ts';

export type { ReviewImportDto };

/** The address that downloads a review as one JSON file. */
export const reviewExportUrl = (partnershipId: string, reviewId: string) =>
  `/api/partnerships/${partnershipId}/reviews/${reviewId}/export`;

/** Sends a review export file to be imported as a new review, and resolves with what was imported. */
export async function importReviewFile(
  partnershipId: string,
  file: File,
  csrfToken: string | null,
  title?: string,
): Promise<ReviewImportDto> {
  const query = title ? `?title=${encodeURIComponent(title)}` : '';
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/partnerships/${partnershipId}/review-imports${query}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', serviceProblemMessage);
  }
  const payload = await readJson(response);
  if (response.ok && payload) return payload as ReviewImportDto;
  const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  if (error?.code && error.message) {
    throw new ApiError(
      response.status,
      error.code as ApiError['code'],
      error.message,
      error.details as { fields?: FieldError[] } | undefined,
    );
  }
  throw new ApiError(
    response.status,
    response.status === 413 ? 'payload_too_large' : 'internal',
    serviceProblemMessage,
  );
}
