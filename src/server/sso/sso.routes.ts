import type { AnyRoute } from '../http/route.ts';

/** Single sign-on with a partnership's OpenID Connect provider, and its configuration. */
export const ssoRoutes: AnyRoute[] = [];
