import {
  agreeFindingInput,
  changeFindingStatusInput,
  createFindingInput,
  findingDto,
  findingList,
  findingParams,
  reorderFindingsInput,
  updateFindingInput,
} from '#domain/finding/finding.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { reviewCtx } from '../review/access.ts';
import {
  agreeFinding,
  changeFindingStatus,
  createFinding,
  deleteFinding,
  getFinding,
  listFindings,
  reorderFindings,
  updateFinding,
} from './finding.service.ts';
import { findingAccess } from './finding-access.ts';

const tags = ['Findings'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId';
const findingUrl = `${base}/findings/:findingId`;
const write = { lock: true };

/**
 * The routes of a review's findings about the system. The removal comes last: the authorization
 * matrix removes its fixture finding with it.
 */
export const findingRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/findings`,
    operationId: 'listFindings',
    summary: 'The review’s findings, in order',
    description:
      'Each finding with its typology category, status, how many key practice episodes show it, how many issues for the board it raises and how much flagged wording is unresolved.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: findingAccess('viewFindings'),
    response: { status: 200, schema: findingList, description: 'The findings and what the person may do' },
    errors: [401, 403, 404],
    handler: async (ctx) => listFindings(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/findings`,
    operationId: 'createFinding',
    summary: 'Add a finding',
    description:
      'The typology code must be a category of the typology the review is pinned to, and the episodes and research questions must be this review’s. The finding is numbered after the others, starts as emerging and is a risk unless it says it is a strength.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: findingAccess('editFindings', write),
    body: createFindingInput,
    response: { status: 201, schema: findingDto, description: 'The new finding' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createFinding(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/findings/order`,
    operationId: 'reorderFindings',
    summary: 'Put the findings in a new order',
    description:
      'Give every finding of the review, each once, in the new order; they are numbered 1, 2, 3 and so on in that order.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: findingAccess('agreeFindings', write),
    body: reorderFindingsInput,
    response: { status: 200, schema: findingList, description: 'The findings in their new order' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => reorderFindings(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: findingUrl,
    operationId: 'getFinding',
    summary: 'A finding, with its episodes, research questions and flagged wording',
    description:
      'The whole finding, the wording the language check flags in it, and what is still needed before the review team can agree it.',
    tags,
    auth: 'session',
    params: findingParams,
    access: findingAccess('viewFindings'),
    response: { status: 200, schema: findingDto, description: 'The finding' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => getFinding(reviewCtx(ctx), params.findingId),
  }),
  defineRoute({
    method: 'PATCH',
    url: findingUrl,
    operationId: 'updateFinding',
    summary: 'Change what a finding says or what it links to',
    description:
      'Send the version the change is based on; if someone else changed the finding since, the answer is 409 with the finding as it is now. Changing what an agreed or final finding says (anything but its currency, priority and research questions) returns it to emerging, to be agreed again.',
    tags,
    auth: 'session',
    params: findingParams,
    access: findingAccess('editFindings', write),
    body: updateFindingInput,
    response: { status: 200, schema: findingDto, description: 'The finding after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateFinding(reviewCtx(ctx), params.findingId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${findingUrl}/agree`,
    operationId: 'agreeFinding',
    summary: 'Agree a finding as the review team',
    description:
      'The finding needs its statement, a typology category, at least one key practice episode that shows it, evidence that it is not a quirk of this case with where that evidence comes from, and at least one issue for the board. If anything is missing nothing changes, and the 409 lists it in `details.unmet`.',
    tags,
    auth: 'session',
    params: findingParams,
    access: findingAccess('agreeFindings', write),
    body: agreeFindingInput,
    response: { status: 200, schema: findingDto, description: 'The agreed finding' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => agreeFinding(reviewCtx(ctx), params.findingId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${findingUrl}/status`,
    operationId: 'changeFindingStatus',
    summary: 'Move a finding to another status',
    description:
      'Back to emerging, or tested with the case group, at any time. Agreed by the review team needs the same as agreeing it; final needs that and the review team’s agreement first. If anything is missing nothing changes, and the 409 lists it in `details.unmet`.',
    tags,
    auth: 'session',
    params: findingParams,
    access: findingAccess('agreeFindings', write),
    body: changeFindingStatusInput,
    response: { status: 200, schema: findingDto, description: 'The finding at its new status' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => changeFindingStatus(reviewCtx(ctx), params.findingId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: findingUrl,
    operationId: 'deleteFinding',
    summary: 'Remove a finding',
    description:
      'Removes the finding with its links to episodes and research questions (and the board’s response to it), and numbers the remaining findings again. A finding that actions in the action plan answer is not removed (409): remove the actions or link them to another finding first. Removing a finding that is already gone changes nothing.',
    tags,
    auth: 'session',
    params: findingParams,
    access: findingAccess('editFindings', { lock: true, mayBeGone: true }),
    response: { status: 204, schema: null, description: 'Removed' },
    errors: [401, 403, 404, 409],
    handler: async (ctx, { params }) => {
      await deleteFinding(reviewCtx(ctx), params.findingId);
      return undefined;
    },
  }),
];
