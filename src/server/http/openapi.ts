import { z } from 'zod';
import { errorCodes } from '#domain/shared/app-error.ts';
import type { AnyRoute } from './route.ts';

const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z
      .object({
        fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
        retryAfterSeconds: z.int().optional(),
        current: z.unknown().optional().describe('For 409 stale_version: the record as it is now'),
      })
      .catchall(z.unknown())
      .optional(),
  }),
});

const errorDescriptions: Record<number, string> = {
  400: 'Invalid input: `details.fields` names each field and why',
  401: 'Not signed in, or the session has ended',
  403: 'Signed in, but not allowed to do this (or the CSRF token is missing)',
  404: 'Not found, or not visible to this person',
  409: 'Conflict: the record changed since it was read (`stale_version`, with the current record) or a rule refused the change',
  413: 'The request body is too large',
  415: 'The request body is not JSON',
  422: 'The uploaded file holds a virus (`details.reason: virus_found`) and was not saved',
  429: 'Too many attempts; `Retry-After` says how long to wait',
  503: 'The virus scanner could not check the file (`details.reason: virus_scanner_unavailable`); nothing was saved',
};

type JsonSchema = Record<string, unknown>;
const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parameters(route: AnyRoute) {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    const json = toSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: prop,
        ...(prop.description ? { description: prop.description } : {}),
      });
    }
  }
  return out;
}

/** Builds the OpenAPI 3.1 description from the same route declarations the server runs. */
export function buildOpenApi(routes: AnyRoute[], info: { version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, unknown> = {
      [String(route.response.status)]: {
        description: route.response.description,
        ...(route.response.schema
          ? { content: { 'application/json': { schema: toSchema(route.response.schema, 'output') } } }
          : {}),
      },
    };
    for (const status of route.errors ?? []) {
      responses[String(status)] = {
        description: errorDescriptions[status] ?? 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      tags: route.tags,
      security:
        route.auth !== 'session'
          ? []
          : route.method === 'GET'
            ? [{ sessionCookie: [] }, { apiToken: [] }]
            : [{ sessionCookie: [] }],
      parameters: parameters(route),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sightlines API',
      version: info.version,
      description:
        'Multi-agency case reviews in child safeguarding. Sign in with `POST /api/session`; the session cookie authenticates later requests, and every write made with it must send the `X-CSRF-Token` header from the session. Errors always have the shape `{ error: { code, message, details } }`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sightlines_session',
          description: '`__Host-sightlines_session` over HTTPS',
        },
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token made by a partnership admin (`Authorization: Bearer sl_…`): read-only, limited to its partnership and its scopes, revocable.',
        },
      },
      schemas: { Error: toSchema(errorBody, 'output') },
    },
    paths,
  };
}
