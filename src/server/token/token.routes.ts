import { partnershipParams } from '#domain/partnership/partnership.ts';
import {
  apiTokenList,
  apiTokenParams,
  createApiTokenInput,
  createdApiTokenDto,
} from '#domain/token/token.ts';
import { securityAccess } from '../auth/security-policy.service.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { memberCtx } from '../partnership/access.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './token.service.ts';

const tags = ['API tokens'];
const base = '/api/partnerships/:partnershipId/api-tokens';
const who =
  'Only the partnership’s admins (403 for other members; 404 for a partnership the person does not belong to). API tokens cannot manage tokens.';
const using =
  'Send a token as `Authorization: Bearer sl_…`; no cookie or CSRF token is needed. A token only reads (any other method is 403), only its own partnership (anything else is 404) and only what its scopes open (anything else is 403): `actions:read` opens the action plans and the action tracker, `library:read` the learning library, `reviews:read` the list of reviews and each review’s outline. No scope opens conversation records, documents, the narrative or the pseudonym register. A token reads with the access of the admin who made it, and stops working (401) when it expires, is revoked, or that person is no longer an admin of the partnership. Reads that are audited for people are audited for tokens too, with the token named in the details.';

/** API tokens for a partnership's integrations. */
export const apiTokenRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'listApiTokens',
    summary: 'The partnership’s API tokens',
    description: `Every token of the partnership, newest first, with its scopes, expiry, when it was last used and whether it still works (\`status\`): never the token itself. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: securityAccess,
    response: { status: 200, schema: apiTokenList, description: 'The tokens' },
    errors: [401, 403, 404],
    handler: async (ctx) => listApiTokens(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    operationId: 'createApiToken',
    summary: 'Create an API token for an integration',
    description: `Give a \`name\`, at least one of the \`scopes\` and, optionally, \`expiresOn\`: the last day it works (in London), after today and within a year. The answer holds the token (\`secret\`: \`sl_\` and 43 more characters) this once; only its SHA-256 is stored, so it cannot be shown again. ${using} Recorded in the audit log. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: securityAccess,
    body: createApiTokenInput,
    response: { status: 201, schema: createdApiTokenDto, description: 'The new token, shown once' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createApiToken(memberCtx(ctx), body),
  }),
  defineRoute({
    method: 'DELETE',
    url: `${base}/:tokenId`,
    operationId: 'revokeApiToken',
    summary: 'Revoke an API token',
    description: `The token stops working at once (401). It stays in the list as revoked. Revoking a revoked token changes nothing; a token of another partnership is 404. Recorded in the audit log. ${who}`,
    tags,
    auth: 'session',
    params: apiTokenParams,
    access: securityAccess,
    response: { status: 204, schema: null, description: 'Revoked' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => {
      await revokeApiToken(memberCtx(ctx), params.tokenId);
      return undefined;
    },
  }),
];
