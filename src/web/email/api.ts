import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordTokenDto } from '#domain/email/email.ts';
import { api } from '../api/client.ts';
import { forgetSession } from '../api/query-client.ts';

export type { PasswordTokenDto };

/** Asks for an email with a link to reset a forgotten password. */
export function useRequestPasswordReset() {
  return useMutation({
    // Made without a session, so a 401 here must not be taken as a session ending.
    meta: { signingIn: true },
    mutationFn: (input: { email: string }) => api.post<{ message: string }>('/api/password-reset', input),
  });
}

/** Whether a password link from an email still works, and what it is for. */
export function usePasswordToken(token: string) {
  return useQuery({
    queryKey: ['password-token', token],
    queryFn: () => api.post<PasswordTokenDto>('/api/password-tokens/lookup', { token }),
    enabled: token !== '',
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Sets a password with a link from an email; every session of the person ends, this browser's included. */
export function useSetPasswordFromLink() {
  const client = useQueryClient();
  return useMutation({
    meta: { signingIn: true },
    mutationFn: (input: { token: string; newPassword: string }) =>
      api.post<void>('/api/password-tokens/redeem', input),
    onSuccess: () => forgetSession(client),
  });
}
