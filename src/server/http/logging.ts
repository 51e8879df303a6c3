import type { FastifyRequest } from 'fastify';

/**
 * Logger settings: structured JSON lines that never carry personal data or secrets. Requests are
 * logged by method, path (no query string: it may hold search terms) and status; headers, bodies,
 * cookies and addresses are never logged.
 */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: ['req.headers', 'req.body', 'res.headers', '*.password', '*.token', '*.email'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: FastifyRequest) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}
