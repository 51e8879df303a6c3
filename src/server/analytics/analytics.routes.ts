import type { AnyRoute } from '../http/route.ts';

/** Analytics across a partnership's reviews, their CSV data and the annual-report data pack. */
export const analyticsRoutes: AnyRoute[] = [];
