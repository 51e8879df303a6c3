import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AnyRoute, defineRoute } from './route.ts';

export const healthDto = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
  time: z.string(),
});

/** Health for load balancers and operators: answers only when the database does. */
export function systemRoutes(info: { version: string; database: 'pglite' | 'postgres' }): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/health',
      operationId: 'getHealth',
      summary: 'Whether the service and its database are working',
      tags: ['System'],
      auth: 'none',
      response: { status: 200, schema: healthDto, description: 'Working' },
      errors: [],
      handler: async (ctx) => {
        await ctx.tx.execute(sql`select 1`);
        return {
          status: 'ok' as const,
          database: info.database,
          version: info.version,
          time: ctx.now.toISOString(),
        };
      },
    }),
  ];
}
