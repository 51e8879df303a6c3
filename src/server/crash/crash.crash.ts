import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { openPglite, openPostgres } from '../db/client.ts';
import { type CrashOptions, type CrashSummary, runCrashRounds } from './crash-run.ts';

// SIGHTLINES_CRASH_SEED repeats a run's kill moments; SIGHTLINES_CRASH_KILLS changes how many.
const seed = Number(process.env.SIGHTLINES_CRASH_SEED) || randomInt(1, 2 ** 31);
const kills = Number(process.env.SIGHTLINES_CRASH_KILLS) || 20;
const rows = 4000;
const writers = 3;
const log = (line: string) => console.info(line);

function report(label: string, s: CrashSummary) {
  log(
    `crash: ${label} survived ${s.survived} of ${s.kills} kills (${s.ackedWrites} acknowledged writes, ${s.importsWhole} imports whole, ${s.importsAbsent} absent) in ${s.seconds.toFixed(0)} s, seed ${seed}`,
  );
}

function scratch(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `sightlines-crash-${label}-`));
  return { dir, logFile: join(dir, 'server.log') };
}

const common = (label: CrashOptions['label']) => ({ label, kills, seed, rows, writers, log });

it('PGlite keeps every acknowledged write, whole imports and an intact audit log through SIGKILLs', async () => {
  const { dir, logFile } = scratch('pglite');
  const summary = await runCrashRounds({
    ...common('PGlite'),
    setup: { dataDir: dir, logFile },
    open: () => openPglite(dir),
    embedded: true,
  });
  report('PGlite', summary);
  expect(summary.survived).toBe(kills);
  rmSync(dir, { recursive: true, force: true });
});

const postgresUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Why PostgreSQL cannot be used here, or null when it answers. */
async function unreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

it('PostgreSQL keeps every acknowledged write, whole imports and an intact audit log through SIGKILLs', async (ctx) => {
  const why = await unreachable(postgresUrl);
  if (why) {
    log(`crash: PostgreSQL skipped: ${postgresUrl.replace(/\/\/[^@]*@/, '//')} does not answer (${why})`);
    ctx.skip(`PostgreSQL not reachable: ${why}`);
  }
  const name = `sightlines_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const { dir, logFile } = scratch('postgres');
  try {
    const summary = await runCrashRounds({
      ...common('PostgreSQL'),
      setup: { dataDir: dir, logFile, databaseUrl: url.toString() },
      open: () => openPostgres(url.toString(), { max: 2 }),
      embedded: false,
    });
    report('PostgreSQL', summary);
    expect(summary.survived).toBe(kills);
    rmSync(dir, { recursive: true, force: true });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
});
