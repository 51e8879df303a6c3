import { z } from 'zod';

export const BACKUP_FORMAT = 'sightlines.backup';
export const BACKUP_FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const safeName = z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a table or column name');

/** What a backup archive holds, written as `manifest.json` at its root. */
export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime({ offset: true }),
  appVersion: z.string(),
  database: z.enum(['pglite', 'postgres']),
  /** The latest migration applied to the database that was backed up. */
  migration: z.object({ tag: z.string(), when: z.number().int() }).nullable(),
  tables: z.array(
    z.object({
      name: safeName,
      columns: z.array(safeName),
      rows: z.number().int().nonnegative(),
      file: z.string().regex(/^db\/[a-z0-9_]+\.jsonl$/),
      sha256,
    }),
  ),
  sequences: z.array(
    z.object({
      table: safeName,
      column: safeName,
      lastValue: z.string().regex(/^-?\d+$/),
      isCalled: z.boolean(),
    }),
  ),
  files: z.array(
    z.object({
      path: z.string().regex(/^files\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/),
      sha256,
      size: z.number().int().nonnegative(),
    }),
  ),
});
export type BackupManifest = z.infer<typeof backupManifest>;

/** A migration this version of Sightlines knows, from its migration journal. */
export type KnownMigration = { tag: string; when: number };

/**
 * Why a backup cannot be restored by this version, or null when it can: a backup made after a
 * migration this version does not know came from a newer version.
 */
export function migrationProblem(
  backup: BackupManifest['migration'],
  known: KnownMigration[],
): string | null {
  if (!backup) return null;
  if (known.some((m) => m.tag === backup.tag && m.when === backup.when)) return null;
  const latest = known.reduce((a, m) => Math.max(a, m.when), 0);
  if (backup.when > latest) {
    return `The backup was made by a newer version of Sightlines (its database is at migration ${backup.tag}, which this version does not know). Restore it with that version or a later one.`;
  }
  return `The backup's database is at migration ${backup.tag}, which this version of Sightlines does not know.`;
}

/** Where a stored file lives inside the archive and under the data directory. */
export const filePathFor = (sha: string) => `files/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
