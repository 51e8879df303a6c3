import { and, count, desc, eq, isNotNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { LibrarySettingsDto, updateLibrarySettingsInput } from '#domain/library/library.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { auditAction } from '../audit/audit.service.ts';
import { libraryEntries, libraryImports, librarySettings, partnerships, users } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertVersion } from '../review/access.ts';

/** The partnership's library settings, how many published findings it would share, and its imports. */
export async function getLibrarySettings(ctx: MemberCtx): Promise<LibrarySettingsDto> {
  const partnershipId = ctx.membership.partnershipId;
  const [row] = await ctx.tx
    .select()
    .from(librarySettings)
    .where(eq(librarySettings.partnershipId, partnershipId));
  const [published] = await ctx.tx
    .select({ n: count() })
    .from(libraryEntries)
    .where(
      and(
        eq(libraryEntries.partnershipId, partnershipId),
        or(eq(libraryEntries.source, 'import'), isNotNull(libraryEntries.publishedOn)),
      ),
    );
  const imports = await ctx.tx
    .select({
      id: libraryImports.id,
      fileName: libraryImports.fileName,
      rows: libraryImports.rows,
      importedByName: users.name,
      importedAt: libraryImports.importedAt,
    })
    .from(libraryImports)
    .leftJoin(users, eq(users.id, libraryImports.importedBy))
    .where(eq(libraryImports.partnershipId, partnershipId))
    .orderBy(desc(libraryImports.importedAt), desc(libraryImports.id));
  return {
    shareNationally: row?.shareNationally ?? false,
    changedAt: row ? row.changedAt.toISOString() : null,
    publishedFindings: published?.n ?? 0,
    imports: imports.map((i) => ({
      ...i,
      importedByName: i.importedByName ?? null,
      importedAt: i.importedAt.toISOString(),
    })),
    version: row?.version ?? 0,
    abilities: {
      manage: mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'manageLibrary'),
    },
  };
}

/**
 * Chooses whether the partnership shares its published, anonymised findings with every partnership,
 * based on the version the person saw (0 before the first choice). A stale version is refused (409)
 * with the settings as they are now; choosing what is already chosen changes nothing.
 */
export async function updateLibrarySettings(
  ctx: MemberCtx,
  input: z.output<typeof updateLibrarySettingsInput>,
): Promise<LibrarySettingsDto> {
  const partnershipId = ctx.membership.partnershipId;
  // The partnership row is locked so two first choices queue rather than both insert.
  await ctx.tx
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.id, partnershipId))
    .for('update');
  const current = await getLibrarySettings(ctx);
  assertVersion(current, input.version, 'library settings', () => current);
  if (current.version > 0 && current.shareNationally === input.shareNationally) return current;
  const version = current.version + 1;
  const values = {
    shareNationally: input.shareNationally,
    version,
    changedBy: ctx.principal.userId,
    changedAt: ctx.now,
  };
  if (current.version === 0) await ctx.tx.insert(librarySettings).values({ ...values, partnershipId });
  else
    await ctx.tx.update(librarySettings).set(values).where(eq(librarySettings.partnershipId, partnershipId));
  await auditAction(ctx, {
    action: 'library.settings_changed',
    entityType: 'library_settings',
    entityId: partnershipId,
    details: { shareNationally: input.shareNationally, was: current.shareNationally, version },
  });
  return getLibrarySettings(ctx);
}
