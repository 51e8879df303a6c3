import { auditEventList, listAuditQuery } from '#domain/audit/audit.ts';
import { partnershipParams } from '#domain/partnership/partnership.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { listAuditEvents, recordAudit } from './audit.service.ts';

export const auditRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/audit-events',
    operationId: 'listAuditEvents',
    summary: 'The partnership’s audit log, newest first, filtered',
    tags: ['Audit'],
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('viewAudit'),
    query: listAuditQuery,
    response: { status: 200, schema: auditEventList, description: 'Audit events' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => {
      const m = memberCtx(ctx);
      if (!query.before) {
        // Who looked at the log, and for what, is itself on the record (first page only, not every page turn).
        const filters = Object.fromEntries(
          Object.entries(query).filter(([k, v]) => k !== 'limit' && v !== undefined),
        );
        await recordAudit(m.tx, {
          partnershipId: m.membership.partnershipId,
          actorUserId: m.principal.userId,
          action: 'audit.viewed',
          entityType: 'audit',
          details: { filters },
          at: m.now,
        });
      }
      return listAuditEvents(m.tx, m.membership.partnershipId, query);
    },
  }),
];
