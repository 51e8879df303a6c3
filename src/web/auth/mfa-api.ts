import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MfaEnrolmentDto, MfaVerificationDto } from '#domain/auth/mfa.ts';
import type { SessionDto } from '#domain/auth/session.ts';
import { api, apiRequest, setCsrfToken } from '../api/client.ts';
import { sessionKey } from '../api/query-client.ts';

export type { MfaEnrolmentDto, MfaVerificationDto };

/** Keeps the session the server answered with, and its CSRF token (renewed after the second step). */
function useKeepSession() {
  const client = useQueryClient();
  return (session: SessionDto) => {
    setCsrfToken(session.csrfToken);
    client.setQueryData(sessionKey, session);
  };
}

/** Starts setting up two-step verification: a new secret for the authenticator app. */
export function useEnrolMfa() {
  return useMutation({
    mutationFn: () => api.post<MfaEnrolmentDto>('/api/session/mfa/enrolment'),
  });
}

/** Sends a code (or a recovery code): finishes signing in, or turns two-step verification on. */
export function useVerifyMfa() {
  const keep = useKeepSession();
  return useMutation({
    mutationFn: (input: { code: string } | { recoveryCode: string }) =>
      api.post<MfaVerificationDto>('/api/session/mfa/verification', input),
    onSuccess: (result) => keep(result.session),
  });
}

/** Turns two-step verification off, with the current password and a code. */
export function useDisableMfa() {
  const keep = useKeepSession();
  return useMutation({
    mutationFn: (input: { currentPassword: string } & ({ code: string } | { recoveryCode: string })) =>
      apiRequest<SessionDto>('DELETE', '/api/session/mfa', input),
    onSuccess: keep,
  });
}
