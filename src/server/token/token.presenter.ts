import { mayManageSecurity } from '#domain/auth/security-policy.ts';
import { type ApiTokenDto, type ApiTokenScope, apiTokenStatus } from '#domain/token/token.ts';
import type { apiTokens } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;

/** A token as its partnership's admins see it: never the token itself, nor its hash. */
export function presentApiToken(ctx: MemberCtx, row: ApiTokenRow, createdByName: string | null): ApiTokenDto {
  const status = apiTokenStatus(row, ctx.now);
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiTokenScope[],
    expiresOn: row.expiresOn,
    status,
    createdAt: row.createdAt.toISOString(),
    createdBy: createdByName ? { id: row.createdBy, name: createdByName } : null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    abilities: { revoke: status !== 'revoked' && mayManageSecurity(ctx.membership.role) },
  };
}
