// `npm run bench`: HTTP throughput and latency of key reads, each beside a bare Fastify route
// served the same way in the same run (these machines are shared and noisy, so ratios matter).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '#server/app.ts';
import { loadConfig } from '#server/config.ts';
import { openPglite } from '#server/db/client.ts';
import { seedDemo } from '#server/demo/seed.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = 50;
const password = 'bench-password-for-demo-42';

type Result = { name: string; rps: number; p99: number; baselineRps: number; ratio: number };

async function measure(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const dir = mkdtempSync(join(os.tmpdir(), 'sightlines-bench-'));
const database = await openPglite(dir);
await database.migrate();
await seedDemo(database.db, password, dir);
const app = await buildApp({ database, config: loadConfig({ SIGHTLINES_DATA_DIR: dir }), logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const bare = Fastify();
bare.get('/bare', async () => ({
  status: 'ok',
  items: Array.from({ length: 10 }, (_, i) => ({ id: i, name: `Item ${i}` })),
}));
await bare.listen({ port: 0, host: '127.0.0.1' });
const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

const login = await fetch(`${base}/api/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'manager@demo.sightlines.test', password }),
});
const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
const session = (await login.json()) as { memberships: { partnershipId: string }[] };
const pid = session.memberships[0]!.partnershipId;
const reviews = (await (
  await fetch(`${base}/api/partnerships/${pid}/reviews`, { headers: { cookie } })
).json()) as { reviews: { id: string }[] };
const rid = reviews.reviews[0]!.id;

const targets: [string, string][] = [
  ['Health (database round trip)', `${base}/api/health`],
  ['Partnership dashboard: list reviews', `${base}/api/partnerships/${pid}/reviews`],
  ['Review overview', `${base}/api/partnerships/${pid}/reviews/${rid}`],
  ['People in a review', `${base}/api/partnerships/${pid}/reviews/${rid}/participants`],
];
const results: Result[] = [];
for (const [name, url] of targets) {
  const baseline = await measure(bareUrl);
  const m = await measure(url, { cookie });
  if (m.errors > 0) console.warn(`${name}: ${m.errors} errors or non-2xx answers`);
  results.push({
    name,
    rps: Math.round(m.rps),
    p99: m.p99,
    baselineRps: Math.round(baseline.rps),
    ratio: m.rps / baseline.rps,
  });
  console.log(`${name}: ${Math.round(m.rps)} req/s (bare ${Math.round(baseline.rps)}), p99 ${m.p99} ms`);
}
const rssMb = Math.round(process.memoryUsage().rss / 1_048_576);
await app.close();
await bare.close();
await database.close();
rmSync(dir, { recursive: true, force: true });

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
const when = new Date().toISOString();
const table = [
  '| Measurement | req/s | p99 (ms) | Bare route req/s | Ratio |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) => `| ${r.name} | ${r.rps} | ${r.p99} | ${r.baselineRps} | ${(r.ratio * 100).toFixed(0)}% |`,
  ),
].join('\n');
const md = `# Benchmark results\n\nMeasured ${when} on ${machine}.\nEmbedded PGlite, demo partnership, ${connections} connections, ${seconds} s each. Server and load generator share the machine.\nResident memory at the end: ${rssMb} MB.\n\n${table}\n`;
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/latest.md', md);
writeFileSync(
  'bench/results/latest.json',
  JSON.stringify({ when, machine, connections, seconds, rssMb, results }, null, 2),
);
console.log(`\n${md}`);
