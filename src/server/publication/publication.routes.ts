import { publicationDto, recordPublicationInput } from '#domain/publication/publication.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { getPublication, recordPublication } from './publication.service.ts';

const tags = ['Publication'];
const url = '/api/partnerships/:partnershipId/reviews/:reviewId/publication';

/**
 * The routes of a review's publication record: whether the report is published, notice to the
 * national panel and the Department for Education, when and where it is published, when it may come
 * down, and when it went to the NSPCC national case review repository. The review team side and the
 * board see it; the chair and the business manager (and the partnership's admins and business
 * managers) record it.
 */
export const publicationRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url,
    operationId: 'getPublication',
    summary: 'The review’s publication record',
    description:
      'The decision whether to publish (with its reason), how the report is published, when notice was sent to the Child Safeguarding Practice Review Panel and the Department for Education, the planned and actual publication dates, its address, the earliest date it may come down (12 months after publication) and the date chosen, when it was sent to the NSPCC national case review repository, and `checks`: what is still needed for a complete record. Before anyone records anything the record is undecided, at version 0.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewPublication'),
    response: { status: 200, schema: publicationDto, description: 'The publication record' },
    errors: [401, 403, 404],
    handler: async (ctx) => getPublication(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url,
    operationId: 'recordPublication',
    summary: 'Record whether, how, when and where the report is published',
    description:
      'Send the whole record with the version it is based on (0 before anything is recorded); a field left out or empty is cleared. If someone else changed the record since, the answer is 409 with the record as it is now in `details.current`, and nothing changes. Each broken rule is a 400 naming its field: a decision not to publish needs its reason, and a redacted or delayed report the reason why; publication details only for a report being published; notices sent on or before the publication date; dates of what was done not after today; an https address; a removal date no earlier than 12 months after publication (the message gives the earliest date); the repository date on or after publication.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('recordPublication', { lock: true }),
    body: recordPublicationInput,
    response: { status: 200, schema: publicationDto, description: 'The record after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => recordPublication(reviewCtx(ctx), body),
  }),
];
