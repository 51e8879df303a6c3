import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { signInPath } from './return-to.ts';

/**
 * Shows its pages only to someone signed in: others go to sign in (and come back here afterwards),
 * and someone who must choose a new password does that first.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryProblem error={session.error} />;
  const here = `${location.pathname}${location.search}`;
  if (!session.data) return <Navigate to={signInPath(here)} replace />;
  if (session.data.user.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to={`/password?to=${encodeURIComponent(here)}`} replace />;
  }
  return children;
}
