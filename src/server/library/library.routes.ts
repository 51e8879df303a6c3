import type { AnyRoute } from '../http/route.ts';

/** The learning library: search across reviews, similar findings, sharing and imports. */
export const libraryRoutes: AnyRoute[] = [];
