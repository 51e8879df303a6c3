// Learning library search latency, one request at a time: the API route beside the raw SQL it is
// built on (`websearch_to_tsquery` on library_entries, ranked, 20 rows), with the same searches.
import type { Loader } from './copy.ts';
import type { Fixture } from './generate.ts';
import type { Session } from './http.ts';
import { searchTerms } from './words.ts';

export type Latency = { p50: number; p95: number; max: number; n: number };

/**
 * The raw query: what the route's national search is built on, run directly. The same entries (the
 * published findings of this partnership and of every partnership that shares), ranked the same way
 * (`ts_rank_cd`), best 20; without what the route adds (facet counts, total, headlines, audit).
 */
export const RAW_SEARCH_SQL = `
select e.id, e.statement, ts_rank_cd(e.search, q) as rank
from library_entries e, websearch_to_tsquery('english', $2) q
where e.search @@ q
  and (e.source = 'import' or e.published_on is not null)
  and (e.partnership_id = $1
       or e.partnership_id in (select partnership_id from library_settings where share_nationally))
order by rank desc
limit 20`;

export function percentiles(ms: number[]): Latency {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
  return { p50: round(at(50)), p95: round(at(95)), max: round(s.at(-1) ?? 0), n: s.length };
}
const round = (n: number) => Math.round(n * 100) / 100;

async function timed(rounds: number, one: (q: string) => Promise<void>): Promise<Latency> {
  for (const q of searchTerms) await one(q); // warm-up, not counted
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++)
    for (const q of searchTerms) {
      const t = performance.now();
      await one(q);
      ms.push(performance.now() - t);
    }
  return percentiles(ms);
}

/** The raw SQL's latency from a client on the same machine. */
export function rawSearchLatency(loader: Loader, f: Fixture, rounds = 10): Promise<Latency> {
  return timed(rounds, async (q) => void (await loader.query(RAW_SEARCH_SQL, [f.partnershipId, q])));
}

/** The search route's latency through HTTP, signed in as the business manager. */
export function routeSearchLatency(
  base: string,
  f: Fixture,
  session: Session,
  rounds = 10,
): Promise<Latency> {
  return timed(rounds, async (q) => {
    const res = await fetch(
      `${base}/api/partnerships/${f.partnershipId}/library?scope=national&q=${encodeURIComponent(q)}`,
      { headers: { cookie: session.cookie } },
    );
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`library search answered ${res.status}`);
  });
}

/** The raw query's plan for one search, for the record when a target is missed. */
export async function explainSearch(loader: Loader, f: Fixture, q: string): Promise<string> {
  const rows = await loader.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${RAW_SEARCH_SQL.replace('$1', `'${f.partnershipId}'`).replace('$2', `'${q.replaceAll("'", "''")}'`)}`,
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
