import type { AnyRoute } from '../http/route.ts';

/** The routes of a review's pseudonym register. */
export const pseudonymRoutes: AnyRoute[] = [];
