import { partnershipParams } from '#domain/partnership/partnership.ts';
import { reviewParams } from '#domain/review/review.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { exportFileName, importReviewQuery, reviewImportDto } from '#domain/transfer/review-export.ts';
import type { Ctx } from '../http/context.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { type ReviewCtx, reviewAccess, reviewCtx } from '../review/access.ts';
import { screenUpload } from '../scan/scan.service.ts';
import { exportReview } from './review-export.service.ts';
import { importReview, installReviewUploads, uploadedReview } from './review-import.service.ts';

const tags = ['Review transfer'];
const runners = ['partnership_admin', 'business_manager'];

/**
 * Route access for exporting a review: whoever cannot see the review gets 404; only the
 * partnership's admins and business managers may export it (403 for others in the review).
 */
async function exportAccess(
  ctx: Ctx,
  params: { partnershipId: string; reviewId: string },
): Promise<ReviewCtx> {
  const r = await reviewAccess('viewReview')(ctx, params);
  if (!runners.includes(r.membership.role)) throw AppError.forbidden();
  return r;
}

/** A review exported as versioned JSON, and imported again. */
export const transferRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/reviews/:reviewId/export',
    operationId: 'exportReview',
    summary: 'The whole review as one versioned JSON file',
    description:
      'A download (`format: "sightlines.review"`, `version: 1`) holding the review, every row of every table that belongs to it (conversation records, documents, the narrative, analysis, findings, the pseudonym register, report versions, actions …), the people and agencies it refers to, and each document’s file as base64 with its SHA-256. Invitation secrets are left out. It is as sensitive as the review itself. Only the partnership’s admins and business managers (403 for others in the review; 404 for anyone who cannot see it). Recorded in the audit log.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: exportAccess,
    response: { status: 200, schema: null, description: 'The export, as a JSON attachment' },
    errors: [401, 403, 404],
    handler: async (ctx) => {
      const r = reviewCtx(ctx);
      const data = await exportReview(r);
      const fileName = exportFileName(data.source.partnership, r.review.title, r.now);
      return new Respond(JSON.stringify(data), 200, (reply) => {
        reply.type('application/json; charset=utf-8');
        reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
        reply.header('Cache-Control', 'no-store');
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/partnerships/:partnershipId/review-imports',
    operationId: 'importReview',
    summary: 'Import a review exported from Sightlines, as a new review',
    description:
      'The body is the export file itself (`Content-Type: application/json`), up to 512 MB. The file is checked first: every problem is named by where it is (`tables.chronology_events.12.agency_id`) and why, and nothing is imported. Otherwise everything is imported in one transaction as a new review, titled `?title=` or the exported title with “(imported)”: every row gets a new identifier (`ids` maps old to new). People are matched by email to accounts of this partnership; people with no account stay on the review as participants without an account, other references to them are emptied or, where one is required, point at the person importing (`unmatchedPeople` lists them). Agencies are matched by name and added when missing. Only the partnership’s admins and business managers. Recorded in the audit log.',
    tags,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('commissionReviews'),
    setup: installReviewUploads,
    query: importReviewQuery,
    body: uploadedReview,
    response: { status: 201, schema: reviewImportDto, description: 'The new review and what it holds' },
    errors: [400, 401, 403, 404, 413, 422, 503],
    handler: async (ctx, { body, query, request }) =>
      importReview(memberCtx(ctx), body, {
        title: query.title,
        // Each embedded document is scanned as itself, not as base64 inside the JSON.
        screen: (bytes, i) =>
          screenUpload(ctx, request, { bytes, field: `files.${i}`, kind: 'review_import' }),
      }),
  }),
];
