import type { AnyRoute } from '../http/route.ts';

/** Retention policy, erasure of a review's personal data, and subject access exports. */
export const retentionRoutes: AnyRoute[] = [];
