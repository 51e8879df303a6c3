import type { AnyRoute } from '../http/route.ts';

/** The routes of the reviewer pool and the training programme. */
export const trainingRoutes: AnyRoute[] = [];
