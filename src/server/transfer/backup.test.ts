import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { create as createTar, extract as extractTar } from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.ts';
import { seedDemo } from '../demo/seed.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { createBackup, restoreBackup } from './backup.service.ts';
import { ident, rawRows, readCatalog } from './catalog.ts';

const work = mkdtempSync(join(tmpdir(), 'sightlines-backup-test-'));
const sourceDir = join(work, 'source');
const targetDir = join(work, 'target');
const archive = join(work, 'backup.tar.gz');
let source: Database;
let target: Database;

/** Every table's rows as sorted JSON text, generated columns included. */
async function snapshot(database: Database) {
  const tables: Record<string, string[]> = {};
  for (const t of await readCatalog(database.db)) {
    const rows = await rawRows(database.db, sql`select to_jsonb(t)::text as j from ${ident(t.name)} t`);
    tables[t.name] = rows.map((r) => String(r.j)).sort();
  }
  const sequences = await rawRows(
    database.db,
    sql`select last_value::text as v from audit_events_id_seq union all select last_value::text from login_attempts_id_seq`,
  );
  return { tables, sequences };
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${rel}${e.name}/`);
      else
        out[`${rel}${e.name}`] = createHash('sha256')
          .update(readFileSync(join(d, e.name)))
          .digest('hex');
    }
  };
  walk(join(dir, 'files'), '');
  return out;
}

/** Unpacks the archive, lets the test change it, and packs it again. */
async function tampered(change: (dir: string) => void) {
  const dir = mkdtempSync(join(work, 'tamper-'));
  await extractTar({ file: archive, cwd: dir });
  change(dir);
  const file = join(work, `tampered-${Date.now()}.tar.gz`);
  await createTar({ gzip: true, file, cwd: dir }, ['manifest.json', 'db', 'files']);
  return file;
}

beforeAll(async () => {
  source = await openTestDatabase();
  await mkdir(sourceDir, { recursive: true });
  await seedDemo(source.db, 'correct-horse-battery-9', sourceDir);
  // A row with bytes and one written after the demo, so sequences and bytea are exercised too.
  await source.db.execute(
    sql`insert into login_attempts (email, address, succeeded) values ('a@example.org', '10.0.0.1', false)`,
  );
  target = await openTestDatabase();
});

afterAll(async () => {
  await source?.close();
  await target?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every row of every table, the sequences and the stored files: nothing lost', async () => {
    const { manifest } = await createBackup({ database: source, dataDir: sourceDir, out: archive });
    expect(manifest.format).toBe('sightlines.backup');
    expect(manifest.migration?.tag).toMatch(/^\d{4}_/);
    expect(manifest.tables.find((t) => t.name === 'reviews')?.rows).toBeGreaterThan(0);
    expect(manifest.files.length).toBeGreaterThan(0);
    expect(manifest.tables.map((t) => t.file).join()).not.toContain('secret');

    const result = await restoreBackup({ database: target, dataDir: targetDir, from: archive, force: false });
    expect(result.audit.ok).toBe(true);
    expect(result.audit.events).toBeGreaterThan(0);

    const before = await snapshot(source);
    const after = await snapshot(target);
    for (const name of Object.keys(before.tables)) {
      expect({ name, rows: after.tables[name] }).toEqual({ name, rows: before.tables[name] });
    }
    expect(after.sequences).toEqual(before.sequences);
    expect(filesUnder(targetDir)).toEqual(filesUnder(sourceDir));
    // The byte columns came back: the demo's report version has its Word and PDF files.
    const [bytes] = await rawRows(
      target.db,
      sql`select count(*)::int as n from report_versions where docx is not null or pdf is not null`,
    );
    expect(bytes!.n).toBeGreaterThan(0);
  });

  it('refuses a database that already holds data unless forced, then replaces it', async () => {
    await expect(
      restoreBackup({ database: target, dataDir: targetDir, from: archive, force: false }),
    ).rejects.toThrow(/already holds data.*--force/);
    await target.db.execute(sql`insert into partnerships (name, slug) values ('Extra', 'extra-one')`);
    const result = await restoreBackup({ database: target, dataDir: targetDir, from: archive, force: true });
    expect(result.audit.ok).toBe(true);
    const rows = await rawRows(
      target.db,
      sql`select count(*)::int as n from partnerships where slug = 'extra-one'`,
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses a file that is not a backup, a damaged part and a newer migration, with a clear reason', async () => {
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive');
    const restore = (from: string) =>
      restoreBackup({ database: target, dataDir: targetDir, from, force: true });
    await expect(restore(junk)).rejects.toThrow(/not a Sightlines backup/);

    const damaged = await tampered((dir) => {
      const file = join(dir, 'db', 'reviews.jsonl');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/"title": "/, '"title": "X'));
    });
    await expect(restore(damaged)).rejects.toThrow(/Checksum mismatch for db\/reviews\.jsonl/);

    const newer = await tampered((dir) => {
      const file = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      manifest.migration = { tag: '9999_from_the_future', when: 9_999_999_999_999 };
      writeFileSync(file, JSON.stringify(manifest));
    });
    await expect(restore(newer)).rejects.toThrow(/newer version of Sightlines.*9999_from_the_future/);

    const otherFormat = await tampered((dir) => {
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ format: 'something.else', version: 1 }));
    });
    await expect(restore(otherFormat)).rejects.toThrow(/not a Sightlines backup \(format something\.else\)/);
  });
});
