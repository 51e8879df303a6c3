import type { ErrorCode, FieldError } from '#domain/shared/app-error.ts';

/** What went wrong with a call to the Sightlines API, in the server's own words. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fields: FieldError[];
  readonly retryAfterSeconds: number | undefined;

  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    details?: { fields?: FieldError[]; retryAfterSeconds?: number },
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = details?.fields ?? [];
    this.retryAfterSeconds = details?.retryAfterSeconds;
  }
}

export const serviceProblemMessage = 'Sorry, there is a problem with the service. Try again later.';

let csrfToken: string | null = null;

/** Remembers the session's CSRF token; every write except signing in sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API on the same origin and returns the parsed JSON, or throws an ApiError. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const signingIn = method === 'POST' && path === '/api/session';
  if (method !== 'GET' && !signingIn && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response =
      (method === 'GET' ? await takePreloaded(path) : null) ??
      (await fetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
      }));
  } catch {
    throw new ApiError(0, 'network', serviceProblemMessage);
  }
  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  throw toApiError(response.status, payload);
}

/** How long a preloaded answer may wait for the code that asked for it. */
const preloadLifetimeMs = 10_000;
const preloaded = new Map<string, { response: Promise<Response | null>; startedAt: number }>();

/**
 * Starts a GET at once, before the code that needs it has loaded or rendered: the first request
 * for the same path within a few seconds takes this answer instead of asking again.
 */
export function preloadGet(path: string): void {
  if (preloaded.has(path)) return;
  const response = fetch(path, {
    method: 'GET',
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  }).catch(() => null);
  preloaded.set(path, { response, startedAt: Date.now() });
}

/**
 * A preloaded answer for the path, used once. Only a successful, recent one is used: anything else
 * (an error, a refused request while signing in) is asked for again, so it behaves as it always did.
 */
async function takePreloaded(path: string): Promise<Response | null> {
  const entry = preloaded.get(path);
  if (!entry) return null;
  preloaded.delete(path);
  if (Date.now() - entry.startedAt > preloadLifetimeMs) return null;
  const response = await entry.response;
  return response?.ok ? response : null;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};

/** The response's JSON, or null where it has none. */
export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  const error = (payload as { error?: unknown } | null)?.error;
  if (error && typeof error === 'object' && 'code' in error && 'message' in error) {
    const { code, message, details } = error as {
      code: ErrorCode;
      message: string;
      details?: { fields?: FieldError[]; retryAfterSeconds?: number };
    };
    return new ApiError(status, code, String(message), details);
  }
  return new ApiError(status, codeForStatus[status] ?? 'internal', serviceProblemMessage);
}

const codeForStatus: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

/** Whether an error means the person is no longer signed in. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Builds a query string from the values that are set. */
export function queryString(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
