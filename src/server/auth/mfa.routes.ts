import {
  disableMfaInput,
  type MfaSessionState,
  mfaEnrolmentDto,
  mfaVerificationDto,
  verifyMfaInput,
} from '#domain/auth/mfa.ts';
import { mfaResetResult } from '#domain/auth/mfa-reset.ts';
import { sessionDto } from '#domain/auth/session.ts';
import type { ErrorBody } from '#domain/shared/app-error.ts';
import { userParams } from '#domain/user/user.ts';
import type { AuthedCtx, Ctx } from '../http/context.ts';
import { httpStatusFor } from '../http/errors.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { setSessionCookie } from './authenticate.ts';
import { disableMfa, enrolMfa, type MfaOutcome, resetMfa, verifyMfa } from './mfa.service.ts';

const tags = ['Session'];
const bothStates: MfaSessionState[] = ['mfa_pending', 'mfa_enrolment_required'];
const limits =
  'Wrong codes count like wrong passwords: after 5 for one account, or 20 from one address, in 15 minutes, further attempts get 429 with `Retry-After`, even with the right code.';

/** Answers with the outcome: the value (and a renewed session cookie), or the error with its attempt kept. */
function answer<T>(ctx: Ctx, outcome: MfaOutcome<T>): Respond<unknown> {
  if (!outcome.ok) {
    const e = outcome.error;
    const body: ErrorBody = {
      error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) },
    };
    return new Respond(body, httpStatusFor[e.code], (reply) => {
      if (e.details?.retryAfterSeconds) reply.header('Retry-After', String(e.details.retryAfterSeconds));
    });
  }
  const token = outcome.sessionToken;
  return new Respond(outcome.value, 200, (reply) => {
    if (token) setSessionCookie(reply, reply.request, ctx.config, token);
  });
}

/** Two-step verification: the signed-in person setting it up, entering codes and turning it off; an admin resetting someone else’s. */
export const mfaRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/session/mfa/enrolment',
    operationId: 'enrolMfa',
    summary: 'Start setting up two-step verification',
    description:
      'Makes a new secret for an authenticator app and returns it as text (base32) and as an `otpauth://` link. It stays pending until the first correct code is sent to `verifyMfa`; after that the secret is never shown again. Starting again replaces a pending secret. 409 when two-step verification is already on (turn it off first). Works while the partnership requires the person to set it up, but not while a sign-in waits for its code.',
    tags,
    auth: 'session',
    allowWhilePasswordChangeRequired: true,
    allowDuringMfa: ['mfa_enrolment_required'],
    response: { status: 200, schema: mfaEnrolmentDto, description: 'The secret to add to the app' },
    errors: [401, 403, 409],
    handler: async (ctx) => enrolMfa(ctx as AuthedCtx),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/session/mfa/verification',
    operationId: 'verifyMfa',
    summary: 'Enter a code from the authenticator app',
    description: `Send \`code\` (6 digits) or, at sign-in only, \`recoveryCode\` instead. While a sign-in waits for its code (\`mfaPending\`), a right code completes it: the session is replaced by a new one (a new cookie and CSRF token) and the answer holds it. While setting up, the first right code turns two-step verification on, ends the person's other sessions and returns ten recovery codes, shown only this once; each works once in place of a code. A wrong code is 400 naming \`code\` (or \`recoveryCode\`); a code is accepted once, within 30 seconds either side of now. ${limits} 409 when there is nothing to verify.`,
    tags,
    auth: 'session',
    allowWhilePasswordChangeRequired: true,
    allowDuringMfa: bothStates,
    body: verifyMfaInput,
    response: {
      status: 200,
      schema: mfaVerificationDto,
      description: 'The session, and recovery codes when just turned on',
    },
    errors: [400, 401, 403, 409, 429],
    handler: async (ctx, { body }) => answer(ctx, await verifyMfa(ctx as AuthedCtx, body)),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/session/mfa',
    operationId: 'disableMfa',
    summary: 'Turn off two-step verification',
    description: `Needs the current password and a code from the app (or a recovery code). Ends the person's other sessions and removes their recovery codes. If a partnership of theirs requires two-step verification of them, this session is then held until they set it up again. A wrong password is 400 naming \`currentPassword\`; a wrong code 400 naming \`code\` (or \`recoveryCode\`). ${limits} 409 when it is not on.`,
    tags,
    auth: 'session',
    body: disableMfaInput,
    response: { status: 200, schema: sessionDto, description: 'Turned off; the session as it is now' },
    errors: [400, 401, 403, 409, 429],
    handler: async (ctx, { body }) => answer(ctx, await disableMfa(ctx as AuthedCtx, body)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/partnerships/:partnershipId/users/:userId/mfa-reset',
    operationId: 'resetMfa',
    summary: 'Reset a person’s two-step verification',
    description:
      'For someone who has lost both their authenticator app and their recovery codes. Removes their secret and recovery codes and ends all their sessions; at their next sign-in the password is enough, unless a partnership requires two-step verification of them, when they must set it up again before going on. Partnership admins only (403 for other members; 404 for a partnership the admin does not belong to, or a person not active in it). Not for the admin’s own account (403: use `disableMfa`). 409 when the person has not set it up. Audited in this partnership and in every other partnership the person works with.',
    tags: ['People'],
    auth: 'session',
    params: userParams,
    access: partnershipAccess('manageUsers'),
    response: { status: 200, schema: mfaResetResult, description: 'Reset; the person must sign in again' },
    errors: [401, 403, 404, 409],
    handler: async (ctx, { params }) => resetMfa(memberCtx(ctx), params.userId),
  }),
];
