import type { AnyRoute } from '../http/route.ts';

/** The routes of a partnership's versioned reference data. */
export const referenceRoutes: AnyRoute[] = [];
