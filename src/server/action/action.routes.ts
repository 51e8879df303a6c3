import {
  actionDto,
  actionList,
  actionParams,
  createActionInput,
  listActionsQuery,
  updateActionInput,
} from '#domain/action/action.ts';
import { partnershipParams } from '#domain/partnership/partnership.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { createAction, listActions, listReviewActions, updateAction } from './action.service.ts';
import { exportActions, xlsxType } from './action-export.ts';

const tags = ['Actions'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId/actions';
const tracker = '/api/partnerships/:partnershipId/actions';

const warnings =
  'Each action says whether it is `overdue` (its due date is before today in London and it is open or in progress) and `dueSoon` (due from today to 14 days ahead and not done), so the pages can warn; no reminders are sent by email yet.';
const rules =
  '400 names each broken rule: `findingId` must be a finding of this review; `ownerAgencyId`, if given, an agency of the partnership; `targetIndex` is needed, and must be the position (0 is the first) of one of the finding’s issues for the board when `target` is `question`, or of its recommendations when `target` is `recommendation`, and must be empty when `target` is `finding`. A due date may be in the past (plans are often recorded late); such an action shows as overdue.';
const filters =
  'Filters: `status`, `reviewId`, `agencyId` (the owner agency) and `overdue=true` (or `false` for those not overdue).';

/** The routes of a review's action plan and the partnership's action tracker. */
export const actionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'listReviewActions',
    summary: 'The review’s action plan',
    description: `The review’s actions in finding order, each with the finding and the issue for the board or recommendation it answers, its owner, due date, measure of success, status and evidence of impact; \`counts\` gives the number at each status and the number overdue. ${warnings} The review team side and board members see it; the case group and the family get 403; a review in another partnership, or one the person has no part in, is 404. \`abilities.edit\` on each action says whether the person may change it; \`abilities.export\` whether they may export the partnership’s tracker.`,
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewActions'),
    response: { status: 200, schema: actionList, description: 'The actions, their counts and abilities' },
    errors: [401, 403, 404],
    handler: async (ctx) => listReviewActions(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    operationId: 'createAction',
    summary: 'Add an action to the review’s action plan',
    description: `The action starts open. The business manager and the chair (and the partnership’s admins and business managers) add actions; others who see the plan, board members included, get 403; a review the person cannot see is 404. ${rules} The audit row names the finding’s number and what the action answers, never its wording. ${warnings}`,
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('manageActions', { lock: true }),
    body: createActionInput,
    response: { status: 201, schema: actionDto, description: 'The new action' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createAction(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/:actionId`,
    operationId: 'updateAction',
    summary: 'Change an action, its progress or its status',
    description: `Send the whole action with the version it is based on; if someone else changed it since, the answer is 409 with the action as it is now in \`details.current\`, and nothing changes. An action of another review is 404. The business manager and the chair (and the partnership’s admins and business managers) change actions; others get 403. ${rules} Status \`done\` needs \`completedOn\`, today or in the past; \`impact_verified\` needs \`completedOn\`, \`impactEvidenceKind\` (an audit, data, feedback or other) and \`impactEvidence\`, the evidence that practice improved. An action open or in progress keeps no \`completedOn\`. Saving what is already stored changes nothing. The audit row names the fields changed and any change of status, never the wording. ${warnings}`,
    tags,
    auth: 'session',
    params: actionParams,
    access: reviewAccess('manageActions', { lock: true }),
    body: updateActionInput,
    response: { status: 200, schema: actionDto, description: 'The action after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateAction(reviewCtx(ctx), params.actionId, body),
  }),
  defineRoute({
    method: 'GET',
    url: tracker,
    operationId: 'listActions',
    summary: 'The partnership’s action tracker, across its reviews',
    description: `Every action of the partnership’s reviews, overdue first, then by due date (those without one last). ${filters} \`counts\` gives the number at each status and the number overdue among the actions of the chosen review and agency, before the status and overdue filters. ${warnings} Only the partnership’s admins and business managers (403 for other members; 404 for a partnership the person does not belong to). \`abilities.export\` says whether the person may export it.`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('trackActions'),
    query: listActionsQuery,
    response: { status: 200, schema: actionList, description: 'The actions, their counts and abilities' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => listActions(memberCtx(ctx), query),
  }),
  defineRoute({
    method: 'GET',
    url: `${tracker}/export`,
    operationId: 'exportActions',
    summary: 'Download the action tracker as an Excel file',
    description: `The tracker as listed, with the same filters and order, as an Excel workbook named like actions-2027-06-30.xlsx: a header row, then one row per action with its review, finding, what it answers, the action, owner agency, owner, due date (a date cell), status, whether it is overdue, measure of success, the date it was done and the evidence of impact. ${filters} Only the partnership’s admins and business managers (403 for other members; 404 for a partnership the person does not belong to). Each export is recorded in the audit log with its filters and number of rows.`,
    tags,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('trackActions'),
    query: listActionsQuery,
    response: { status: 200, schema: null, description: 'The Excel file, as an attachment' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => {
      const { body, fileName } = await exportActions(memberCtx(ctx), query);
      return new Respond(body, 200, (reply) => {
        reply.type(xlsxType);
        reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
        reply.header('X-Content-Type-Options', 'nosniff');
      });
    },
  }),
];
