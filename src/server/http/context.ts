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
