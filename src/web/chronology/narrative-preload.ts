import { preloadGet } from '../api/client.ts';
import { sessionPath } from '../api/session.ts';
import { reviewPath } from '../review/api.ts';
import { eventPagePath, narrativeFilters } from './api.ts';

const narrativeAddress = /^\/partnerships\/([^/]+)\/reviews\/([^/]+)\/narrative\/?$/;

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * When a page load arrives at a review's narrative, asks at once for everything the page waits for:
 * the session, the review, the first page of events and the page's code. Without this they would be
 * asked for one after another, each once the step before had answered. Returns whether it did.
 */
export function preloadNarrative(pathname: string, search: string): boolean {
  const match = narrativeAddress.exec(pathname);
  const partnershipId = match?.[1] ? decoded(match[1]) : null;
  const reviewId = match?.[2] ? decoded(match[2]) : null;
  if (!partnershipId || !reviewId) return false;
  preloadGet(sessionPath);
  preloadGet(reviewPath(partnershipId, reviewId));
  preloadGet(eventPagePath(partnershipId, reviewId, narrativeFilters(new URLSearchParams(search)), 0));
  void import('./narrative-routes.tsx').catch(() => undefined);
  return true;
}
