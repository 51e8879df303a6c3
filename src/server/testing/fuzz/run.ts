import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import type { AnyRoute } from '../../http/route.ts';
import type { TestApp } from '../harness.ts';
import {
  changedTables,
  discoverTables,
  forbiddenChangesOnRefusal,
  lazilyRecordedTables,
  recordChanges,
  type Snapshot,
  type Tables,
  takeSnapshot,
  versionedRecordsIn,
  versionOf,
  versionViolations,
} from './invariants.ts';
import {
  type BodyOrigin,
  describeBody,
  encodeBody,
  enumVocabulary,
  type GeneratedRequest,
  pathParamNames,
  requestArbitrary,
  urlOf,
} from './requests.ts';
import { actorsStillWork, givenWorld, type World } from './world.ts';

export type RouteProblems = {
  serverErrors: string[];
  changedOnRefusal: string[];
  versions: string[];
  unaudited: string[];
};

export type FuzzStats = {
  routes: number;
  requests: number;
  byClass: Record<'2xx' | '3xx' | '4xx' | '5xx', number>;
  byOrigin: Record<BodyOrigin, number>;
  /** 2xx writes that changed a record (not only sessions, attempts or the audit log): each must be audited. */
  writesToAudit: number;
  /** Versioned rows named by a request (path or answer) whose change was checked against their version. */
  versionChecks: number;
  /** Other versioned rows a write changed as a side effect without raising their version. */
  unversionedSideEffects: number;
  /** Times the actors could no longer work in the review and a new world was built. */
  newWorlds: number;
  /** The routes whose successful writes made a new world necessary. */
  newWorldsAfter: string[];
  /** Milliseconds spent answering the requests, and taking the snapshots the invariants compare. */
  msRequests: number;
  msSnapshots: number;
};

