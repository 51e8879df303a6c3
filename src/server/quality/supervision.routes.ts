import type { AnyRoute } from '../http/route.ts';

/** The routes of supervision in a review: comment threads and the log of sessions. */
export const supervisionRoutes: AnyRoute[] = [];
