import type { FastifyRequest } from 'fastify';
import {
  passwordTokenDto,
  passwordTokenLookupInput,
  requestPasswordResetInput,
  requestPasswordResetResult,
  resetPasswordInput,
} from '#domain/email/email.ts';
import type { ErrorBody } from '#domain/shared/app-error.ts';
import { httpStatusFor } from '../http/errors.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { lookupPasswordToken, requestPasswordReset, resetPassword } from './password-token.service.ts';

const tags = ['Session'];

/** The origin a request came to, for links in email when SIGHTLINES_PUBLIC_URL is not set. */
function requestOrigin(request: FastifyRequest): string | null {
  return request.host ? `${request.protocol}://${request.host}` : null;
}

/** Password reset and invitation links sent by email. */
export const emailRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/password-reset',
    operationId: 'requestPasswordReset',
    summary: 'Ask for an email with a link to reset a forgotten password',
    description:
      'Always answers 202 with the same message, whether or not an account has the address, so the reply does not reveal who has an account. Only an account with a password and an active membership is sent a link; it works once, for 1 hour, and earlier unused links stop working. Too many requests from one network address are refused with 429; too many for one account send no more email.',
    tags,
    auth: 'none',
    body: requestPasswordResetInput,
    response: { status: 202, schema: requestPasswordResetResult, description: 'Request taken' },
    errors: [400, 429],
    handler: async (ctx, { body, request }) => {
      const outcome = await requestPasswordReset(ctx, body.email, requestOrigin(request));
      if (outcome.ok) return new Respond({ message: outcome.message }, 202);
      const e = outcome.error;
      const errorBody: ErrorBody = {
        error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) },
      };
      return new Respond(errorBody, httpStatusFor[e.code], (reply) => {
        if (e.details?.retryAfterSeconds) reply.header('Retry-After', String(e.details.retryAfterSeconds));
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/password-tokens/lookup',
    operationId: 'getPasswordToken',
    summary: 'Whether a password link from an email still works, and what it is for',
    description:
      'The token is sent in the body, not the address, so it never appears in a log. Answers 404 for a link that is unknown, used or expired. The account’s email address is mostly hidden.',
    tags,
    auth: 'none',
    body: passwordTokenLookupInput,
    response: { status: 200, schema: passwordTokenDto, description: 'The link works' },
    errors: [400, 404],
    handler: async (ctx, { body }) => lookupPasswordToken(ctx, body.token),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/password-tokens/redeem',
    operationId: 'resetPassword',
    summary: 'Set a password with a link from an email (a reset or a new account’s invitation)',
    description:
      'The new password must meet the same rules as `changePassword`. The link is used up, a temporary password is replaced, and every session of the person is ended: they sign in again, with two-step verification if they have it.',
    tags,
    auth: 'none',
    body: resetPasswordInput,
    response: { status: 204, schema: null, description: 'Password set' },
    errors: [400, 404],
    handler: async (ctx, { body }) => {
      await resetPassword(ctx, body);
      return new Respond(undefined, 204);
    },
  }),
];
