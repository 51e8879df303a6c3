import { partnershipParams } from '#domain/partnership/partnership.ts';
import {
  eraseReviewInput,
  retentionPolicyDto,
  reviewErasureDto,
  reviewErasureParams,
  reviewErasureStatusDto,
  reviewsDueForErasureList,
  subjectAccessExportDto,
  subjectAccessQuery,
  updateRetentionPolicyInput,
} from '#domain/retention/retention.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx } from '../partnership/access.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { type ErasureCtx, retentionAccess, reviewErasureAccess } from './access.ts';
import { eraseReviewPersonalData, getReviewErasureStatus } from './erasure.service.ts';
import { deleteStoredFiles } from './files.ts';
import { getRetentionPolicy, listReviewsDueForErasure, updateRetentionPolicy } from './policy.service.ts';
import { exportSubjectAccess } from './subject-access.service.ts';

const tags = ['Retention and personal data'];
const base = '/api/partnerships/:partnershipId';
const who =
  'Only the partnership’s admins (403 for other members; 404 for a partnership the person does not belong to).';

/** Retention policy, erasure of a review's personal data, and subject access exports. */
export const retentionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/retention-policy`,
    operationId: 'getRetentionPolicy',
    summary: 'How long the partnership keeps a finished review’s personal data',
    description: `\`retainYears\`: the years after a review’s report is published (or the review is closed without publication) before its personal data is due for erasure. A partnership that never chose a period keeps the default (\`isDefault\`, \`defaultRetainYears\`). ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: retentionAccess,
    response: { status: 200, schema: retentionPolicyDto, description: 'The policy' },
    errors: [401, 403, 404],
    handler: async (ctx) => getRetentionPolicy(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/retention-policy`,
    operationId: 'updateRetentionPolicy',
    summary: 'Change how long the partnership keeps a finished review’s personal data',
    description: `Send \`retainYears\` (a whole number of years) with the \`version\` it is based on; if someone changed the policy since, the answer is 409 with the policy as it is now in \`details.current\`. Nothing is erased by the change itself: reviews now due are listed for an admin to erase. Recorded in the audit log with the period before and after. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: retentionAccess,
    body: updateRetentionPolicyInput,
    response: { status: 200, schema: retentionPolicyDto, description: 'The policy after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => updateRetentionPolicy(memberCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/reviews-due-for-erasure`,
    operationId: 'listReviewsDueForErasure',
    summary: 'Reviews whose personal data is due for erasure',
    description: `Reviews whose report was published, or which were closed without publication, longer ago than the retention period (dates in London), and whose personal data has not been erased yet; the longest overdue first. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: retentionAccess,
    response: { status: 200, schema: reviewsDueForErasureList, description: 'The reviews due' },
    errors: [401, 403, 404],
    handler: async (ctx) => listReviewsDueForErasure(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/reviews/:reviewId/erasure`,
    operationId: 'getReviewErasure',
    summary: 'Whether a review’s personal data has been erased',
    description:
      'For anyone who can see the review. When erased: who erased it, when, why and how many records of each kind. Otherwise: when the retention period starts and ends, and why it may not be erased yet (`refusal`); `abilities.erase` is true for an admin when it may be.',
    tags,
    auth: 'session',
    params: reviewErasureParams,
    access: reviewAccess('viewReview'),
    response: { status: 200, schema: reviewErasureStatusDto, description: 'The erasure status' },
    errors: [401, 404],
    handler: async (ctx) => getReviewErasureStatus(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/reviews/:reviewId/erasure`,
    operationId: 'eraseReviewPersonalData',
    summary: 'Erase a finished review’s personal data',
    description: `Give the \`reason\` and type the review’s name again in \`confirmReference\` (a different name is 400 on that field). A review still in progress (neither published nor closed, or paused) is 409 with \`details.reason: in_progress\`, and one already erased is 409 with \`already_erased\`. In one transaction: conversation records and their versions, documents, comments, supervision threads, agency chronology imports and report drafts and unpublished versions are removed; the narrative’s events, episodes, meetings, the people in the review and the pseudonym register keep their shape with the personal details blanked. The publication, publishable report versions, the learning library and the audit log stay. The tombstone records who, when, why and how many of each kind, and the review then refuses any change (409, \`review_erased\`). Uploaded files no other document uses are deleted after the commit. Recorded in the audit log with the counts. ${who}`,
    tags,
    auth: 'session',
    params: reviewErasureParams,
    access: reviewErasureAccess,
    body: eraseReviewInput,
    response: { status: 201, schema: reviewErasureDto, description: 'The tombstone' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body, request }) => {
      const { erasure, unusedFiles } = await eraseReviewPersonalData(ctx as ErasureCtx, body);
      const dataDir = ctx.config.dataDir;
      return new Respond(erasure, 201, () => {
        // Runs after the commit: a rolled-back erasure never loses a file.
        deleteStoredFiles(dataDir, unusedFiles).catch((error: unknown) =>
          request.log.error({ err: error }, 'could not delete the files of an erased review'),
        );
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/subject-access-export`,
    operationId: 'subjectAccessExport',
    summary: 'Download everything held about one person',
    description: `For a subject access request. Name the person by \`userId\` (their Sightlines account), by \`participantId\` (a person named in one of the partnership’s reviews), or both. A JSON file: their account (never its password or secrets), memberships, parts in reviews, conversation records with them, documents they uploaded (details, not the files), comments they wrote, meetings they were invited to, actions they own (matched by name) and the audit events they made or that are about them, all within this partnership. Someone the partnership holds nothing about is 404. Recorded in the audit log. ${who}`,
    tags,
    auth: 'session',
    params: partnershipParams,
    query: subjectAccessQuery,
    access: retentionAccess,
    response: { status: 200, schema: subjectAccessExportDto, description: 'The export, as a file download' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => {
      const result = await exportSubjectAccess(memberCtx(ctx), query);
      const fileName = `subject-access-${result.exportedAt.slice(0, 10)}.json`;
      return new Respond(result, 200, (reply) => {
        reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
      });
    },
  }),
];
