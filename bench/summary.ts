// Turns the measurements into rows of one table: each measurement, its baseline from the same run,
// the ratio, the target and whether it was met; and writes the Markdown and JSON results.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { HttpResult } from './http.ts';
import type { ImportResult } from './import.ts';
import type { PseudonymResult } from './pseudonym.ts';
import type { ReportResult } from './report.ts';
import type { Latency } from './search.ts';
import type { BundleResult, NarrativeResult } from './web.ts';

export type Row = {
  measurement: string;
  database: string;
  result: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
};

export type DatabaseRun = {
  database: 'PostgreSQL' | 'PGlite';
  version: string;
  generation: { seconds: number; counts: Record<string, number> };
  http: HttpResult[];
  libraryNote: string | null;
  search: { raw: Latency; route: Latency | null };
  importResult: ImportResult | null;
  copy: { seconds: number; rowsPerSecond: number };
  memory: { idleMb: number; loadPeakMb: number; importPeakMb: number };
};

export type Results = {
  when: string;
  machine: string;
  scale: string;
  seconds: number;
  notes: string[];
  runs: DatabaseRun[];
  report: ReportResult | null;
  pseudonym: PseudonymResult | null;
  bundle: BundleResult | null;
  narrative: NarrativeResult | null;
  minutes: number;
};

