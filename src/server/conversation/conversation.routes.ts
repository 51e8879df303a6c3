import {
  changeConversationStatusInput,
  conversationParams,
  recordConversationInput,
  updateConversationInput,
} from '#domain/conversation/conversation.ts';
import { conversationDto, conversationList, conversationVersionList } from '#domain/conversation/dto.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { reviewParams } from '#domain/review/review.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Ctx } from '../http/context.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { loadVisibleConversation } from './conversation.presenter.ts';
import {
  changeConversationStatus,
  getConversation,
  listConversations,
  recordConversation,
  updateConversation,
} from './conversation.service.ts';
import { listConversationVersions } from './conversation-versions.service.ts';

const tags = ['Conversations'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId/conversations';

/**
 * Reviewers who see conversations, or a case group or family member who sees their own; a record
 * the person may not see is not found (404) before anything else is checked.
 */
function conversationAccess(options: { lock?: boolean } = {}) {
  const inner = reviewAccess('viewReview', options);
  return async (ctx: Ctx, params: { partnershipId: string; reviewId: string; conversationId?: string }) => {
    const r = await inner(ctx, params);
    if (!mayInReview(r.actor, 'viewConversations') && !mayInReview(r.actor, 'viewOwnConversation'))
      throw AppError.forbidden();
    if (params.conversationId) await loadVisibleConversation(r, params.conversationId);
    return r;
  };
}

export const conversationRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'listConversations',
    summary: 'The conversations held in a review',
    description:
      'Reviewers see every conversation; a case group or family member sees only their own, once it is shared with them.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: conversationAccess(),
    response: { status: 200, schema: conversationList, description: 'Conversations' },
    errors: [401, 403, 404],
    handler: async (ctx) => listConversations(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    operationId: 'recordConversation',
    summary: 'Record a conversation held with a member of the case group or family',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('recordConversations'),
    body: recordConversationInput,
    response: { status: 201, schema: conversationDto, description: 'Recorded as a draft' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => recordConversation(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:conversationId`,
    operationId: 'getConversation',
    summary: 'A conversation record, by section (each reading is audited)',
    tags,
    auth: 'session',
    params: conversationParams,
    access: conversationAccess(),
    response: { status: 200, schema: conversationDto, description: 'The record' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => getConversation(reviewCtx(ctx), params.conversationId),
  }),
  defineRoute({
    method: 'PATCH',
    url: `${base}/:conversationId`,
    operationId: 'updateConversation',
    summary: 'Change a conversation record while it is a draft or changes have been asked for',
    tags,
    auth: 'session',
    params: conversationParams,
    access: reviewAccess('recordConversations', { lock: true }),
    body: updateConversationInput,
    response: { status: 200, schema: conversationDto, description: 'After the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateConversation(reviewCtx(ctx), params.conversationId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:conversationId/status`,
    operationId: 'changeConversationStatus',
    summary: 'Share a record, confirm it or ask for changes (the person it is about), or mark it agreed',
    tags,
    auth: 'session',
    params: conversationParams,
    access: conversationAccess({ lock: true }),
    body: changeConversationStatusInput,
    response: { status: 200, schema: conversationDto, description: 'After the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) =>
      changeConversationStatus(reviewCtx(ctx), params.conversationId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:conversationId/versions`,
    operationId: 'listConversationVersions',
    summary: 'Every saved state of a conversation record (reviewers only; each reading is audited)',
    tags,
    auth: 'session',
    params: conversationParams,
    access: reviewAccess('viewConversations'),
    response: { status: 200, schema: conversationVersionList, description: 'Versions, newest first' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => listConversationVersions(reviewCtx(ctx), params.conversationId),
  }),
];
