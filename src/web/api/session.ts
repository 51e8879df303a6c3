import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '#domain/auth/session.ts';
import { ApiError, api, setCsrfToken } from './client.ts';
import { sessionKey } from './query-client.ts';

export type Session = SessionDto;
export type Membership = SessionDto['memberships'][number];

/** The API address of the signed-in person's session. */
export const sessionPath = '/api/session';

async function loadSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>(sessionPath);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in person's session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: loadSession, staleTime: 60_000 });
}

/** Signs in with an email address and password. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    meta: { signingIn: true },
    mutationFn: (input: { email: string; password: string }) => api.post<Session>('/api/session', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
      client.setQueryData(sessionKey, session);
    },
  });
}

/**
 * Ends the session on the server, then loads the sign-in page afresh: a full page load leaves
 * nothing from the session (cached records, half-filled forms) in the browser's memory.
 */
export function useSignOut() {
  return useMutation({
    meta: { signingIn: true },
    mutationFn: () => api.delete('/api/session'),
    onSettled: () => window.location.assign('/sign-in?signed-out=yes'),
  });
}

/** Changes the signed-in person's password. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      api.post<Session>('/api/session/password', input),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(sessionKey, session);
    },
  });
}
