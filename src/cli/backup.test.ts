import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'sightlines-cli-backup-'));
const archive = join(work, 'nightly.tar.gz');

/** Runs the real command with its own data directory (embedded PGlite). */
async function sightlines(dataDir: string, ...args: string[]) {
  const env = {
    ...process.env,
    SIGHTLINES_DATA_DIR: dataDir,
    SIGHTLINES_DEMO_PASSWORD: 'correct-horse-battery-9',
    DATABASE_URL: '',
  };
  try {
    const { stdout, stderr } = await run('node', ['bin/sightlines.js', ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('sightlines backup and restore', () => {
  it('backs up the demo and restores it into a new data directory', async () => {
    const source = join(work, 'source');
    const target = join(work, 'target');
    expect((await sightlines(source, 'seed-demo')).code).toBe(0);

    const usage = await sightlines(source, 'backup');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--out/);

    const backup = await sightlines(source, 'backup', '--out', archive);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backup written to .*nightly\.tar\.gz/);
    expect(backup.stdout).toMatch(/secret key .* is NOT in the backup/);

    const restore = await sightlines(target, 'restore', '--from', archive);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Audit log intact: \d+ events/);
    expect(restore.stdout).toMatch(/reviews\s+\d+/);
    expect(readdirSync(join(target, 'files')).length).toBeGreaterThan(0);

    const missing = await sightlines(target, 'restore', '--from', join(work, 'nothing.tar.gz'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/sightlines restore: there is no file at .*nothing\.tar\.gz/);
  }, 300_000);
});
