import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteExtensions } from '../server/db/client.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'sightlines-cli-'));
const env = {
  ...process.env,
  SIGHTLINES_DATA_DIR: dataDir,
  SIGHTLINES_DEMO_PASSWORD: 'correct-horse-battery-9',
  DATABASE_URL: '',
};

async function sightlines(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/sightlines.js', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('sightlines command', () => {
  it('migrates, loads the demo once, creates people, and verifies the audit log', async () => {
    expect((await sightlines('migrate')).code).toBe(0);
    const seeded = await sightlines('seed-demo');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('admin@demo.sightlines.test');
    expect(seeded.stdout).toContain('manager@demo.sightlines.test');
    expect((await sightlines('seed-demo')).stdout).toContain('already loaded');

    const created = await sightlines(
      'create-user',
      '--partnership',
      'demo',
      '--email',
      'cli.person@example.org',
      '--name',
      'Cli Person',
      '--role',
      'member',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Temporary password/);
    const refused = await sightlines(
      'create-user',
      '--partnership',
      'demo',
      '--email',
      'not-an-email',
      '--name',
      'X',
      '--role',
      'member',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--email: Enter an email address in the correct format/);

    const ok = await sightlines('verify-audit');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit log intact: \d+ events/);
  }, 120_000);

  it('loads the demo review with its key practice episodes', async () => {
    const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: pgliteExtensions });
    try {
      const { rows } = await db.query<{ status: string; n: number }>(
        `select e.status, count(*)::int as n from episodes e join reviews r on r.id = e.review_id
         where r.title = 'Child A' group by e.status order by e.status`,
      );
      expect(rows).toEqual([
        { status: 'case_group_checked', n: 2 },
        { status: 'draft', n: 2 },
        { status: 'review_team_agreed', n: 2 },
      ]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('fails verify-audit and names the row after a row is edited with SQL', async () => {
    const db = await PGlite.create(join(dataDir, 'pglite'), { extensions: pgliteExtensions });
    const { rows } = await db.query<{ id: number }>(
      "select id from audit_events where action = 'agency.created' order by id limit 1 offset 3",
    );
    const id = rows[0]!.id;
    await db.query(`update audit_events set details = '{"name":"Edited"}' where id = $1`, [id]);
    await db.close();
    const broken = await sightlines('verify-audit');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`audit_events.id ${id}`);
    expect(broken.stderr).toMatch(/altered/);
  }, 60_000);

  it('prints usage for an unknown command and exits 2', async () => {
    const res = await sightlines('frobnicate');
    expect(res.code).toBe(2);
    expect(res.stdout).toContain('Usage: sightlines');
  });
});
