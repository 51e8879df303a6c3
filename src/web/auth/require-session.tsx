import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../api/session.ts';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { signInPath } from './return-to.ts';

/**
 * Shows its pages only to someone signed in: others go to sign in (and come back here afterwards),
 * someone with two-step verification still to do (or to set up) does that first, and someone who
 * must choose a new password does that next.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <QueryProblem error={session.error} />;
  const here = `${location.pathname}${location.search}`;
  if (!session.data) return <Navigate to={signInPath(here)} replace />;
  // The password alone is not enough where two-step verification is on or required.
  if (session.data.mfaPending)
    return <Navigate to={`/sign-in/code?to=${encodeURIComponent(here)}`} replace />;
  if (session.data.mfaEnrolmentRequired) {
    return <Navigate to={`/sign-in/set-up?to=${encodeURIComponent(here)}`} replace />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to={`/password?to=${encodeURIComponent(here)}`} replace />;
  }
  return children;
}
