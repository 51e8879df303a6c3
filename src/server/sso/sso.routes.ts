import type { FastifyReply, FastifyRequest } from 'fastify';
import { partnershipParams } from '#domain/partnership/partnership.ts';
import {
  SSO_STATE_MINUTES,
  ssoCallbackQuery,
  ssoConfigDto,
  startSsoQuery,
  updateSsoConfigInput,
} from '#domain/sso/sso.ts';
import { setSessionCookie } from '../auth/authenticate.ts';
import { securityAccess } from '../auth/security-policy.service.ts';
import type { Config } from '../config.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx } from '../partnership/access.ts';
import { getSsoConfig, publicOrigin, redirectUriFor, updateSsoConfig } from './sso-config.service.ts';
import { completeSsoSignIn, type SsoOutcome, startSsoSignIn } from './sso-sign-in.service.ts';

const tags = ['Single sign-on'];
const url = '/api/partnerships/:partnershipId/sso';
const who =
  'Only the partnership’s admins (403 for other members; 404 for a partnership the person does not belong to).';

/** The cookie that ties a sign-in at the provider to the browser that started it. */
const STATE_COOKIE = 'sightlines_sso_state';
const STATE_COOKIE_PATH = '/api/auth/sso';

const secure = (request: FastifyRequest, config: Config) =>
  config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && request.protocol === 'https');

/** Sends the browser on: to the provider, or back to a page of Sightlines (with `?sso_error=` when refused). */
function redirect(outcome: SsoOutcome, config: Config, apply?: (reply: FastifyReply) => void) {
  let location: string;
  if (outcome.ok) location = outcome.location;
  else {
    const to = outcome.returnTo === '/' ? '' : `&to=${encodeURIComponent(outcome.returnTo)}`;
    location = `/sign-in?sso_error=${outcome.code}${to}`;
  }
  return new Respond(undefined, 302, (reply) => {
    apply?.(reply);
    if (outcome.ok && outcome.sessionToken)
      setSessionCookie(reply, reply.request, config, outcome.sessionToken);
    reply.header('location', location);
  });
}

/** Single sign-on with a partnership's OpenID Connect provider, and its configuration. */
export const ssoRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url,
    operationId: 'getSsoConfig',
    summary: 'The partnership’s single sign-on settings',
    description: `The OpenID Connect provider people of the partnership may sign in with: its issuer URL, the client ID, whether a client secret is stored (\`clientSecretSet\`; the secret itself is never returned), the email domains whose verified addresses may be linked to accounts, and the \`redirectUri\` to register at the provider. A partnership that never set it up answers \`configured: false\` (version 1). ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: securityAccess,
    response: { status: 200, schema: ssoConfigDto, description: 'The settings' },
    errors: [401, 403, 404],
    handler: async (ctx, { request }) => getSsoConfig(memberCtx(ctx), publicOrigin(ctx.config, request)),
  }),
  defineRoute({
    method: 'PUT',
    url,
    operationId: 'updateSsoConfig',
    summary: 'Change the partnership’s single sign-on settings',
    description: `Send every setting with the \`version\` it is based on; if someone changed them since, the answer is 409 with the settings as they are now in \`details.current\`. Leave \`clientSecret\` out (or empty) to keep the one stored; it is kept encrypted. With \`enabled: true\` the issuer's OpenID Connect discovery document is fetched first, and a provider that cannot be reached is a 400 on \`issuer\`. Recorded in the audit log, without the secret. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: securityAccess,
    body: updateSsoConfigInput,
    response: { status: 200, schema: ssoConfigDto, description: 'The settings after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body, request }) =>
      updateSsoConfig(memberCtx(ctx), body, publicOrigin(ctx.config, request)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/sso/start',
    operationId: 'startSsoSignIn',
    summary: 'Start signing in with an organisation account',
    description: `A browser navigation, not a fetch. Give \`email\` (its domain finds the partnership whose provider lists it) or \`partnership\` (a partnership's slug), and optionally \`to\`, a path inside Sightlines to return to. Answers 302 to the provider's sign-in page with a fresh state, nonce and PKCE (S256) challenge, and sets a short-lived cookie that ties the sign-in to this browser; it must come back within ${SSO_STATE_MINUTES} minutes. When no provider fits, answers 302 to \`/sign-in?sso_error=…\`.`,
    tags,
    auth: 'none',
    query: startSsoQuery,
    response: { status: 302, schema: null, description: 'To the provider, or back to the sign-in page' },
    errors: [400],
    handler: async (ctx, { query, request }) => {
      const outcome = await startSsoSignIn(ctx, query, redirectUriFor(ctx.config, request));
      return redirect(outcome, ctx.config, (reply) => {
        if (!outcome.ok || !outcome.state) return;
        reply.setCookie(STATE_COOKIE, outcome.state, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secure(request, ctx.config),
          path: STATE_COOKIE_PATH,
          maxAge: SSO_STATE_MINUTES * 60,
        });
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/auth/sso/callback',
    operationId: 'completeSsoSignIn',
    summary: 'Finish signing in with an organisation account (the provider’s redirect URI)',
    description:
      'Where the provider sends the browser back. Checks the state (once, in time, from the browser that started), exchanges the code, validates the ID token and its nonce, then signs in to the account linked to this identity, or, the first time, to the account with the same verified email address (`email_verified` must be true, in an allowed domain, with an active membership of the partnership), linking them. No account is ever created. The session is made as after a password: if the person has two-step verification it still needs the code, unless the provider says it checked a second factor (`amr` holds `mfa`). Answers 302 to the page to go on to, or to `/sign-in?sso_error=…` when refused; every refusal is recorded in the audit log.',
    tags,
    auth: 'none',
    query: ssoCallbackQuery,
    response: { status: 302, schema: null, description: 'Signed in, or refused, and on to a page' },
    errors: [400],
    handler: async (ctx, { query, request }) => {
      const callbackUrl = new URL(redirectUriFor(ctx.config, request));
      const at = request.url.indexOf('?');
      if (at >= 0) callbackUrl.search = request.url.slice(at);
      const outcome = await completeSsoSignIn(ctx, query, callbackUrl, request.cookies[STATE_COOKIE]);
      return redirect(outcome, ctx.config, (reply) =>
        reply.clearCookie(STATE_COOKIE, {
          httpOnly: true,
          sameSite: 'lax',
          secure: secure(request, ctx.config),
          path: STATE_COOKIE_PATH,
        }),
      );
    },
  }),
];
