import { reviewParams } from '#domain/review/review.ts';
import { searchEvidenceQuery, searchResults } from '#domain/search/search.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { searchEvidence } from './search.service.ts';

export const searchRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/reviews/:reviewId/search',
    operationId: 'searchReviewEvidence',
    summary: 'Search a review’s documents, conversations and narrative events',
    description:
      'Full-text search (`websearch_to_tsquery`: quotes for phrases, `-` to exclude). Matched words come back marked in `snippet`.',
    tags: ['Evidence'],
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('searchEvidence'),
    query: searchEvidenceQuery,
    response: { status: 200, schema: searchResults, description: 'Results, best first' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => searchEvidence(reviewCtx(ctx), query),
  }),
];
