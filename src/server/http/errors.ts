import { readFileSync } from 'node:fs';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ZodError } from 'zod';
import { AppError, type ErrorBody, type ErrorCode, type FieldError } from '#domain/shared/app-error.ts';

/** The one table from error code to HTTP status. */
export const httpStatusFor: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

/** Turns zod issues into field errors named by their path, e.g. `agencyId` or `researchQuestions.2.text`. */
export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
}

function fromFastify(error: FastifyError): AppError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(
        'unsupported_media_type',
        'Send the request body as JSON (Content-Type: application/json).',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return AppError.invalid([{ path: '(body)', message: 'The request body is not valid JSON' }]);
    default:
      break;
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return AppError.invalid([{ path: '(body)', message: 'The request body is not valid JSON' }]);
  }
  return null;
}

/** Installs the error handler: every error leaves as `{ error: { code, message, details } }`; a 5xx never leaks internals. */
/**
 * Marks the web app's script and style elements with this response's CSP nonces, so the policy can
 * allow exactly them: no inline script runs, and an injected element without the nonce is refused.
 */
export function withNonces(html: string, nonce: { script: string; style: string } | null): string {
  if (!nonce) return html;
  return html
    .replace(/<script\b/g, `<script nonce="${nonce.script}"`)
    .replace(/<link\b(?=[^>]*rel="stylesheet")/g, `<link nonce="${nonce.style}"`)
    .replace(/<style\b/g, `<style nonce="${nonce.style}"`);
}

export function installErrorHandler(app: FastifyInstance, options: { webIndex: string | null }): void {
  app.setErrorHandler((err, request, reply) => {
    const error = err as FastifyError;
    const appError = error instanceof AppError ? error : fromFastify(error);
    if (appError) {
      const status = httpStatusFor[appError.code];
      if (appError.code === 'rate_limited' && appError.details?.retryAfterSeconds) {
        reply.header('Retry-After', String(appError.details.retryAfterSeconds));
      }
      const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
      if (appError.details) body.error.details = appError.details;
      return reply.status(status).send(body);
    }
    // The message may quote stored values (a database error names the duplicate value), so only its kind and stack frames are logged.
    const frames = error.stack?.split('\n').slice(1).join('\n');
    request.log.error({ err: { type: error.name, code: error.code, frames } }, 'request failed');
    const body: ErrorBody = {
      error: { code: 'internal', message: 'Sorry, there is a problem with the service. Try again later.' },
    };
    return reply.status(500).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      request.headers.accept?.includes('text/html');
    if (wantsPage && options.webIndex) {
      // The web app handles its own routes, including its "page not found".
      return reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .send(withNonces(readFileSync(options.webIndex, 'utf8'), reply.cspNonce));
    }
    if (wantsPage) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The Sightlines web app has not been built. Run `npm run build:web`, or use `npm start`, which builds it.',
        );
    }
    const body: ErrorBody = {
      error: {
        code: 'not_found',
        message: `No API route for ${request.method} ${request.url.split('?')[0]}.`,
      },
    };
    return reply.status(404).send(body);
  });
}
