import type { AnyRoute } from '../http/route.ts';

/** The routes of a review's report: the written sections, generating versions, downloads, the identifier scan and comparison. */
export const reportRoutes: AnyRoute[] = [];