/** A seed for each route from the run's seed and the route's name, so adding a route changes no other's requests. */
function routeSeed(seed: number, operationId: string): number {
  let h = seed | 0;
  for (const ch of operationId) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

const statusClass = (status: number) =>
  status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : ('2xx' as const);

const decoded = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

const bodyText = (res: LightMyRequestResponse) =>
  res.body.length > 800 ? `${res.body.slice(0, 800)}…` : res.body;

export type FuzzOptions = {
  seed: number;
  runs: number;
  /** The server's error log lines, to quote beside a 5xx. */
  serverLog: string[];
  /** Operations whose successful writes are, by design, not audited: operationId → why. */
  unaudited: Record<string, string>;
};

/** One fuzzing session over an application: its world, its tables, its statistics. */
export class FuzzRun {
  readonly stats: FuzzStats;
  private readonly vocabulary: string[];
  private auditAtStart = 0;
  /** The state after the last generated request: the next one starts from it unless something else ran since. */
  private last: Snapshot | null = null;
  private addressCounter = 0;

  private constructor(
    private readonly t: TestApp,
    private world: World,
    private readonly tables: Tables,
    routes: AnyRoute[],
    private readonly options: FuzzOptions,
  ) {
    this.vocabulary = enumVocabulary(routes);
    this.stats = {
      routes: 0,
      requests: 0,
      byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
      byOrigin: { valid: 0, mutated: 0, hostile: 0, raw: 0, none: 0, multipart: 0 },
      writesToAudit: 0,
      versionChecks: 0,
      unversionedSideEffects: 0,
      newWorlds: 0,
      newWorldsAfter: [],
      msRequests: 0,
      msSnapshots: 0,
    };
  }

  /** Builds the world, finds the tables and notes the audit log's length. */
  static async start(t: TestApp, routes: AnyRoute[], options: FuzzOptions): Promise<FuzzRun> {
    const run = new FuzzRun(t, await givenWorld(t), await discoverTables(t.database.db), routes, options);
    run.auditAtStart = (await run.snapshot()).auditEvents;
    return run;
  }

  private async snapshot(): Promise<Snapshot> {
    const started = performance.now();
    const snapshot = await takeSnapshot(this.t.database.db, this.tables);
    this.stats.msSnapshots += performance.now() - started;
    return snapshot;
  }

  /** The generator of requests for a route in the current world. */
  arbitraryFor(route: AnyRoute): fc.Arbitrary<GeneratedRequest> {
    const w = this.world;
    return requestArbitrary(route, w.params, { knownIds: w.knownIds }, this.vocabulary, w.actors.length);
  }

  /** How many audit events were added since the run started. */
  async auditGrowth(): Promise<number> {
    return (await this.snapshot()).auditEvents - this.auditAtStart;
  }

  /** Sends a route its generated requests and checks each against the properties. */
  async fuzzRoute(route: AnyRoute): Promise<RouteProblems> {
    const problems: RouteProblems = { serverErrors: [], changedOnRefusal: [], versions: [], unaudited: [] };
    this.stats.routes++;
    const requests = fc.sample(this.arbitraryFor(route), {
      numRuns: this.options.runs,
      seed: routeSeed(this.options.seed, route.operationId),
    });
    for (const request of requests) {
      const wrote2xx = await this.send(route, request, problems);
      // A successful write may have signed the actor out or ended their role: check before going on.
      if (wrote2xx) await this.keepActorsWorking(route);
    }
    await this.keepActorsWorking(route);
    return problems;
  }

  /** Signs the actors in again, or builds a new world, when a generated request left them unable to work. */
  private async keepActorsWorking(route: AnyRoute) {
    // Signing in writes sessions and audit events: the next request takes a fresh snapshot.
    this.last = null;
    if (await actorsStillWork(this.t, this.world)) return;
    this.world = await givenWorld(this.t);
    this.stats.newWorlds++;
    this.stats.newWorldsAfter.push(route.operationId);
  }

  private withCurrentVersion(route: AnyRoute, request: GeneratedRequest, before: Snapshot): GeneratedRequest {
    const body = request.body;
    if (!request.currentVersion || (body.origin !== 'valid' && body.origin !== 'mutated')) return request;
    const json = body.json;
    if (!json || typeof json !== 'object' || Array.isArray(json) || !('version' in json)) return request;
    const names = pathParamNames(route.url);
    for (const name of names.reverse()) {
      const version = versionOf(before, decoded(request.pathValues[name] ?? ''));
      if (version !== null) return { ...request, body: { ...body, json: { ...json, version } } };
    }
    return request;
  }

  /** Sends one request and checks it; answers whether it was a successful write. */
  private async send(
    route: AnyRoute,
    generated: GeneratedRequest,
    problems: RouteProblems,
  ): Promise<boolean> {
    const before = this.last ?? (await this.snapshot());
    const request = this.withCurrentVersion(route, generated, before);
    const actor = this.world.actors[request.actor]!;
    const url = urlOf(route, request);
    const { payload, contentType } = encodeBody(request.body);
    const headers: Record<string, string> = {
      cookie: actor.session.cookie,
      'x-csrf-token': actor.session.csrfToken,
    };
    if (contentType !== undefined) headers['content-type'] = contentType;
    const logFrom = this.options.serverLog.length;
    // Each request from an address of its own, so failed sign-ins never throttle the actors' own sign-in.
    const n = this.addressCounter++;
    const started = performance.now();
    const res = await this.t.app.inject({
      method: route.method,
      url,
      headers,
      remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      ...(payload !== undefined ? { payload } : {}),
    });
    this.stats.msRequests += performance.now() - started;
    const after = await this.snapshot();
    this.last = after;

    this.stats.requests++;
    this.stats.byOrigin[request.body.origin]++;
    const cls = statusClass(res.statusCode);
    this.stats.byClass[cls]++;
    const what = `${route.method} ${url} as ${actor.name} with ${describeBody(request.body)}`;
    const changed = changedTables(before, after);

    if (cls === '5xx') {
      const log = this.options.serverLog.slice(logFrom).join('').slice(0, 3000);
      problems.serverErrors.push(
        `${what}\n  → ${res.statusCode} ${bodyText(res)}\n  server log: ${log || '(none)'}`,
      );
      return false;
    }
    if (cls === '4xx') {
      const forbidden = forbiddenChangesOnRefusal(changed);
      if (forbidden.length > 0)
        problems.changedOnRefusal.push(`${what}\n  → ${res.statusCode} but changed ${forbidden.join(', ')}`);
      return false;
    }
    if (cls !== '2xx') return false;

    const mustAudit = recordChanges(changed).filter(
      (table) => !(lazilyRecordedTables as readonly string[]).includes(table),
    );
    if (mustAudit.length > 0 && !this.options.unaudited[route.operationId]) {
      this.stats.writesToAudit++;
      if (after.auditEvents <= before.auditEvents)
        problems.unaudited.push(
          `${what}\n  → ${res.statusCode} changed ${mustAudit.join(', ')} with no audit event`,
        );
    }
    const answered =
      res.headers['content-type']?.toString().includes('application/json') && res.body
        ? versionedRecordsIn(res.json())
        : [];
    const named = new Set([...Object.values(request.pathValues).map(decoded), ...answered.map((r) => r.id)]);
    const versions = versionViolations(before, after, named);
    this.stats.versionChecks += versions.checked;
    this.stats.unversionedSideEffects += versions.others;
    for (const v of versions.problems) problems.versions.push(`${what}\n  → ${v}`);
    for (const record of answered) {
      const stored = versionOf(after, record.id);
      if (stored !== null && stored !== record.version)
        problems.versions.push(
          `${what}\n  → answered version ${record.version} of ${record.id}, stored ${stored}`,
        );
    }
    return true;
  }

  /** The summary line printed after the run, e.g. `fuzz: 95 write routes, 1,520 generated requests (2xx 210, 4xx 1,310, 5xx 0)`. */
  summary(): string {
    const f = (n: number) => n.toLocaleString('en-GB');
    const s = this.stats;
    const origins = Object.entries(s.byOrigin)
      .map(([k, v]) => `${k} ${f(v)}`)
      .join(', ');
    return [
      `fuzz: ${f(s.routes)} write routes, ${f(s.requests)} generated requests (2xx ${f(s.byClass['2xx'])}, 4xx ${f(s.byClass['4xx'])}, 5xx ${f(s.byClass['5xx'])}${s.byClass['3xx'] ? `, 3xx ${f(s.byClass['3xx'])}` : ''})`,
      `fuzz: bodies ${origins}; ${f(s.writesToAudit)} writes changed records and had to be audited; ${f(s.versionChecks)} changed versioned rows checked (${f(s.unversionedSideEffects)} side-effect changes kept their version); ${f(s.newWorlds)} new worlds${s.newWorlds ? ` (after ${s.newWorldsAfter.join(', ')})` : ''}; seed ${this.options.seed}, ${this.options.runs} runs a route; ${f(Math.round(s.msRequests / 1000))} s answering, ${f(Math.round(s.msSnapshots / 1000))} s in snapshots`,
    ].join('\n');
  }
}
