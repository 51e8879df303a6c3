import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecurityPolicyDto, UpdateSecurityPolicyInput } from '#domain/auth/security-policy.ts';
import { apiRequest } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';
import { sessionKey } from '../api/query-client.ts';

export type { SecurityPolicyDto };

const policyKey = (p: string) => ['partnership', p, 'security-policy'] as const;
const policyPath = (p: string) => `${partnershipPath(p)}/security-policy`;

/** Who must use two-step verification in the partnership. */
export function useSecurityPolicy(partnershipId: string) {
  return useQuery({
    queryKey: policyKey(partnershipId),
    queryFn: () => apiRequest<SecurityPolicyDto>('GET', policyPath(partnershipId)),
  });
}

/** Changes the policy; the session is checked again, as the change may hold it until set-up. */
export function useUpdateSecurityPolicy(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSecurityPolicyInput) =>
      apiRequest<SecurityPolicyDto>('PUT', policyPath(partnershipId), input),
    onSuccess: (policy) => {
      client.setQueryData(policyKey(partnershipId), policy);
      void client.invalidateQueries({ queryKey: sessionKey });
    },
    onError: () => void client.invalidateQueries({ queryKey: policyKey(partnershipId) }),
  });
}
