import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ApiTokenDto,
  ApiTokenList,
  CreateApiTokenInput,
  CreatedApiTokenDto,
} from '#domain/token/token.ts';
import { api } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';

export type { ApiTokenDto, ApiTokenList, CreatedApiTokenDto };

const tokensKey = (p: string) => ['partnership', p, 'api-tokens'] as const;
const tokensPath = (p: string) => `${partnershipPath(p)}/api-tokens`;

/** The partnership's API tokens. */
export function useApiTokens(partnershipId: string) {
  return useQuery({
    queryKey: tokensKey(partnershipId),
    queryFn: () => api.get<ApiTokenList>(tokensPath(partnershipId)),
  });
}

/** Creates a token; the answer holds it this once. */
export function useCreateApiToken(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiTokenInput) =>
      api.post<CreatedApiTokenDto>(tokensPath(partnershipId), input),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokensKey(partnershipId) }),
  });
}

/** Revokes a token: it stops working at once. */
export function useRevokeApiToken(partnershipId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      api.delete(`${tokensPath(partnershipId)}/${encodeURIComponent(tokenId)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: tokensKey(partnershipId) }),
  });
}
