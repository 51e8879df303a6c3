import type { AnyRoute } from '../http/route.ts';

/** The routes that take a version of the report through circulation for comment and the sign-off chain. */
export const reportReviewRoutes: AnyRoute[] = [];
