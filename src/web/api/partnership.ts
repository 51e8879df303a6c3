import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgencyDto,
  AgencyList,
  CreateAgencyInput,
  UpdateAgencyInput,
} from '#domain/partnership/agency.ts';
import type { PartnershipDto } from '#domain/partnership/partnership.ts';
import { api } from './client.ts';

export type { AgencyDto, PartnershipDto };

const base = (partnershipId: string) => `/api/partnerships/${encodeURIComponent(partnershipId)}`;

export const partnershipKeys = {
  partnership: (partnershipId: string) => ['partnership', partnershipId] as const,
  agencies: (partnershipId: string) => ['partnership', partnershipId, 'agencies'] as const,
};

/** The partnership's summary: its name, counts and what the person may do there. */
export function usePartnership(partnershipId: string) {
  return useQuery({
    queryKey: partnershipKeys.partnership(partnershipId),
    queryFn: () => api.get<PartnershipDto>(base(partnershipId)),
  });
}

/** The partnership's agencies, and whether the person may add one. */
export function useAgencies(partnershipId: string, enabled = true) {
  return useQuery({
    queryKey: partnershipKeys.agencies(partnershipId),
    queryFn: () => api.get<AgencyList>(`${base(partnershipId)}/agencies`),
    enabled,
  });
}

/** Adds an agency to the partnership. */
export function useAddAgency(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateAgencyInput) => api.post<AgencyDto>(`${base(partnershipId)}/agencies`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: partnershipKeys.partnership(partnershipId) }),
  });
}

/** Changes an agency, based on the version the person was looking at. */
export function useChangeAgency(partnershipId: string, agencyId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateAgencyInput) =>
      api.patch<AgencyDto>(`${base(partnershipId)}/agencies/${encodeURIComponent(agencyId)}`, input),
    onSettled: () => client.invalidateQueries({ queryKey: partnershipKeys.partnership(partnershipId) }),
  });
}

export { base as partnershipPath };
