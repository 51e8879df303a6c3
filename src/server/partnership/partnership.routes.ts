import { z } from 'zod';
import { agencyDto, agencyList, createAgencyInput, updateAgencyInput } from '#domain/partnership/agency.ts';
import { partnershipDto, partnershipParams } from '#domain/partnership/partnership.ts';
import { id } from '#domain/shared/fields.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { memberCtx, partnershipAccess } from './access.ts';
import { createAgency, listAgencies, updateAgency } from './agency.service.ts';
import { getPartnership } from './partnership.service.ts';

const agencyParams = z.object({ partnershipId: id, agencyId: id });

export const partnershipRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId',
    operationId: 'getPartnership',
    summary: 'A partnership the person belongs to, with counts and what they may do',
    tags: ['Partnership'],
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('viewPartnership'),
    response: { status: 200, schema: partnershipDto, description: 'The partnership' },
    errors: [401, 404],
    handler: async (ctx) => getPartnership(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/agencies',
    operationId: 'listAgencies',
    summary: 'The agencies in the partnership',
    tags: ['Agencies'],
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('listAgencies'),
    response: { status: 200, schema: agencyList, description: 'Agencies' },
    errors: [401, 404],
    handler: async (ctx) => listAgencies(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/partnerships/:partnershipId/agencies',
    operationId: 'createAgency',
    summary: 'Add an agency to the partnership',
    tags: ['Agencies'],
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('manageAgencies'),
    body: createAgencyInput,
    response: { status: 201, schema: agencyDto, description: 'The agency was added' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createAgency(memberCtx(ctx), body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/partnerships/:partnershipId/agencies/:agencyId',
    operationId: 'updateAgency',
    summary: 'Change an agency',
    description:
      'Send the version you read; a change based on an older version is refused with 409 and the current agency.',
    tags: ['Agencies'],
    auth: 'session',
    params: agencyParams,
    access: partnershipAccess('manageAgencies'),
    body: updateAgencyInput,
    response: { status: 200, schema: agencyDto, description: 'The agency after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateAgency(memberCtx(ctx), params.agencyId, body),
  }),
];
