import { sessionDto } from '#domain/auth/session.ts';
import {
  acceptInvitationInput,
  addParticipantInput,
  addParticipantResult,
  invitationDto,
  invitationParams,
  participantDto,
  participantList,
  participantParams,
  updateParticipantInput,
} from '#domain/participant/participant.ts';
import { reviewParams } from '#domain/review/review.ts';
import { id } from '#domain/shared/fields.ts';
import { setSessionCookie } from '../auth/authenticate.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { acceptInvitation, getInvitation } from './invitation.service.ts';
import {
  addParticipant,
  listParticipants,
  reissueInvitation,
  updateParticipant,
} from './participant.service.ts';

const tags = ['People in a review'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId/participants';

export const participantRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'listParticipants',
    summary: 'The people in a review and their roles',
    description:
      'The case group and family are listed only for the review team side; others see the review team and themselves.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewParticipants'),
    response: { status: 200, schema: participantList, description: 'People' },
    errors: [401, 404],
    handler: async (ctx) => listParticipants(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    operationId: 'addParticipant',
    summary: 'Add a person to a review in a role, inviting them when they have no account',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('manageParticipants'),
    body: addParticipantInput,
    response: {
      status: 201,
      schema: addParticipantResult,
      description: 'Added; invitationUrl is shown once',
    },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => addParticipant(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'PATCH',
    url: `${base}/:participantId`,
    operationId: 'updateParticipant',
    summary: 'Change a person’s part in a review, or remove them',
    tags,
    auth: 'session',
    params: participantParams,
    access: reviewAccess('manageParticipants'),
    body: updateParticipantInput,
    response: { status: 200, schema: participantDto, description: 'After the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateParticipant(reviewCtx(ctx), params.participantId, body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/:participantId/invitation`,
    operationId: 'reissueInvitation',
    summary: 'Replace a person’s lost or expired invitation link with a new one',
    tags,
    auth: 'session',
    params: participantParams,
    access: reviewAccess('manageParticipants'),
    response: { status: 200, schema: addParticipantResult, description: 'The new link, shown once' },
    errors: [401, 403, 404, 409],
    handler: async (ctx, { params }) => reissueInvitation(reviewCtx(ctx), params.participantId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/invitations/:token',
    operationId: 'getInvitation',
    summary: 'What an invitation link is for',
    tags,
    auth: 'none',
    params: invitationParams,
    response: { status: 200, schema: invitationDto, description: 'The invitation' },
    errors: [404],
    handler: async (ctx, { params }) => getInvitation(ctx, params.token),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/invitations/:token/accept',
    operationId: 'acceptInvitation',
    summary: 'Accept an invitation: create the account, join the review and sign in',
    tags,
    auth: 'none',
    params: invitationParams,
    body: acceptInvitationInput,
    response: {
      status: 200,
      schema: sessionDto.extend({ partnershipId: id, reviewId: id }),
      description: 'Signed in; the review the invitation was for',
    },
    errors: [400, 404, 409],
    handler: async (ctx, { params, body }) => {
      const result = await acceptInvitation(ctx, params.token, body);
      const answer = { ...result.session, partnershipId: result.partnershipId, reviewId: result.reviewId };
      return new Respond(answer, 200, (reply) =>
        setSessionCookie(reply, reply.request, ctx.config, result.sessionToken),
      );
    },
  }),
];
