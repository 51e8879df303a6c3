import type { MfaSessionState } from '#domain/auth/mfa.ts';
import type { ApiTokenScope } from '#domain/token/token.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import type { Config } from '../config.ts';
import type { Tx } from '../db/client.ts';

/** The signed-in person behind a request. */
export type Principal = {
  userId: string;
  name: string;
  email: string;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  sessionCreatedAt: Date;
  /** Where the session stands with two-step verification; absent or null when it has passed (or needs none). */
  mfaState?: MfaSessionState | null;
  /**
   * Set when the request came with an API token (`Authorization: Bearer sl_…`) rather than a
   * session: the token reads with the access of the partnership admin who made it, only in its own
   * partnership, only within its scopes, and never writes.
   */
  apiToken?: ApiTokenPrincipal | null;
};

/** The API token behind a request. */
export type ApiTokenPrincipal = {
  id: string;
  name: string;
  partnershipId: string;
  scopes: ApiTokenScope[];
};

/** The person's membership in the partnership a request is about. */
export type Membership = {
  partnershipId: string;
  role: PartnershipRole;
  agencyId: string | null;
};

/** What a service verb receives: the transaction, who is acting, and where the request came from. */
export type Ctx = {
  /** The request's transaction. Never query the database outside it: PGlite has one connection. */
  tx: Tx;
  config: Config;
  principal: Principal | null;
  address: string;
  requestId: string;
  now: Date;
};

export type AuthedCtx = Ctx & { principal: Principal };
export type MemberCtx = AuthedCtx & { membership: Membership };
