import {
  addSupervisionCommentInput,
  listSupervisionQuery,
  recordSupervisionSessionInput,
  replySupervisionInput,
  supervisionSessionDto,
  supervisionSessionList,
  supervisionThreadDto,
  supervisionThreadList,
  supervisionThreadParams,
} from '#domain/quality/supervision.ts';
import { mayInReview, type ReviewAction } from '#domain/review/policy.ts';
import { reviewParams } from '#domain/review/review.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Ctx } from '../http/context.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { type ReviewCtx, reviewAccess, reviewCtx } from '../review/access.ts';
import {
  addSupervisionComment,
  listSupervisionComments,
  listSupervisionSessions,
  loadThread,
  recordSupervisionSession,
  replyToSupervisionComment,
  resolveSupervisionComment,
} from './supervision.service.ts';

const tags = ['Supervision'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId';
const threadUrl = `${base}/supervision/:threadId`;
const write = { lock: true };

/** Who may use a route, and what everyone else gets. */
const who = (roles: string) =>
  `Allowed: ${roles} of the review, and the partnership’s admins and business managers. Anyone else with a part in the review gets 403; a person with no part in it (or from another partnership) gets 404.`;
const readers = who('the supervisors, lead reviewers, trainee reviewers and business manager');
const answerers = who('the lead reviewers, trainee reviewers and supervisors');

/**
 * Route access for a thread: the review must be visible (404), the person must be allowed the action
 * (403), and then the thread named in the path must be one of this review's (404).
 */
function threadAccess(action: ReviewAction) {
  const inner = reviewAccess('viewReview', write);
  return async (ctx: Ctx, params: { partnershipId: string; reviewId: string; threadId: string }) => {
    const r: ReviewCtx = await inner(ctx, params);
    if (!mayInReview(r.actor, action)) throw AppError.forbidden();
    await loadThread(r, params.threadId);
    return r;
  };
}

/** The routes of supervision in a review: comment threads and the log of sessions. */
export const supervisionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/supervision`,
    operationId: 'listSupervisionComments',
    summary: 'The supervisor’s comment threads on the review',
    description: `Threads newest first, each with its replies oldest first, the names and roles in this review of those who wrote them, and what it is about (like “Episode 3: …”, “Finding 2: …” or “Report: <section title>”). Give \`targetType\` and \`targetId\` to see only the threads about one thing. \`abilities.comment\` says whether the person may open a thread; each thread’s \`abilities\` whether they may reply and resolve it (only while it is open). ${readers}`,
    tags,
    auth: 'session',
    params: reviewParams,
    query: listSupervisionQuery,
    access: reviewAccess('viewSupervision'),
    response: {
      status: 200,
      schema: supervisionThreadList,
      description: 'The threads and what the person may do',
    },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => listSupervisionComments(reviewCtx(ctx), query),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/supervision`,
    operationId: 'addSupervisionComment',
    summary: 'Comment on an episode, a finding or a report section',
    description: `The target must be this review’s: the id of one of its key practice episodes or findings, or the id of a section in the latest version of its report (like “findings.finding-2”). Before the report has a version, the sections of the fixed report structure count: \`introduction\`, \`limitations\`, \`research-questions\`, \`appraisal\`, \`window\`, \`findings-summary\`, \`findings\` and \`appendices\`, and a part of one written as the id, a dot and a lowercase name with hyphens (like “introduction.why-this-case”). Anything else is a 400 naming \`targetId\`, as if it did not exist. The comment opens a thread. ${who('the supervisors')}`,
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('addSupervisionComment', write),
    body: addSupervisionCommentInput,
    response: { status: 201, schema: supervisionThreadDto, description: 'The new thread' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => addSupervisionComment(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${threadUrl}/replies`,
    operationId: 'replyToSupervisionComment',
    summary: 'Reply to a supervision comment',
    description: `The reply goes at the end of the thread. A thread of another review is 404. A resolved thread takes replies too and stays resolved. ${answerers}`,
    tags,
    auth: 'session',
    params: supervisionThreadParams,
    access: threadAccess('answerSupervision'),
    body: replySupervisionInput,
    response: { status: 201, schema: supervisionThreadDto, description: 'The thread with the new reply' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { params, body }) =>
      replyToSupervisionComment(reviewCtx(ctx), params.threadId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${threadUrl}/resolve`,
    operationId: 'resolveSupervisionComment',
    summary: 'Resolve a supervision comment',
    description: `Records who resolved the thread and when. Resolving a thread already resolved changes nothing. A thread of another review is 404. ${answerers}`,
    tags,
    auth: 'session',
    params: supervisionThreadParams,
    access: threadAccess('answerSupervision'),
    response: { status: 200, schema: supervisionThreadDto, description: 'The resolved thread' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => resolveSupervisionComment(reviewCtx(ctx), params.threadId),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/supervision-sessions`,
    operationId: 'listSupervisionSessions',
    summary: 'The review’s supervision log',
    description: `The group and individual supervision sessions held during the review, the most recent first, with who recorded each. \`abilities.record\` says whether the person may record one. ${readers}`,
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewSupervision'),
    response: {
      status: 200,
      schema: supervisionSessionList,
      description: 'The sessions and what the person may do',
    },
    errors: [401, 403, 404],
    handler: async (ctx) => listSupervisionSessions(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/supervision-sessions`,
    operationId: 'recordSupervisionSession',
    summary: 'Record a supervision session',
    description: `A group or individual session, with who attended and notes. The date must be a real date no later than today in London, or the 400 names \`heldOn\`. ${answerers}`,
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('recordSupervisionSession', write),
    body: recordSupervisionSessionInput,
    response: { status: 201, schema: supervisionSessionDto, description: 'The recorded session' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => recordSupervisionSession(reviewCtx(ctx), body),
  }),
];
