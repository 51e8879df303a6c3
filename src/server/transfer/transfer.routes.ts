import type { AnyRoute } from '../http/route.ts';

/** A review exported as versioned JSON, and imported again. */
export const transferRoutes: AnyRoute[] = [];
