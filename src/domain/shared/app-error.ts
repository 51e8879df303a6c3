/** The kinds of error Sightlines reports; the server maps each to one HTTP status. */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'stale_version',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type FieldError = { path: string; message: string };

export type ErrorDetails = {
  fields?: FieldError[];
  retryAfterSeconds?: number;
  current?: unknown;
  [key: string]: unknown;
};

/** The one error type of Sightlines: a code, a plain-English message and optional details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  static notFound(what = 'page'): AppError {
    return new AppError('not_found', `The ${what} could not be found.`);
  }

  static forbidden(message = 'You do not have permission to do that.'): AppError {
    return new AppError('forbidden', message);
  }

  static unauthenticated(message = 'Sign in to continue.'): AppError {
    return new AppError('unauthenticated', message);
  }

  static invalid(fields: FieldError[], message = 'There is a problem with what you entered.'): AppError {
    return new AppError('validation_failed', message, { fields });
  }
}

/** The shape of every error response body. */
export type ErrorBody = { error: { code: ErrorCode; message: string; details?: ErrorDetails } };
