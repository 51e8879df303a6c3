import { useQuery } from '@tanstack/react-query';
import type { AuditEventDto, AuditEventList } from '#domain/audit/audit.ts';
import { api, queryString } from './client.ts';
import { partnershipPath } from './partnership.ts';

export type { AuditEventDto };

export type AuditFilters = {
  action?: string;
  actorUserId?: string;
  entityType?: string;
  from?: string;
  to?: string;
  before?: string;
};

/** A page of the partnership's audit log, newest first, narrowed by the filters. */
export function useAuditEvents(partnershipId: string, filters: AuditFilters) {
  return useQuery({
    queryKey: ['partnership', partnershipId, 'audit', filters],
    queryFn: () =>
      api.get<AuditEventList>(`${partnershipPath(partnershipId)}/audit-events${queryString(filters)}`),
    staleTime: 0,
  });
}
