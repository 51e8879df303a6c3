import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { mayManageSecurity } from '#domain/auth/security-policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import {
  type ApiTokenList,
  type ApiTokenScope,
  apiTokenPrefix,
  apiTokenScopes,
  type CreateApiTokenInput,
  type CreatedApiTokenDto,
  expiryProblem,
} from '#domain/token/token.ts';
import { auditAction } from '../audit/audit.service.ts';
import { apiTokens, users } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { apiTokenHash } from './authenticate-token.ts';
import { presentApiToken } from './token.presenter.ts';

/** The partnership's API tokens, newest first, revoked and expired ones included. */
export async function listApiTokens(ctx: MemberCtx): Promise<ApiTokenList> {
  const rows = await ctx.tx
    .select({ token: apiTokens, createdByName: users.name })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .where(eq(apiTokens.partnershipId, ctx.membership.partnershipId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return {
    tokens: rows.map((r) => presentApiToken(ctx, r.token, r.createdByName)),
    scopes: (Object.keys(apiTokenScopes) as ApiTokenScope[]).map((value) => ({
      value,
      label: apiTokenScopes[value],
    })),
    abilities: { create: mayManageSecurity(ctx.membership.role) },
  };
}

/**
 * Creates an API token for an integration: read-only, limited to its scopes and to this
 * partnership. The token is returned this once; only its SHA-256 and first characters are kept.
 */
export async function createApiToken(
  ctx: MemberCtx,
  input: CreateApiTokenInput,
): Promise<CreatedApiTokenDto> {
  const expiresOn = input.expiresOn ?? null;
  const problem = expiresOn ? expiryProblem(expiresOn, ctx.now) : null;
  if (problem) throw AppError.invalid([{ path: 'expiresOn', message: problem }]);
  const secret = `sl_${randomBytes(32).toString('base64url')}`;
  const [row] = await ctx.tx
    .insert(apiTokens)
    .values({
      partnershipId: ctx.membership.partnershipId,
      name: input.name,
      tokenHash: apiTokenHash(secret),
      prefix: apiTokenPrefix(secret),
      scopes: input.scopes,
      expiresOn,
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('token not stored');
  await auditAction(ctx, {
    action: 'api_token.created',
    entityType: 'api_token',
    entityId: row.id,
    details: { prefix: row.prefix, scopes: input.scopes, expiresOn },
  });
  return { token: presentApiToken(ctx, row, ctx.principal.name), secret };
}

/** Revokes a token of the partnership: it stops working at once. Revoking it again changes nothing. */
export async function revokeApiToken(ctx: MemberCtx, tokenId: string): Promise<void> {
  const [row] = await ctx.tx
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.partnershipId, ctx.membership.partnershipId)))
    .for('update');
  if (!row) throw AppError.notFound('API token');
  if (row.revokedAt) return;
  await ctx.tx
    .update(apiTokens)
    .set({ revokedAt: ctx.now, revokedBy: ctx.principal.userId })
    .where(eq(apiTokens.id, row.id));
  await auditAction(ctx, {
    action: 'api_token.revoked',
    entityType: 'api_token',
    entityId: row.id,
    details: { prefix: row.prefix },
  });
}
