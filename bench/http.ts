// HTTP throughput and latency with autocannon at 50 connections: each route of the app beside a
// bare Fastify route served the same way, measured just before it (the machines are shared and noisy).
import autocannon from 'autocannon';
import type { Fixture } from './generate.ts';
import type { Served } from './server.ts';
import { searchTerms } from './words.ts';

export const CONNECTIONS = 50;

export type Session = { cookie: string; csrfToken: string };

export type HttpResult = {
  name: string;
  kind: 'read' | 'write';
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  baselineRps: number;
  baselineP99: number;
  /** The route's requests per second over the bare route's. */
  ratio: number;
  /** Peak resident memory of the app while this load ran, MB. */
  peakRssMb: number;
  note?: string;
};

/** Signs in through the API, as the web does. */
export async function signIn(base: string, fixture: Fixture): Promise<Session> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: fixture.email, password: fixture.password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

type Load = {
  url: string;
  seconds: number;
  /** Instead of a duration: this many responses, over fewer connections (the warm-up). */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Paths to cycle through instead of the URL's own. */
  paths?: string[];
};

async function load(l: Load) {
  const r = await autocannon({
    url: l.url,
    ...(l.amount ? { amount: l.amount, connections: 5 } : { duration: l.seconds, connections: CONNECTIONS }),
    timeout: 30,
    method: l.method ?? 'GET',
    headers: l.headers ?? {},
    ...(l.body ? { body: l.body } : {}),
    ...(l.paths ? { requests: l.paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
  });
  return {
    rps: r.requests.total / Math.max(0.001, r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

/** Samples the app's resident memory while `work` runs; returns the work's result and the peak. */
export async function sampled<T>(app: Served, work: () => Promise<T>): Promise<[T, number]> {
  let peak = app.memory().rssMb;
  const timer = setInterval(() => {
    peak = Math.max(peak, app.memory().rssMb);
  }, 200);
  try {
    return [await work(), peak];
  } finally {
    clearInterval(timer);
    peak = Math.max(peak, app.memory().rssMb);
  }
}

type Target = Omit<Load, 'seconds'> & { name: string; kind: 'read' | 'write' };

/** The routes a business manager's screens call, at the scale generated. */
export function httpTargets(base: string, f: Fixture, session: Session, library: boolean): Target[] {
  const p = `${base}/api/partnerships/${f.partnershipId}`;
  const headers = { cookie: session.cookie };
  const targets: Target[] = [
    { name: 'Review overview', kind: 'read', url: `${p}/reviews/${f.largeReviewId}`, headers },
    {
      name: 'Narrative: a page of 200 events (events 5,001–5,200 of 10,000)',
      kind: 'read',
      url: `${p}/reviews/${f.largeReviewId}/chronology/events?offset=5000&limit=200`,
      headers,
    },
  ];
  if (library)
    targets.push({
      name: 'Library search, all partnerships (16 different searches in turn)',
      kind: 'read',
      url: `${p}/library`,
      paths: searchTerms.map(
        (q) => `/api/partnerships/${f.partnershipId}/library?scope=national&q=${encodeURIComponent(q)}`,
      ),
      headers,
    });
  targets.push({
    name: 'Create a narrative event',
    kind: 'write',
    url: `${p}/reviews/${f.writeReviewId}/chronology/events`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({
      occurredOn: '2024-05-01',
      agencyId: f.agencyIds[0],
      practitionerRole: 'Health visitor',
      summary: 'The health visitor saw the baby at home; the mother said her partner had moved out.',
    }),
  });
  return targets;
}

/** Waits until the app has answered what an earlier load left queued (a health check queues behind it). */
async function drained(app: Served) {
  await (await fetch(`${app.base}/api/health`)).arrayBuffer();
}

/**
 * Measures each target under load, each right after the bare route and after a warm-up of 25
 * requests, sampling the app's memory throughout; requests still queued when a load ends are
 * answered before the next starts.
 */
export async function measureHttp(
  app: Served,
  bare: Served,
  targets: Target[],
  seconds: number,
  log: (line: string) => void,
): Promise<HttpResult[]> {
  const results: HttpResult[] = [];
  for (const t of targets) {
    const baseline = await load({ url: `${bare.base}/bare`, seconds });
    await load({ ...t, seconds, amount: 25 });
    await drained(app);
    const [m, peakRssMb] = await sampled(app, () => load({ ...t, seconds }));
    await drained(app);
    const result: HttpResult = {
      name: t.name,
      kind: t.kind,
      rps: Math.round(m.rps),
      p50: m.p50,
      p99: m.p99,
      errors: m.errors,
      baselineRps: Math.round(baseline.rps),
      baselineP99: baseline.p99,
      ratio: m.rps / baseline.rps,
      peakRssMb,
    };
    results.push(result);
    log(
      `${t.name}: ${result.rps} req/s (bare ${result.baselineRps}, ${(result.ratio * 100).toFixed(0)}%), p99 ${m.p99} ms, ${peakRssMb} MB${m.errors ? `, ${m.errors} errors` : ''}`,
    );
  }
  return results;
}

/** Whether the learning library's search route answers (it is being built alongside). */
export async function libraryAvailable(base: string, f: Fixture, session: Session): Promise<string | null> {
  const res = await fetch(`${base}/api/partnerships/${f.partnershipId}/library?scope=national&q=neglect`, {
    headers: { cookie: session.cookie },
  });
  await res.arrayBuffer();
  return res.ok ? null : `the library search route answered ${res.status}`;
}
