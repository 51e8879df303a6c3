import type { AnyRoute } from '../http/route.ts';

/** The routes of a review's analysis: key practice episodes, factors, comments, the language check, the causal map. */
export const analysisRoutes: AnyRoute[] = [];
