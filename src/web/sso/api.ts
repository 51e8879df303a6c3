import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SsoConfigDto, UpdateSsoConfigInput } from '#domain/sso/sso.ts';
import { apiRequest } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';

export type { SsoConfigDto };

const ssoKey = (p: string) => ['partnership', p, 'sso'] as const;
const ssoPath = (p: string) => `${partnershipPath(p)}/sso`;

/** The partnership's single sign-on settings (never the client secret itself). */
export function useSsoConfig(partnershipId: string) {
  return useQuery({
    queryKey: ssoKey(partnershipId),
    queryFn: () => apiRequest<SsoConfigDto>('GET', ssoPath(partnershipId)),
  });
}

/** Saves the settings, based on the version shown. */
export function useUpdateSsoConfig(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSsoConfigInput) =>
      apiRequest<SsoConfigDto>('PUT', ssoPath(partnershipId), input),
    onSuccess: (config) => client.setQueryData(ssoKey(partnershipId), config),
    onError: () => void client.invalidateQueries({ queryKey: ssoKey(partnershipId) }),
  });
}

/** Leaves the web app for another address (the identity provider, through Sightlines' start address). */
export const browser = {
  go(url: string): void {
    window.location.assign(url);
  },
};
