import { partnershipParams } from '#domain/partnership/partnership.ts';
import {
  publishReferenceInput,
  referenceDataDto,
  referenceKindParams,
  referenceVersionDto,
  referenceVersionParams,
} from '#domain/reference/reference.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { getReferenceVersion, listReferenceData, publishReferenceVersion } from './reference-data.service.ts';

const tags = ['Reference data'];

/** The routes of a partnership's versioned reference data. */
export const referenceRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/reference-data',
    operationId: 'listReferenceData',
    summary: 'The partnership’s reference data: each kind’s current version and every version published',
    tags,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('viewReferenceData'),
    response: { status: 200, schema: referenceDataDto, description: 'Reference data by kind' },
    errors: [401, 404],
    handler: async (ctx) => listReferenceData(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/reference-data/:referenceKind/versions/:referenceVersion',
    operationId: 'getReferenceVersion',
    summary: 'One version of one kind of reference data, with its content',
    tags,
    auth: 'session',
    params: referenceVersionParams,
    access: partnershipAccess('viewReferenceData'),
    response: { status: 200, schema: referenceVersionDto, description: 'The version' },
    errors: [401, 404],
    handler: async (ctx, { params }) =>
      getReferenceVersion(memberCtx(ctx), params.referenceKind, params.referenceVersion),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/partnerships/:partnershipId/reference-data/:referenceKind/versions',
    operationId: 'publishReferenceVersion',
    summary: 'Publish a new version of one kind of reference data',
    description:
      'Send the whole content and the version it was edited from; if a newer version has been published since, the answer is 409 with the current version. Reviews already analysed with an older version keep it.',
    tags,
    auth: 'session',
    params: referenceKindParams,
    access: partnershipAccess('manageReferenceData'),
    body: publishReferenceInput,
    response: { status: 201, schema: referenceVersionDto, description: 'The version was published' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) =>
      publishReferenceVersion(memberCtx(ctx), params.referenceKind, body),
  }),
];
