import type { AnyRoute } from '../http/route.ts';

/** The routes of the quality-marker self-assessment of a review, and the partners’ monitoring of time and quality. */
export const qualityRoutes: AnyRoute[] = [];
