import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import type { MfaSessionState } from '#domain/auth/mfa.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { authenticate, checkCsrf } from '../auth/authenticate.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import {
  authenticateApiToken,
  bearerToken,
  checkTokenPartnership,
  checkTokenReach,
} from '../token/authenticate-token.ts';
import type { Ctx, Principal } from './context.ts';
import { fieldErrors } from './errors.ts';

type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a handler receives; `received` is what the route's `receive` step took in before the transaction. */
export type RouteInput<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  received: unknown;
};

/** A request body taken in before the transaction (a file upload), and how to let go of it afterwards. */
export type Received = { value: unknown; release: () => Promise<void> };

/** A reply with a status other than the route's usual one, or with headers or cookies set by the handler. */
export class Respond<R> {
  constructor(
    readonly body: R | undefined,
    readonly status?: number,
    readonly apply?: (reply: FastifyReply) => void,
  ) {}
}

export type RouteDef<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> = {
  method: HttpMethod;
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /**
   * `session`: a signed-in person is required (401 otherwise), or an API token whose scopes open
   * the route (see `#domain/token/token.ts`); `none`: anyone.
   */
  auth: 'session' | 'none';
  /** Routes a person may use while they must still replace a temporary password. */
  allowWhilePasswordChangeRequired?: boolean;
  /**
   * The two-step verification states in which a session may use this route before it is complete:
   * only the session itself, signing out, and setting up or entering the code.
   */
  allowDuringMfa?: readonly MfaSessionState[];
  params?: P;
  query?: Q;
  body?: B;
  response: { status: number; schema: R | null; description: string };
  /** Error codes this route can answer with, for the OpenAPI description. */
  errors?: number[];
  /** Runs before the body is validated, so that visibility (404) and permission (403) come before input errors (400). */
  access?: (ctx: Ctx, params: z.output<P>) => Promise<Ctx>;
  /**
   * Takes in a streamed body (a file upload) after access is checked and before the transaction
   * opens, so a slow upload never holds a database connection. Access is checked again inside the
   * transaction; `release` runs whatever happens.
   */
  receive?: (request: FastifyRequest, config: Config) => Promise<Received>;
  /** Prepares what only this route needs (such as a multipart parser) in a Fastify context of its own. */
  setup?: (instance: FastifyInstance, config: Config) => Promise<void>;
  handler: (
    ctx: Ctx,
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
  ) => Promise<z.input<R> | Respond<unknown> | undefined>;
};

// biome-ignore lint/suspicious/noExplicitAny: a registry holds routes of every shape.
export type AnyRoute = RouteDef<any, any, any, any>;

/** Declares a route; the same declaration drives validation, handling and the OpenAPI description. */
export function defineRoute<
  P extends z.ZodType = z.ZodObject,
  Q extends z.ZodType = z.ZodObject,
  B extends z.ZodType = z.ZodUnknown,
  R extends z.ZodType = z.ZodUnknown,
>(def: RouteDef<P, Q, B, R>): RouteDef<P, Q, B, R> {
  return def;
}

/**
 * The path of the first string holding a NUL character, which PostgreSQL cannot store, or null.
 * Checked for every body so no endpoint can answer it with a 500. Walks with a stack of its own
 * rather than by recursion, so a body nested thousands of levels deep cannot exhaust the call stack.
 */
export function findNulCharacter(value: unknown, path = ''): string | null {
  const pending: { value: unknown; path: string }[] = [{ value, path }];
  const join = (at: string, key: string) => (at ? `${at}.${key}` : key);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value: v, path: at } = next;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return at;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) pending.push({ value: v[i], path: join(at, String(i)) });
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--)
        pending.push({ value: entries[i]![1], path: join(at, entries[i]![0]) });
    }
  }
  return null;
}

const isWrite = (method: string) => method !== 'GET' && method !== 'HEAD';

/**
 * Who is making the request: the API token when it sends `Authorization: Bearer …` (a bad token is
 * refused, never replaced by the session cookie), otherwise the person signed in with the cookie.
 */
async function identify(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { database: Database; config: Config },
): Promise<Principal | null> {
  const token = bearerToken(request);
  if (token !== null) return authenticateApiToken(token, deps.database, new Date());
  return authenticate(request, reply, deps);
}

