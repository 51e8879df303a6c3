import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { actionRoutes } from './action/action.routes.ts';
import { boardResponseRoutes } from './action/board-response.routes.ts';
import { analysisRoutes } from './analysis/analysis.routes.ts';
import { analyticsRoutes } from './analytics/analytics.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { mfaRoutes } from './auth/mfa.routes.ts';
import { securityPolicyRoutes } from './auth/security-policy.routes.ts';
import { chronologyRoutes } from './chronology/chronology.routes.ts';
import type { Config } from './config.ts';
import { conversationRoutes } from './conversation/conversation.routes.ts';
import type { Database } from './db/client.ts';
import { documentRoutes } from './document/document.routes.ts';
import { emailRoutes } from './email/email.routes.ts';
import { findingRoutes } from './finding/finding.routes.ts';
import { apiDocsCss, renderApiDocs } from './http/api-docs.ts';
import { installErrorHandler } from './http/errors.ts';
import { loggerOptions } from './http/logging.ts';
import { buildOpenApi } from './http/openapi.ts';
import { type AnyRoute, registerRoutes } from './http/route.ts';
import { systemRoutes } from './http/system.routes.ts';
import { intakeRoutes } from './intake/intake.routes.ts';
import { letterRoutes } from './letter/letter.routes.ts';
import { libraryRoutes } from './library/library.routes.ts';
import { meetingRoutes } from './meeting/meeting.routes.ts';
import { participantRoutes } from './participant/participant.routes.ts';
import { partnershipRoutes } from './partnership/partnership.routes.ts';
import { appVersion } from './paths.ts';
import { pseudonymRoutes } from './pseudonym/pseudonym.routes.ts';
import { publicationRoutes } from './publication/publication.routes.ts';
import { qualityRoutes } from './quality/quality.routes.ts';
import { supervisionRoutes } from './quality/supervision.routes.ts';
import { referenceRoutes } from './reference/reference.routes.ts';
import { reportRoutes } from './report/report.routes.ts';
import { reportReviewRoutes } from './report/report-review.routes.ts';
import { retentionRoutes } from './retention/retention.routes.ts';
import { reviewRoutes } from './review/review.routes.ts';
import { searchRoutes } from './search/search.routes.ts';
import { ssoRoutes } from './sso/sso.routes.ts';
import { apiTokenRoutes } from './token/token.routes.ts';
import { trainingRoutes } from './training/training.routes.ts';
import { transferRoutes } from './transfer/transfer.routes.ts';
import { userRoutes } from './user/user.routes.ts';

export type BuildAppOptions = {
  database: Database;
  config: Config;
  /** Overrides the logger, e.g. to capture log lines in a test. */
  logger?: FastifyServerOptions['loggerInstance'] | boolean;
};

/** Every API route of Sightlines; the OpenAPI description and the authorization tests read this list. */
export function apiRoutes(database: Database): AnyRoute[] {
  return [
    ...systemRoutes({ version: appVersion, database: database.kind }),
    ...authRoutes,
    ...ssoRoutes,
    ...emailRoutes,
    ...mfaRoutes,
    ...securityPolicyRoutes,
    ...apiTokenRoutes,
    ...partnershipRoutes,
    ...userRoutes,
    ...auditRoutes,
    ...intakeRoutes,
    ...reviewRoutes,
    ...participantRoutes,
    ...searchRoutes,
    ...meetingRoutes,
    ...letterRoutes,
    ...chronologyRoutes,
    ...conversationRoutes,
    ...documentRoutes,
    ...analysisRoutes,
    ...referenceRoutes,
    ...findingRoutes,
    ...pseudonymRoutes,
    ...publicationRoutes,
    ...reportRoutes,
    ...reportReviewRoutes,
    ...qualityRoutes,
    ...supervisionRoutes,
    ...trainingRoutes,
    ...boardResponseRoutes,
    ...actionRoutes,
    ...libraryRoutes,
    ...analyticsRoutes,
    ...retentionRoutes,
    ...transferRoutes,
  ];
}

const csp = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Builds the Fastify application: security headers, API routes, OpenAPI, and the web app. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  const app = Fastify({
    ...(options.logger && typeof options.logger === 'object'
      ? { loggerInstance: options.logger }
      : { logger: options.logger === false ? false : loggerOptions(config.logLevel) }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  });
  // Only JSON bodies: a cross-site HTML form cannot send application/json without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifyHelmet, {
    // Each response gets fresh script and style nonces; the web app's index carries them (errors.ts).
    enableCSPNonces: true,
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (request.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });
  await app.register(fastifyCookie);
  installErrorHandler(app, { webIndex: webIndexPath(config) });

  const routes = apiRoutes(database);
  registerRoutes(app, routes, { database, config });
  const spec = buildOpenApi(routes, { version: appVersion });
  const docsHtml = renderApiDocs(spec as unknown as Parameters<typeof renderApiDocs>[0]);
  app.get('/api/openapi.json', async () => spec);
  app.get('/api/docs', async (_req, reply) => reply.type('text/html; charset=utf-8').send(docsHtml));
  app.get('/api/docs.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(apiDocsCss));

  if (webIndexPath(config)) {
    await app.register(fastifyStatic, {
      root: config.webDir,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        res.header(
          'Cache-Control',
          path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
}

function webIndexPath(config: Config): string | null {
  const index = join(config.webDir, 'index.html');
  return existsSync(index) ? index : null;
}
