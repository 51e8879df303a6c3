import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { create as createTar, extract as extractTar } from 'tar';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupManifest,
  backupManifest,
  filePathFor,
  type KnownMigration,
  migrationProblem,
} from '#domain/transfer/backup-manifest.ts';
import { tablesInDependencyOrder } from '#domain/transfer/table-order.ts';
import { type AuditVerification, verifyAuditLog } from '../audit/verify.ts';
import { type Database, migrationsFolder, type Queryable } from '../db/client.ts';
import { appVersion } from '../paths.ts';
import { ident, insertJsonRows, linksOf, rawRows, readCatalog, rowJson, storedColumns } from './catalog.ts';

/** A backup or restore refused for a reason the operator can act on. */
export class BackupError extends Error {}

const shaPattern = /^[0-9a-f]{64}$/;

/** The migrations this version of Sightlines knows, oldest first. */
export function knownMigrations(): KnownMigration[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map((e) => ({ tag: e.tag, when: e.when }));
}

/** The latest migration applied to a database, named from the journal. */
async function appliedMigration(q: Queryable): Promise<BackupManifest['migration']> {
  const rows = await rawRows(
    q,
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  ).catch(() => []);
  if (rows.length === 0) return null;
  const when = Number(rows[0]!.created_at);
  const known = knownMigrations().find((m) => m.when === when);
  return { tag: known?.tag ?? `unknown-${when}`, when };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The content-addressed files under `<dataDir>/files/ab/cd/<sha256>`. */
async function storedFiles(dataDir: string): Promise<string[]> {
  const root = join(dataDir, 'files');
  const found: string[] = [];
  const list = async (dir: string) => readdir(dir).catch(() => [] as string[]);
  for (const a of await list(root)) {
    if (!/^[0-9a-f]{2}$/.test(a)) continue;
    for (const b of await list(join(root, a))) {
      if (!/^[0-9a-f]{2}$/.test(b)) continue;
      for (const name of await list(join(root, a, b))) {
        if (shaPattern.test(name) && name.startsWith(a + b)) found.push(name);
      }
    }
  }
  return found.sort();
}

export type BackupResult = { manifest: BackupManifest; bytes: number };

/**
 * Writes the whole database (read in one repeatable-read, read-only transaction, so the copy is
 * consistent) and the stored files into a gzipped tar archive. The secret key is not included.
 */
export async function createBackup(options: { database: Database; dataDir: string; out: string }) {
  const stage = await mkdtemp(join(tmpdir(), 'sightlines-backup-'));
  try {
    await mkdir(join(stage, 'db'));
    const { database } = options;
    const manifest = await database.db.transaction(
      async (tx) => {
        const catalog = await readCatalog(tx);
        const tables: BackupManifest['tables'] = [];
        for (const t of catalog) {
          const file = `db/${t.name}.jsonl`;
          const out = createWriteStream(join(stage, file), { mode: 0o600 });
          const hash = createHash('sha256');
          let rows = 0;
          await tx.execute(
            sql`declare backup_rows no scroll cursor for select ${rowJson(t)}::text as j from ${ident(t.name)} t`,
          );
          for (;;) {
            const batch = await rawRows(tx, sql`fetch 500 from backup_rows`);
            if (batch.length === 0) break;
            const text = `${batch.map((r) => String(r.j)).join('\n')}\n`;
            hash.update(text);
            if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
            rows += batch.length;
          }
          await tx.execute(sql`close backup_rows`);
          out.end();
          await finished(out);
          tables.push({ name: t.name, columns: storedColumns(t), rows, file, sha256: hash.digest('hex') });
        }
        const sequences: BackupManifest['sequences'] = [];
        for (const t of catalog) {
          for (const s of t.sequences) {
            const [row] = await rawRows(
              tx,
              sql`select last_value::text as last_value, is_called from ${sql.raw(s.sequence)}`,
            );
            sequences.push({
              table: t.name,
              column: s.column,
              lastValue: String(row!.last_value),
              isCalled: Boolean(row!.is_called),
            });
          }
        }
        const files: BackupManifest['files'] = [];
        for (const sha of await storedFiles(options.dataDir)) {
          const path = filePathFor(sha);
          const target = join(stage, path);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(join(options.dataDir, path), target);
          const actual = await sha256OfFile(target);
          if (actual !== sha)
            throw new BackupError(`The stored file ${path} does not match its name (damaged?)`);
          files.push({ path, sha256: sha, size: (await stat(target)).size });
        }
        return {
          format: BACKUP_FORMAT,
          version: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          appVersion,
          database: database.kind,
          migration: await appliedMigration(tx),
          tables,
          sequences,
          files,
        } satisfies BackupManifest;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await mkdir(join(stage, 'files'), { recursive: true });
    await writeFile(join(stage, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await mkdir(dirname(options.out), { recursive: true });
    await createTar({ gzip: true, file: options.out, cwd: stage, portable: true }, [
      'manifest.json',
      'db',
      'files',
    ]);
    return { manifest, bytes: (await stat(options.out)).size } satisfies BackupResult;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** Unpacks an archive and checks its manifest and every part's SHA-256. */
async function openArchive(from: string, stage: string): Promise<BackupManifest> {
  try {
    await extractTar({ file: from, cwd: stage, strict: true });
  } catch (error) {
    throw new BackupError(
      `${from} is not a Sightlines backup (not a gzipped tar archive: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(stage, 'manifest.json'), 'utf8'));
  } catch {
    throw new BackupError(`${from} is not a Sightlines backup (it has no readable manifest.json)`);
  }
  const parsed = backupManifest.safeParse(raw);
  if (!parsed.success) {
    const format = (raw as { format?: unknown })?.format;
    const version = (raw as { version?: unknown })?.version;
    if (format !== BACKUP_FORMAT)
      throw new BackupError(`${from} is not a Sightlines backup (format ${String(format)})`);
    if (version !== BACKUP_FORMAT_VERSION) {
      throw new BackupError(
        `The backup's format version ${String(version)} is not one this version of Sightlines reads (it reads ${BACKUP_FORMAT_VERSION})`,
      );
    }
    const issue = parsed.error.issues[0]!;
    throw new BackupError(`The backup's manifest is damaged at ${issue.path.join('.')}: ${issue.message}`);
  }
  const manifest = parsed.data;
  for (const t of manifest.tables) {
    const actual = await sha256OfFile(join(stage, t.file)).catch(() => null);
    if (actual === null) throw new BackupError(`The backup is missing ${t.file}`);
    if (actual !== t.sha256)
      throw new BackupError(`Checksum mismatch for ${t.file}: the backup is damaged or was changed`);
  }
  for (const f of manifest.files) {
    const actual = await sha256OfFile(join(stage, f.path)).catch(() => null);
    if (actual === null) throw new BackupError(`The backup is missing ${f.path}`);
    if (actual !== f.sha256 || !f.path.endsWith(f.sha256)) {
      throw new BackupError(`Checksum mismatch for ${f.path}: the backup is damaged or was changed`);
    }
  }
  return manifest;
}

/** Reads a table's JSON lines in batches (a JSON array text each) of at most `max` rows or about 4 MB. */
async function* jsonBatches(path: string, max = 500): AsyncGenerator<{ json: string; rows: number }> {
  const lines = createInterface({
    input: createReadStream(path, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let batch: string[] = [];
  let size = 0;
  for await (const line of lines) {
    if (line === '') continue;
    batch.push(line);
    size += line.length;
    if (batch.length >= max || size > 4_000_000) {
      yield { json: `[${batch.join(',')}]`, rows: batch.length };
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) yield { json: `[${batch.join(',')}]`, rows: batch.length };
}

export type RestoreResult = {
  manifest: BackupManifest;
  counts: Record<string, number>;
  files: number;
  audit: AuditVerification;
};

/**
 * Restores an archive made by `createBackup`: checks it, migrates the database, refuses one that
 * holds data unless `force` (then empties it), inserts every row in one transaction in
 * foreign-key order, resets the sequences, restores the files and verifies the audit log.
 */
export async function restoreBackup(options: {
  database: Database;
  dataDir: string;
  from: string;
  force: boolean;
}): Promise<RestoreResult> {
  const stage = await mkdtemp(join(tmpdir(), 'sightlines-restore-'));
  try {
    const manifest = await openArchive(options.from, stage);
    const problem = migrationProblem(manifest.migration, knownMigrations());
    if (problem) throw new BackupError(problem);
    const { database } = options;
    await database.migrate();
    const counts: Record<string, number> = {};
    await database.db.transaction(async (tx) => {
      const catalog = await readCatalog(tx);
      const byName = new Map(catalog.map((t) => [t.name, t]));
      const unknown = manifest.tables.filter((t) => !byName.has(t.name)).map((t) => t.name);
      if (unknown.length > 0) {
        throw new BackupError(`The backup has tables this version does not know: ${unknown.join(', ')}`);
      }
      const holding: string[] = [];
      for (const t of catalog) {
        const [row] = await rawRows(tx, sql`select exists (select 1 from ${ident(t.name)}) as found`);
        if (row?.found) holding.push(t.name);
      }
      if (holding.length > 0) {
        if (!options.force) {
          throw new BackupError(
            `The database already holds data (in ${holding.slice(0, 5).join(', ')}${holding.length > 5 ? ', …' : ''}). Restore into an empty database, or add --force to replace everything in it.`,
          );
        }
        await tx.execute(
          sql.raw(`truncate table ${catalog.map((t) => `"${t.name}"`).join(', ')} restart identity cascade`),
        );
      }
      const inBackup = new Map(manifest.tables.map((t) => [t.name, t]));
      for (const name of tablesInDependencyOrder(linksOf(catalog))) {
        const part = inBackup.get(name);
        if (!part) continue;
        const table = byName.get(name)!;
        const stored = new Set(storedColumns(table));
        const columns = part.columns.filter((c) => stored.has(c));
        let n = 0;
        for await (const batch of jsonBatches(join(stage, part.file))) {
          await insertJsonRows(tx, table, columns, batch.json);
          n += batch.rows;
        }
        if (n !== part.rows)
          throw new BackupError(`${part.file} holds ${n} rows; the manifest says ${part.rows}`);
        counts[name] = n;
      }
      for (const s of manifest.sequences) {
        const table = byName.get(s.table);
        const seq = table?.sequences.find((q) => q.column === s.column);
        if (!seq) continue;
        await tx.execute(
          sql`select setval(${seq.sequence}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`,
        );
      }
    });
    for (const f of manifest.files) {
      const target = join(options.dataDir, f.path);
      if ((await sha256OfFile(target).catch(() => null)) === f.sha256) continue;
      await mkdir(dirname(target), { recursive: true });
      await copyFile(join(stage, f.path), target);
    }
    const audit = await verifyAuditLog(database.db);
    return { manifest, counts, files: manifest.files.length, audit };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
