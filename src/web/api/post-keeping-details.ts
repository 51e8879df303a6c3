import type { QueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '#domain/shared/app-error.ts';
import { ApiError, readJson, serviceProblemMessage } from './client.ts';
import { sessionKey } from './query-client.ts';
import type { Session } from './session.ts';

/** An ApiError that keeps more of what the server said (such as what is still unmet) from `details`. */
export type DetailedApiError = new (
  status: number,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
) => ApiError;

/**
 * Sends a write and keeps the error's details, which the shared client drops (it keeps only field
 * errors): a refusal from the server is thrown as `errorType`. The CSRF token comes from the session
 * the app already holds. A failure the server does not explain is an ApiError with the service
 * problem message, its code 'unauthenticated' for a 401, the code `fallbackCodes` gives its status,
 * or 'internal'.
 */
export function postKeepingDetails<T>(
  client: QueryClient,
  path: string,
  body: unknown,
  errorType: DetailedApiError,
  fallbackCodes: Partial<Record<number, ErrorCode>> = {},
): Promise<T> {
  return sendKeepingDetails<T>(client, 'POST', path, body, errorType, fallbackCodes);
}

/** As `postKeepingDetails`, for a write by another method (a PUT that may be refused as stale). */
export async function sendKeepingDetails<T>(
  client: QueryClient,
  method: 'POST' | 'PUT' | 'PATCH',
  path: string,
  body: unknown,
  errorType: DetailedApiError,
  fallbackCodes: Partial<Record<number, ErrorCode>> = {},
): Promise<T> {
  const csrfToken = client.getQueryData<Session | null>(sessionKey)?.csrfToken;
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', serviceProblemMessage);
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = (payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)
    ?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string')
    throw new errorType(
      response.status,
      error.code as ErrorCode,
      error.message,
      (error.details ?? undefined) as Record<string, unknown> | undefined,
    );
  throw new ApiError(
    response.status,
    response.status === 401 ? 'unauthenticated' : (fallbackCodes[response.status] ?? 'internal'),
    serviceProblemMessage,
  );
}