/** Holds a session that has not finished two-step verification to the routes that finish it. */
function checkMfa(route: AnyRoute, principal: Principal): void {
  const state = principal.mfaState;
  if (!state || route.allowDuringMfa?.includes(state)) return;
  if (state === 'mfa_pending') {
    const message = 'Enter the code from your authenticator app to finish signing in.';
    throw new AppError('unauthenticated', message, { reason: 'mfa_required' });
  }
  throw new AppError('forbidden', 'Set up two-step verification before you continue.', {
    reason: 'mfa_enrolment_required',
  });
}

/** Registers routes on Fastify: authenticate, parse, open a transaction, run the handler, reply. */
export function registerRoutes(
  app: FastifyInstance,
  routes: AnyRoute[],
  deps: { database: Database; config: Config },
) {
  for (const route of routes) {
    const options: RouteOptions = {
      method: route.method,
      url: route.url,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const principalAndSession = route.auth === 'session' ? await identify(request, reply, deps) : null;
        if (route.auth === 'session' && !principalAndSession) throw AppError.unauthenticated();
        if (principalAndSession?.apiToken) checkTokenReach(route, principalAndSession.apiToken);
        else if (principalAndSession && isWrite(route.method)) checkCsrf(request, principalAndSession);
        if (principalAndSession) checkMfa(route, principalAndSession);
        if (principalAndSession?.mustChangePassword && !route.allowWhilePasswordChangeRequired) {
          throw new AppError('forbidden', 'Choose a new password before you continue.', {
            reason: 'password_change_required',
          });
        }

        const params = route.params ? route.params.safeParse(request.params) : { success: true, data: {} };
        // A malformed identifier in the path names nothing that exists.
        if (!params.success) throw AppError.notFound();
        if (principalAndSession?.apiToken) checkTokenPartnership(params.data, principalAndSession.apiToken);

        const baseCtx = (tx: Ctx['tx']): Ctx => ({
          tx,
          config: deps.config,
          principal: principalAndSession,
          address: request.ip,
          requestId: String(request.id ?? randomUUID()),
          now: new Date(),
        });
        let received: Received | null = null;
        if (route.receive) {
          const access = route.access;
          if (access)
            await deps.database.db.transaction(async (tx) => void (await access(baseCtx(tx), params.data)));
          received = await route.receive(request, deps.config);
        }
        try {
          const result = await deps.database.db.transaction(async (tx) => {
            let ctx = baseCtx(tx);
            if (route.access) ctx = await route.access(ctx, params.data);
            const queryNul = findNulCharacter(request.query);
            if (queryNul !== null) {
              throw AppError.invalid([
                { path: queryNul, message: 'Remove the invisible control character (NUL) from this value' },
              ]);
            }
            const query = route.query
              ? route.query.safeParse(request.query ?? {})
              : { success: true, data: {} };
            if (!query.success) throw AppError.invalid(fieldErrors(query.error));
            let body: { success: true; data: unknown } | { success: false; error: z.ZodError } = {
              success: true,
              data: undefined,
            };
            if (route.body) {
              const nul = findNulCharacter(request.body);
              if (nul !== null) {
                throw AppError.invalid([
                  {
                    path: nul || '(body)',
                    message: 'Remove the invisible control character (NUL) from this text',
                  },
                ]);
              }
              body = route.body.safeParse(request.body ?? {});
              if (!body.success) throw AppError.invalid(fieldErrors(body.error));
            }
            return route.handler(ctx, {
              params: params.data,
              query: query.data,
              body: body.data,
              request,
              received: received?.value,
            });
          });

          if (result instanceof Respond) {
            result.apply?.(reply);
            reply.status(result.status ?? route.response.status);
            return result.body === undefined ? reply.send() : reply.send(result.body);
          }
          reply.status(route.response.status);
          return result === undefined ? reply.send() : reply.send(result);
        } finally {
          await received?.release();
        }
      },
    };
    const setup = route.setup;
    if (setup) {
      app.register(async (child) => {
        await setup(child, deps.config);
        child.route(options);
      });
    } else app.route(options);
  }
}
