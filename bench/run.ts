// `npm run bench [-- --scale S|L] [--no-pglite] [--no-web] [--keep] [--reuse] [--generate-only]`: generates seeded synthetic data
// at scale S (one partnership, 50 reviews) or L (national: 150 partnerships, 10,000 reviews, 2 million
// narrative events, 60,000 findings), measures the app against baselines taken in the same run, and
// writes bench/results/latest.md and .json (and scale-L.md for L). BENCH_SECONDS sets the HTTP load time.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Loader } from './copy.ts';
import {
  createPostgres,
  databaseUrl,
  dropPostgres,
  freshReview,
  keptFixture,
  openPgliteLoader,
  openPostgresLoader,
  postgresReachable,
  rememberFixture,
} from './databases.ts';
import { type Fixture, generate } from './generate.ts';
import { httpTargets, libraryAvailable, measureHttp, sampled, signIn } from './http.ts';
import { chronologyFile, IMPORT_ROWS, type ImportFile, importThroughApi, rawCopy } from './import.ts';
import { measurePseudonymisationApart } from './pseudonym.ts';
import { measureReport } from './report.ts';
import { readOptions } from './scale.ts';
import { rawSearchLatency, routeSearchLatency } from './search.ts';
import { buildServer, type Served, serveApp, serveBare } from './server.ts';
import { type DatabaseRun, type Results, writeResults } from './summary.ts';
import { buildWeb, measureNarrative } from './web.ts';

