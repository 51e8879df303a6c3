import { securityPolicyDto, updateSecurityPolicyInput } from '#domain/auth/security-policy.ts';
import { partnershipParams } from '#domain/partnership/partnership.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { memberCtx } from '../partnership/access.ts';
import { getSecurityPolicy, securityAccess, updateSecurityPolicy } from './security-policy.service.ts';

const tags = ['Security'];
const url = '/api/partnerships/:partnershipId/security-policy';
const who =
  'Only the partnership’s admins (403 for other members; 404 for a partnership the person does not belong to).';

/** The partnership's security policy: who must use two-step verification. */
export const securityPolicyRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url,
    operationId: 'getSecurityPolicy',
    summary: 'Who must use two-step verification in the partnership',
    description: `\`requireMfaFor\` lists partnership roles and, as \`sensitive_review_roles\`, everyone whose part in a review lets them read case material (the roles are listed in \`sensitiveReviewRoles\`; partnership admins and business managers run every review, so they count too). Empty by default: nobody is required to. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: securityAccess,
    response: { status: 200, schema: securityPolicyDto, description: 'The policy' },
    errors: [401, 403, 404],
    handler: async (ctx) => getSecurityPolicy(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url,
    operationId: 'updateSecurityPolicy',
    summary: 'Change who must use two-step verification',
    description: `Send the whole list with the \`version\` it is based on; if someone changed the policy since, the answer is 409 with the policy as it is now in \`details.current\`. People it now covers who have not set up two-step verification must do so at their next sign-in, and their open sessions (the admin's own included) are held until they do. The change is recorded in the audit log with the list before and after. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: securityAccess,
    body: updateSecurityPolicyInput,
    response: { status: 200, schema: securityPolicyDto, description: 'The policy after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => updateSecurityPolicy(memberCtx(ctx), body),
  }),
];
