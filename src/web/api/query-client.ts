import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthenticated, setCsrfToken } from './client.ts';

export const sessionKey = ['session'] as const;

/** Forgets everything held about the signed-in person: used on sign-out and when a session ends. */
export function forgetSession(client: QueryClient): void {
  setCsrfToken(null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
  client.setQueryData(sessionKey, null);
}

/**
 * The app's query client. A 401 from any call means the session has ended: the cached data is
 * dropped and the session becomes null, so the sign-in guard sends the person to sign in again.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isUnauthenticated(error) && query.queryKey[0] !== sessionKey[0]) forgetSession(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (isUnauthenticated(error) && !mutation.options.meta?.signingIn) forgetSession(client);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 1 && (!(error instanceof ApiError) || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
