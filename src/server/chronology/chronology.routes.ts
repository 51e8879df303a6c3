import {
  chronologyEventDto,
  chronologyEventList,
  chronologyEventParams,
  createChronologyEventInput,
  deleteChronologyEventInput,
  deleteChronologyEventQuery,
  listChronologyQuery,
  mergeChronologyEventsInput,
  tunnelQuery,
  tunnelViewDto,
  updateChronologyEventInput,
} from '#domain/chronology/chronology.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import {
  deleteChronologyEvent,
  getChronologyEvent,
  listChronologyEvents,
  recordChronologyEvent,
  updateChronologyEvent,
} from './chronology.service.ts';
import { importRoutes } from './import.routes.ts';
import { mergeChronologyEvents } from './merge.service.ts';
import { getTunnelView } from './tunnel.service.ts';

const tags = ['Multi-agency narrative'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId/chronology';

const eventRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/events`,
    operationId: 'listChronologyEvents',
    summary: 'The multi-agency narrative: events in date order, filtered and paged',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewNarrative'),
    query: listChronologyQuery,
    response: {
      status: 200,
      schema: chronologyEventList,
      description: 'Events, the total and each agency’s count',
    },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => listChronologyEvents(reviewCtx(ctx), query),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/events`,
    operationId: 'createChronologyEvent',
    summary: 'Record an event in the narrative',
    description:
      'The recording agency knows of it from the date it happened; `sharedWith` says who else learned of it, and when.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('editNarrative', { lock: true }),
    body: createChronologyEventInput,
    response: { status: 201, schema: chronologyEventDto, description: 'The event as recorded' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => recordChronologyEvent(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/events/:eventId`,
    operationId: 'getChronologyEvent',
    summary: 'One event, with who knew, every perspective and its sources',
    tags,
    auth: 'session',
    params: chronologyEventParams,
    access: reviewAccess('viewNarrative'),
    response: { status: 200, schema: chronologyEventDto, description: 'The event' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => getChronologyEvent(reviewCtx(ctx), params.eventId),
  }),
  defineRoute({
    method: 'PATCH',
    url: `${base}/events/:eventId`,
    operationId: 'updateChronologyEvent',
    summary: 'Change an event; who knew, perspectives and sources are replaced when given',
    tags,
    auth: 'session',
    params: chronologyEventParams,
    access: reviewAccess('editNarrative', { lock: true }),
    body: updateChronologyEventInput,
    response: { status: 200, schema: chronologyEventDto, description: 'After the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateChronologyEvent(reviewCtx(ctx), params.eventId, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: `${base}/events/:eventId`,
    operationId: 'deleteChronologyEvent',
    summary: 'Remove an event from the narrative (give the version in the query or the body)',
    tags,
    auth: 'session',
    params: chronologyEventParams,
    access: reviewAccess('editNarrative', { lock: true }),
    query: deleteChronologyEventQuery,
    body: deleteChronologyEventInput,
    response: { status: 204, schema: null, description: 'Removed' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, query, body }) => {
      await deleteChronologyEvent(reviewCtx(ctx), params.eventId, query.version ?? body?.version);
      return undefined;
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/events/:eventId/merge`,
    operationId: 'mergeChronologyEvents',
    summary: 'Merge another agency’s record of the same event into this one, as a perspective',
    tags,
    auth: 'session',
    params: chronologyEventParams,
    access: reviewAccess('editNarrative', { lock: true }),
    body: mergeChronologyEventsInput,
    response: { status: 200, schema: chronologyEventDto, description: 'The merged event' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => mergeChronologyEvents(reviewCtx(ctx), params.eventId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/tunnel`,
    operationId: 'getTunnelView',
    summary:
      'The view from the tunnel: only what an agency, or a person through their agency, knew by a date',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewNarrative'),
    query: tunnelQuery,
    response: { status: 200, schema: tunnelViewDto, description: 'The events known by then' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => getTunnelView(reviewCtx(ctx), query),
  }),
];

/** Every route of the multi-agency narrative. */
export const chronologyRoutes: AnyRoute[] = [...eventRoutes, ...importRoutes];
