import { partnershipParams } from '#domain/partnership/partnership.ts';
import {
  createUserInput,
  createUserResult,
  updateUserInput,
  userDto,
  userList,
  userParams,
} from '#domain/user/user.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { createUser, listUsers, updateUser } from './user.service.ts';

const tags = ['People'];

export const userRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/users',
    operationId: 'listUsers',
    summary: 'The people in the partnership',
    tags,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('listUsers'),
    response: { status: 200, schema: userList, description: 'People' },
    errors: [401, 403, 404],
    handler: async (ctx) => listUsers(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/partnerships/:partnershipId/users',
    operationId: 'createUser',
    summary: 'Add a person to the partnership',
    tags,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('manageUsers'),
    body: createUserInput,
    response: { status: 201, schema: createUserResult, description: 'The person was added' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createUser(memberCtx(ctx), body),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/partnerships/:partnershipId/users/:userId',
    operationId: 'updateUser',
    summary: 'Change a person’s role, agency, job title or whether they are active',
    tags,
    auth: 'session',
    params: userParams,
    access: partnershipAccess('manageUsers'),
    body: updateUserInput,
    response: { status: 200, schema: userDto, description: 'The person after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateUser(memberCtx(ctx), params.userId, body),
  }),
];
