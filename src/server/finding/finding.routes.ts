import type { AnyRoute } from '../http/route.ts';

/** The routes of a review's findings about the system. */
export const findingRoutes: AnyRoute[] = [];