const n = (x: number) => Math.round(x).toLocaleString('en-GB');
const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const times = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)}×`;
const s = (x: number) => `${x.toFixed(2)} s`;

function databaseRows(run: DatabaseRun, scale: string): Row[] {
  const db = run.database;
  const rows: Row[] = run.http.map((h) => ({
    measurement: `HTTP: ${h.name}`,
    database: db,
    result: `${n(h.rps)} req/s, p50 ${h.p50} ms, p99 ${h.p99} ms${h.errors ? `, ${n(h.errors)} errors` : ''}`,
    baseline: `bare route ${n(h.baselineRps)} req/s, p99 ${h.baselineP99} ms`,
    ratio: pct(h.ratio),
    target: h.kind === 'read' ? `at L: ≥ 40%, p99 ≤ 50 ms` : 'none (measured)',
    met: h.kind === 'read' && scale === 'L' && db === 'PostgreSQL' ? h.ratio >= 0.4 && h.p99 <= 50 : null,
  }));
  if (run.libraryNote)
    rows.push({
      measurement: 'HTTP: Library search',
      database: db,
      result: `not measured: ${run.libraryNote}`,
      baseline: '',
      ratio: '',
      target: 'at L: ≥ 40%, p99 ≤ 50 ms',
      met: null,
    });
  const { raw, route } = run.search;
  rows.push({
    measurement: 'Library search, one at a time (16 searches × 10)',
    database: db,
    result: route ? `p95 ${route.p95} ms (p50 ${route.p50} ms)` : 'route not available',
    baseline: `raw SQL p95 ${raw.p95} ms (p50 ${raw.p50} ms)`,
    ratio: route ? times(route.p95 / raw.p95) : '',
    target: 'at L: p95 ≤ 1.5× raw and ≤ 50 ms',
    met: route && scale === 'L' && db === 'PostgreSQL' ? route.p95 <= 1.5 * raw.p95 && route.p95 <= 50 : null,
  });
  const imp = run.importResult;
  rows.push({
    measurement: `Import of a ${n(imp?.rows ?? 100_000)}-row chronology CSV`,
    database: db,
    result: imp
      ? `${n(imp.rowsPerSecond)} rows/s (${s(imp.seconds)}: check ${s(imp.checkSeconds)}, commit ${s(imp.commitSeconds)}; ${imp.megabytes.toFixed(1)} MB)`
      : 'failed',
    baseline: `raw COPY ${n(run.copy.rowsPerSecond)} rows/s (${s(run.copy.seconds)})`,
    ratio: imp ? pct(imp.rowsPerSecond / run.copy.rowsPerSecond) : '',
    target: '≥ 30% of COPY',
    met: imp ? imp.rowsPerSecond / run.copy.rowsPerSecond >= 0.3 : false,
  });
  const m = run.memory;
  rows.push({
    measurement: 'Server memory (resident) under HTTP load',
    database: db,
    result: `peak ${m.loadPeakMb} MB (during the import: ${m.importPeakMb} MB)`,
    baseline: `idle after start ${m.idleMb} MB`,
    ratio: times(m.loadPeakMb / Math.max(1, m.idleMb)),
    target: db === 'PostgreSQL' ? '≤ 400 MB' : 'none (PGlite runs inside the process)',
    met: db === 'PostgreSQL' ? m.loadPeakMb <= 400 : null,
  });
  return rows;
}

/** Every row of the results table. */
export function rowsOf(r: Results): Row[] {
  const rows = r.runs.flatMap((run) => databaseRows(run, r.scale));
  if (r.report) {
    const { docx, pdf, html } = r.report;
    for (const [label, t, limit] of [['DOCX', docx, 1.5] as const, ['PDF', pdf, 5] as const])
      rows.push({
        measurement: `Report: ${label} of a large review (1,000 events, 40 episodes, 15 findings)`,
        database: '',
        result: `${s(t.seconds)} (first run ${s(t.coldSeconds)}; ${n(t.bytes / 1024)} KB)`,
        baseline: `HTML of the same document ${s(html.seconds)}`,
        ratio: times(t.seconds / html.seconds),
        target: `≤ ${limit} s`,
        met: t.seconds <= limit,
      });
  }
  if (r.pseudonym) {
    const p = r.pseudonym;
    rows.push({
      measurement: 'Pseudonymisation, 200-entry register, texts of 10 KB',
      database: '',
      result: `${p.mbPerSecond.toFixed(1)} MB/s (${p.megabytes.toFixed(0)} MB in ${s(p.seconds)}; first pass ${p.coldMbPerSecond.toFixed(1)} MB/s)`,
      baseline: `one regular expression of the 200 values ${p.baselineMbPerSecond.toFixed(0)} MB/s`,
      ratio: pct(p.mbPerSecond / p.baselineMbPerSecond),
      target: '≥ 20 MB/s',
      met: p.mbPerSecond >= 20,
    });
  }
  if (r.bundle)
    rows.push({
      measurement: 'Web: initial JavaScript (entry and its static imports, gzipped)',
      database: '',
      result: `${r.bundle.gzipKb.toFixed(0)} KB in ${r.bundle.files.length} files`,
      baseline: 'budget 250 KB',
      ratio: pct(r.bundle.gzipKb / 250),
      target: '≤ 250 KB',
      met: r.bundle.gzipKb <= 250,
    });
  if (r.narrative) {
    const w = r.narrative;
    rows.push(
      {
        measurement: 'Web: narrative of 10,000 events shown (navigation to first rows, Chromium)',
        database: 'PostgreSQL',
        result: `${w.renderMs} ms (first visit ${w.coldRenderMs} ms)`,
        baseline: `empty narrative ${w.emptyRenderMs} ms`,
        ratio: times(w.renderMs / Math.max(1, w.emptyRenderMs)),
        target: '≤ 500 ms',
        met: w.renderMs <= 500,
      },
      {
        measurement: 'Web: scrolling the narrative to its end with the mouse wheel',
        database: 'PostgreSQL',
        result: `${w.longTasksWhileScrolling} tasks over 50 ms, longest ${w.longestTaskWhileScrollingMs} ms (${n(w.scrolledRows)} rows in ${s(w.scrollSeconds)})`,
        baseline: `longest task while first showing it ${w.longestTaskWhileRenderingMs} ms`,
        ratio: '',
        target: 'no task over 50 ms',
        met: w.longTasksWhileScrolling === 0,
      },
    );
  }
  return rows;
}

const cell = (x: string) => x.replaceAll('|', '\\|');

/** The results as Markdown: what was measured, where, and the table. */
export function markdown(r: Results): string {
  const rows = rowsOf(r);
  const table = [
    '| Measurement | Database | Result | Baseline (same run) | Ratio | Target | Met |',
    '| --- | --- | --- | --- | ---: | --- | :---: |',
    ...rows.map(
      (x) =>
        `| ${cell(x.measurement)} | ${x.database} | ${cell(x.result)} | ${cell(x.baseline)} | ${x.ratio} | ${x.target} | ${x.met === null ? '–' : x.met ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  const data = r.runs
    .map(
      (run) =>
        `- ${run.database} (${run.version}): generated in ${run.generation.seconds.toFixed(0)} s: ${Object.entries(
          run.generation.counts,
        )
          .map(([t, c]) => `${t} ${n(c)}`)
          .join(', ')}.`,
    )
    .join('\n');
  return `# Benchmark results: scale ${r.scale}

Measured ${r.when} on ${r.machine}, in ${r.minutes.toFixed(1)} minutes.
HTTP: autocannon, 50 connections, ${r.seconds} s each after a warm-up of 25 requests; the app (\`sightlines serve\`) and
the bare Fastify route each run in a child process; the load generator, the app, the database and
Chromium share the machine. Ratios compare with a baseline taken in the same run, just before.

${table}

Data generated (seeded, loaded with COPY):
${data}

${r.notes.map((x) => `- ${x}`).join('\n')}
`;
}

/** Writes `bench/results/latest.md` and `latest.json`, and the same as `scale-S` or `scale-L`. */
export function writeResults(r: Results): string {
  const md = markdown(r);
  mkdirSync('bench/results', { recursive: true });
  for (const name of ['latest', `scale-${r.scale}`]) {
    writeFileSync(`bench/results/${name}.md`, md);
    writeFileSync(`bench/results/${name}.json`, `${JSON.stringify({ ...r, rows: rowsOf(r) }, null, 2)}\n`);
  }
  return md;
}
