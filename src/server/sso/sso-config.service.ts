import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { mayManageSecurity } from '#domain/auth/security-policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import {
  SSO_CALLBACK_PATH,
  SSO_START_PATH,
  type SsoConfigDto,
  type UpdateSsoConfigInput,
} from '#domain/sso/sso.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import { openSecret, sealSecret } from '../crypto/secret-box.ts';
import { partnershipSsoConfigs, partnerships, users } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertSettingsVersion } from '../http/versions.ts';
import { discoverProvider } from './sso-client.ts';

/** Sightlines' own address: the configured public address, or else the one the request came to. */
export function publicOrigin(config: Config, request: FastifyRequest): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The address the identity provider sends people back to; admins register it at the provider. */
export function redirectUriFor(config: Config, request: FastifyRequest): string {
  return `${publicOrigin(config, request)}${SSO_CALLBACK_PATH}`;
}

async function findConfigRow(ctx: MemberCtx, options: { lock?: boolean } = {}) {
  const query = ctx.tx
    .select()
    .from(partnershipSsoConfigs)
    .where(eq(partnershipSsoConfigs.partnershipId, ctx.membership.partnershipId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The partnership's single sign-on settings, with the redirect URI to register at the provider.
 * The client secret is never returned, only whether one is stored.
 */
export async function getSsoConfig(ctx: MemberCtx, origin: string): Promise<SsoConfigDto> {
  const partnershipId = ctx.membership.partnershipId;
  const row = await findConfigRow(ctx);
  const [partnership] = await ctx.tx
    .select({ slug: partnerships.slug })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId));
  const [updater] = row?.updatedBy
    ? await ctx.tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.updatedBy))
    : [];
  return {
    partnershipId,
    configured: row !== null,
    enabled: row?.enabled ?? false,
    displayName: row?.displayName ?? '',
    issuer: row?.issuer ?? '',
    clientId: row?.clientId ?? '',
    clientSecretSet: Boolean(row?.clientSecret),
    allowedDomains: row?.allowedDomains ?? [],
    redirectUri: `${origin}${SSO_CALLBACK_PATH}`,
    signInUrl: `${origin}${SSO_START_PATH}?partnership=${encodeURIComponent(partnership?.slug ?? '')}`,
    version: row?.version ?? 1,
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: updater ?? null,
    abilities: { update: mayManageSecurity(ctx.membership.role) },
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Changes the partnership's single sign-on settings, based on a version (a stale change is refused
 * with the settings as they are now). The client secret is kept encrypted; leaving it out keeps the
 * one stored. Turning sign-on on (or changing it while on) first checks that the issuer answers as
 * an OpenID Connect provider.
 */
export async function updateSsoConfig(
  ctx: MemberCtx,
  input: UpdateSsoConfigInput,
  origin: string,
): Promise<SsoConfigDto> {
  const partnershipId = ctx.membership.partnershipId;
  const row = await findConfigRow(ctx, { lock: true });
  const currentVersion = await assertSettingsVersion(
    input.version,
    row,
    'Someone else changed the single sign-on settings while you were working on them. Check the current settings and try again.',
    () => getSsoConfig(ctx, origin),
  );
  const newSecret = input.clientSecret ? input.clientSecret : null;
  const storedSecret = row?.clientSecret ? openSecret(ctx.config, row.clientSecret) : null;
  const secret = newSecret ?? storedSecret;
  if (input.enabled && !secret) {
    throw AppError.invalid([{ path: 'clientSecret', message: 'Enter the client secret' }]);
  }
  const displayName = input.displayName || row?.displayName || 'Organisation account';
  const unchanged =
    row !== null &&
    row.enabled === input.enabled &&
    row.displayName === displayName &&
    row.issuer === input.issuer &&
    row.clientId === input.clientId &&
    sameList(row.allowedDomains, input.allowedDomains) &&
    (newSecret === null || newSecret === storedSecret);
  if (unchanged) return getSsoConfig(ctx, origin);

  if (input.enabled && secret) {
    try {
      await discoverProvider({ issuer: input.issuer, clientId: input.clientId, clientSecret: secret });
    } catch {
      throw AppError.invalid([
        {
          path: 'issuer',
          message:
            'Sightlines could not reach an OpenID Connect provider at this issuer URL. Check the address, or save the settings with single sign-on turned off until the provider is ready.',
        },
      ]);
    }
  }

  const values = {
    enabled: input.enabled,
    displayName,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecret: newSecret ? sealSecret(ctx.config, newSecret) : (row?.clientSecret ?? ''),
    allowedDomains: input.allowedDomains,
    version: currentVersion + 1,
    updatedAt: ctx.now,
    updatedBy: ctx.principal.userId,
  };
  if (row) {
    await ctx.tx
      .update(partnershipSsoConfigs)
      .set(values)
      .where(eq(partnershipSsoConfigs.partnershipId, partnershipId));
  } else {
    await ctx.tx.insert(partnershipSsoConfigs).values({ partnershipId, ...values });
  }
  await auditAction(ctx, {
    action: 'sso.configured',
    entityType: 'sso_config',
    entityId: partnershipId,
    details: {
      enabled: input.enabled,
      issuer: input.issuer,
      clientId: input.clientId,
      allowedDomains: input.allowedDomains,
      clientSecretChanged: newSecret !== null && newSecret !== storedSecret,
      previous: row
        ? {
            enabled: row.enabled,
            issuer: row.issuer,
            clientId: row.clientId,
            allowedDomains: row.allowedDomains,
          }
        : null,
    },
  });
  return getSsoConfig(ctx, origin);
}
