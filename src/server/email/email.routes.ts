import type { AnyRoute } from '../http/route.ts';

/** Password reset and invitation links sent by email, and the outbox administrators can check. */
export const emailRoutes: AnyRoute[] = [];
