import { changePasswordInput, loginInput, sessionDto } from '#domain/auth/session.ts';
import type { ErrorBody } from '#domain/shared/app-error.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { AuthedCtx } from '../http/context.ts';
import { httpStatusFor } from '../http/errors.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { clearSessionCookie, setSessionCookie } from './authenticate.ts';
import { changePassword, describeSession, signIn, signOut } from './session.service.ts';

const tags = ['Session'];

export const authRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/session',
    operationId: 'login',
    summary: 'Sign in with email address and password',
    description:
      'Starts a session and sets an httpOnly session cookie. Repeated failures for one account or from one address are refused with 429. When the person has two-step verification the session is only `mfaPending` until the code is sent to `verifyMfa`; when their partnership requires it and they have none, it is `mfaEnrolmentRequired` until they set it up (`enrolMfa`, then `verifyMfa`).',
    tags,
    auth: 'none',
    body: loginInput,
    response: { status: 200, schema: sessionDto, description: 'Signed in' },
    errors: [400, 401, 429],
    handler: async (ctx, { body }) => {
      const outcome = await signIn(ctx, body);
      if (!outcome.ok) {
        const e = outcome.error;
        const errorBody: ErrorBody = {
          error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) },
        };
        // Returned rather than thrown, so the failed attempt and its audit row are committed.
        return new Respond(errorBody, httpStatusFor[e.code], (reply) => {
          if (e.details?.retryAfterSeconds) reply.header('Retry-After', String(e.details.retryAfterSeconds));
        });
      }
      return new Respond(outcome.session, 200, (reply) =>
        setSessionCookie(reply, reply.request, ctx.config, outcome.token),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/session',
    operationId: 'getSession',
    summary: 'The current session: who is signed in, their partnerships and the CSRF token',
    tags,
    auth: 'session',
    allowWhilePasswordChangeRequired: true,
    allowDuringMfa: ['mfa_pending', 'mfa_enrolment_required'],
    response: { status: 200, schema: sessionDto, description: 'The current session' },
    errors: [401],
    handler: async (ctx) => {
      const { principal } = ctx as AuthedCtx;
      return describeSession(ctx.tx, principal.sessionId, ctx.config.session);
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/session',
    operationId: 'logout',
    summary: 'Sign out, ending the session',
    tags,
    auth: 'session',
    allowWhilePasswordChangeRequired: true,
    allowDuringMfa: ['mfa_pending', 'mfa_enrolment_required'],
    response: { status: 204, schema: null, description: 'Signed out' },
    errors: [401, 403],
    handler: async (ctx) => {
      await signOut(ctx as AuthedCtx);
      return new Respond(undefined, 204, (reply) => clearSessionCookie(reply, reply.request, ctx.config));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/session/password',
    operationId: 'changePassword',
    summary: 'Change the signed-in person’s password',
    description:
      'Ends every other session of the person. Required before anything else when an administrator set a temporary password.',
    tags,
    auth: 'session',
    allowWhilePasswordChangeRequired: true,
    body: changePasswordInput,
    response: { status: 200, schema: sessionDto, description: 'Password changed' },
    errors: [400, 401, 403],
    handler: async (ctx, { body }) => {
      if (!ctx.principal) throw AppError.unauthenticated();
      return changePassword(ctx as AuthedCtx, body);
    },
  }),
];