const options = readOptions(process.argv.slice(2), process.env);
const { scale, seconds } = options;
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const cpus = os.cpus();
const results: Results = {
  when: new Date().toISOString(),
  machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}; load average at start ${os.loadavg()[0]!.toFixed(1)}`,
  scale: scale.name,
  seconds,
  notes: [],
  runs: [],
  report: null,
  pseudonym: null,
  bundle: null,
  narrative: null,
  minutes: 0,
};
const work = mkdtempSync(join(os.tmpdir(), 'sightlines-bench-'));
const importFile = chronologyFile(IMPORT_ROWS, options.seed + 1);

/** Everything measured on one database, the app serving it from a child process. */
async function measureDatabase(
  database: DatabaseRun['database'],
  loader: Loader,
  f: Fixture,
  file: ImportFile,
  serve: () => Promise<Served>,
  beforeServe: () => Promise<void>,
  web: boolean,
): Promise<DatabaseRun> {
  const [version] = await loader.query<{ v: string }>(`select split_part(version(), ' on ', 1) as v`);
  log(`${database}: raw search SQL and raw COPY baselines`);
  const raw = await rawSearchLatency(loader, f);
  const copy = await rawCopy(loader, f, file);
  log(`raw COPY of ${IMPORT_ROWS} rows: ${copy.seconds.toFixed(1)} s; raw search p95 ${raw.p95} ms`);
  await beforeServe();
  const bare = await serveBare();
  const app = await serve();
  try {
    const session = await signIn(app.base, f);
    const idleMb = app.memory().rssMb;
    const libraryNote = await libraryAvailable(app.base, f, session);
    if (libraryNote) log(`library search not measured: ${libraryNote}`);
    const targets = httpTargets(app.base, f, session, libraryNote === null);
    const http = await measureHttp(app, bare, targets, seconds, log);
    const route = libraryNote ? null : await routeSearchLatency(app.base, f, session);
    if (web) {
      log('Chromium: the narrative of the large review');
      results.narrative = await measureNarrative(app.base, f, scale.largeReviewEvents);
      log(`narrative: ${JSON.stringify(results.narrative)}`);
    }
    log(`importing ${IMPORT_ROWS} rows through the API`);
    const [importResult, importPeakMb] = await sampled(app, () =>
      importThroughApi(app.base, f, session, file).catch((e: Error) => {
        results.notes.push(`${database} import failed: ${e.message}`);
        return null;
      }),
    );
    log(`import: ${importResult ? `${importResult.seconds.toFixed(1)} s` : 'failed'}`);
    return {
      database,
      version: version?.v ?? '',
      generation: { seconds: f.seconds, counts: f.counts },
      http,
      libraryNote,
      search: { raw, route },
      importResult,
      copy,
      memory: { idleMb, loadPeakMb: Math.max(...http.map((h) => h.peakRssMb)), importPeakMb },
    };
  } finally {
    await app.stop();
    await bare.stop();
  }
}

try {
  log(
    `scale ${scale.name}: ${scale.partnerships} partnerships, ${scale.reviews} reviews, ${scale.events} events`,
  );
  if (!options.generateOnly) buildServer();
  const webDir = join(work, 'web');
  if (options.web) {
    results.bundle = buildWeb(webDir);
    log(
      `web build in ${results.bundle.buildSeconds.toFixed(0)} s; initial JavaScript ${results.bundle.gzipKb.toFixed(0)} KB gzipped`,
    );
  }
  const dbName = `sightlines_bench_${scale.name.toLowerCase()}`;
  if (await postgresReachable(options.postgresUrl)) {
    let f = options.reuse ? await keptFixture<Fixture>(options.postgresUrl, dbName) : null;
    const url = f
      ? databaseUrl(options.postgresUrl, dbName)
      : await createPostgres(options.postgresUrl, dbName);
    const loader = await openPostgresLoader(url);
    try {
      if (f) {
        log(`PostgreSQL: reusing ${dbName}, generated earlier in ${f.seconds.toFixed(0)} s`);
        results.notes.push(
          `PostgreSQL data reused from an earlier run's generation (${f.seconds.toFixed(0)} s).`,
        );
      } else {
        log(`PostgreSQL: created ${dbName}; generating`);
        f = await generate(loader, scale, options.seed, log);
        await rememberFixture(options.postgresUrl, dbName, f);
        log(`generated in ${f.seconds.toFixed(0)} s: ${JSON.stringify(f.counts)}`);
      }
      if (!options.generateOnly) {
        const fixture = { ...f, importReviewId: await freshReview(loader, f.importReviewId) };
        const serve = () =>
          serveApp({ databaseUrl: url, dataDir: join(work, 'pg-files'), ...(options.web ? { webDir } : {}) });
        results.runs.push(
          await measureDatabase(
            'PostgreSQL',
            loader,
            fixture,
            importFile,
            serve,
            async () => {},
            options.web,
          ),
        );
      }
    } finally {
      await loader.close();
      if (!options.keep) await dropPostgres(options.postgresUrl, dbName);
    }
  } else {
    results.notes.push(`PostgreSQL did not answer at ${options.postgresUrl}: measured on PGlite only.`);
  }
  if (options.generateOnly) {
    rmSync(work, { recursive: true, force: true });
    process.exit(0);
  }
  if (options.pglite) {
    log('PGlite: generating');
    const dataDir = join(work, 'pglite');
    const loader = await openPgliteLoader(dataDir);
    let closed = false;
    try {
      const f = await generate(loader, scale, options.seed, log);
      log(`generated in ${f.seconds.toFixed(0)} s`);
      const release = async () => {
        await loader.close();
        closed = true;
      };
      const serve = () => serveApp({ dataDir });
      const web = options.web && results.narrative === null;
      results.runs.push(await measureDatabase('PGlite', loader, f, importFile, serve, release, web));
    } finally {
      if (!closed) await loader.close();
    }
  }
  log('report generation');
  results.report = await measureReport();
  log('pseudonymisation');
  results.pseudonym = measurePseudonymisationApart(Number(process.env.BENCH_PSEUDONYM_MB ?? 50));
} catch (error) {
  results.notes.push(`The run stopped early: ${error instanceof Error ? error.message : String(error)}`);
  console.error(error);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
results.minutes = (performance.now() - started) / 60_000;
results.machine += `, at the end ${os.loadavg()[0]!.toFixed(1)}`;
console.log(`\n${writeResults(results)}`);
