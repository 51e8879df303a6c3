import { partnershipParams } from '#domain/partnership/partnership.ts';
import {
  assessQualityMarkerInput,
  draftRequestDto,
  draftRequestList,
  draftRequestParams,
  markDraftReceivedInput,
  markerAssessmentDto,
  monitoringDto,
  qualityMarkerParams,
  qualitySummaryDto,
  recordDraftRequestInput,
} from '#domain/quality/quality.ts';
import { reviewParams } from '#domain/review/review.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Ctx } from '../http/context.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import {
  getMonitoring,
  listDraftRequests,
  markDraftReceived,
  mayMonitor,
  recordDraftRequest,
} from './monitoring.service.ts';
import { assessQualityMarker, getQualitySummary } from './quality.service.ts';

const tags = ['Quality'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId';
const drafts = `${base}/draft-requests`;

/**
 * Access to record requests for a draft: the review must be visible to the person (404 otherwise),
 * and only the partnership's admins and business managers may record (403 for everyone else,
 * whatever their role in the review).
 */
function draftRequestAccess() {
  const review = reviewAccess('viewReview', { lock: true });
  return async (ctx: Ctx, params: { partnershipId: string; reviewId: string }) => {
    const inReview = await review(ctx, params);
    if (!mayMonitor(inReview))
      throw AppError.forbidden(
        'Only the partnership’s admins and business managers record requests for a draft.',
      );
    return inReview;
  };
}

/** The routes of the quality-marker self-assessment of a review, and the partners’ monitoring of time and quality. */
export const qualityRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/quality-markers`,
    operationId: 'getQualitySummary',
    summary: 'The review’s self-assessment against the quality markers',
    description:
      'All 18 quality markers (NSPCC/SCIE 2016) in their three phases, each with its statement, its self-assessment questions and their answers, the red, amber or green rating, the written evidence, the evidence items relied on and who assessed it when. A marker never assessed has no rating and version 0. `autoEvidence` offers what Sightlines already holds for a marker (dates, counts and whether something is recorded, never the review’s own wording), each saying whether it suggests the marker is met and linking to the page that shows it. `counts` and `byPhase` count the ratings; a marker without a rating counts as not assessed. The review team side and board members see it; the case group and the family get 403; a review in another partnership, or one the person has no part in, is 404.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewQuality'),
    response: {
      status: 200,
      schema: qualitySummaryDto,
      description: 'The markers, their counts and abilities',
    },
    errors: [401, 403, 404],
    handler: async (ctx) => getQualitySummary(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/quality-markers/:markerNumber`,
    operationId: 'assessQualityMarker',
    summary: 'Assess the review against one quality marker',
    description:
      'Send the whole assessment with the version it is based on (0 before the first); a marker number outside 1 to 18 is 404. The business manager, the lead reviewers and the chair (and the partnership’s admins and business managers) assess; others who see the assessment get 403. If someone else changed the marker’s assessment since, the answer is 409 with the marker as it is now in `details.current`, and nothing changes. 400 names each broken rule: `answers` must hold exactly one entry (yes, partly, no or null) for each of the marker’s questions, in order; `acceptedEvidenceKeys` may hold only keys of the automatic evidence offered for this marker now; the rating is red, amber, green or null while in progress. Saving what is already stored changes nothing. The audit row names the marker and the rating, never the evidence.',
    tags,
    auth: 'session',
    params: qualityMarkerParams,
    access: reviewAccess('assessQuality', { lock: true }),
    body: assessQualityMarkerInput,
    response: { status: 200, schema: markerAssessmentDto, description: 'The marker after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => assessQualityMarker(reviewCtx(ctx), params.markerNumber, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/monitoring',
    operationId: 'getMonitoring',
    summary: 'Time and quality across the partnership’s reviews',
    description:
      'Every review of the partnership except closed ones (a closed review has nothing left to monitor), the most pressing target publication date first: its stage, initiation and target publication dates, calendar days to the target (negative once passed), the deadlines passed and not met (the publication target until the review reaches action monitoring, and each requested draft with a due date until it arrives), the next deadline still to come, its quality-marker ratings and the latest request for a draft. `totals` adds up the ratings across the reviews listed. Only the partnership’s admins and business managers (403 for other members; 404 for a partnership the person does not belong to).',
    tags,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('monitorReviews'),
    response: { status: 200, schema: monitoringDto, description: 'The reviews and the totals' },
    errors: [401, 403, 404],
    handler: async (ctx) => getMonitoring(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: drafts,
    operationId: 'listDraftRequests',
    summary: 'The requests for a draft of the review’s report',
    description:
      'Each written request by the partners for a draft: when it was made, when the draft is due and when it arrived, with the note and who recorded it, newest first. Those who see the quality-marker assessment see it (403 for the case group and the family; 404 for a review the person cannot see). `abilities.record` is true for the partnership’s admins and business managers.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewQuality'),
    response: { status: 200, schema: draftRequestList, description: 'The requests, newest first' },
    errors: [401, 403, 404],
    handler: async (ctx) => listDraftRequests(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: drafts,
    operationId: 'recordDraftRequest',
    summary: 'Record a request for a draft of the report',
    description:
      'Only the partnership’s admins and business managers (403 for everyone else, whatever their role in the review; 404 for a review the person cannot see). 400 names each broken rule: `requestedOn` is a real date, today or in the past; `dueOn`, if given, is a real date on or after `requestedOn`; the note is at most 2,000 characters. The audit row holds the dates, never the note.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: draftRequestAccess(),
    body: recordDraftRequestInput,
    response: { status: 201, schema: draftRequestDto, description: 'The request as recorded' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => recordDraftRequest(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${drafts}/:requestId/received`,
    operationId: 'markDraftReceived',
    summary: 'Record the day a requested draft arrived',
    description:
      'Only the partnership’s admins and business managers (403 for everyone else; 404 for a review the person cannot see, or a request that is not this review’s). 400 names `receivedOn` unless it is a real date, on or after the date of the request and today or in the past. Recording it again corrects the date. Audited with the date.',
    tags,
    auth: 'session',
    params: draftRequestParams,
    access: draftRequestAccess(),
    body: markDraftReceivedInput,
    response: {
      status: 200,
      schema: draftRequestDto,
      description: 'The request with the day the draft arrived',
    },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { params, body }) => markDraftReceived(reviewCtx(ctx), params.requestId, body),
  }),
];
