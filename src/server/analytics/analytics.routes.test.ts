import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/index.ts';
import { call, createTestApp, type Session, type TestApp } from '../testing/harness.ts';
import { givenAnalyticsScenario } from './testing.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof givenAnalyticsScenario>>;
let url: string;

const get = (who: Session | null, path = '') => call(t, who, 'GET', `${url}${path}`);
const fields = (res: { json(): { error: { details: { fields: { path: string }[] } } } }) =>
  res.json().error.details.fields.map((f) => f.path);
const downloads = () =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.partnershipId, s.pid), eq(auditEvents.action, 'analytics.downloaded')));

beforeAll(async () => {
  t = await createTestApp();
  s = await givenAnalyticsScenario(t);
  url = `/api/partnerships/${s.pid}/analytics`;
});
afterAll(() => t.close());

describe('who sees the analytics', () => {
  it('needs a signed-in member of the partnership; every member may see them', async () => {
    for (const path of ['', '/charts/typology', '/annual-report']) {
      expect((await get(null, path)).statusCode).toBe(401);
      expect((await get(s.outsider, path)).statusCode).toBe(404);
      expect((await call(t, s.admin, 'GET', `/api/partnerships/not-an-id/analytics${path}`)).statusCode).toBe(
        404,
      );
    }
    for (const who of [s.admin, s.manager, s.member]) {
      const res = await get(who);
      expect(res.statusCode).toBe(200);
      expect(res.json().abilities).toEqual({ download: true });
    }
  });

  it('is a 404 for another partnership even with bad input', async () => {
    expect((await get(s.outsider, '?from=abc')).statusCode).toBe(404);
    expect((await get(s.outsider, '/charts/pie')).statusCode).toBe(404);
  });
});

describe('the analytics', () => {
  it('counts findings by year and typology category over the last five years', async () => {
    const { Y } = s;
    const body = (await get(s.member)).json();
    expect([body.from, body.to]).toEqual([Y - 4, Y]);
    expect(body.typology.categories.map((c: { code: string }) => c.code)).toEqual([
      'tools',
      'management_systems',
      'incidents_crises',
      'longer_term',
      'family_professional',
      'human_reasoning',
      'local_housing',
    ]);
    expect(body.typology.categories.at(-1)).toEqual({ code: 'local_housing', name: 'Housing' });
    const zero = {
      tools: 0,
      management_systems: 0,
      incidents_crises: 0,
      longer_term: 0,
      family_professional: 0,
      human_reasoning: 0,
      local_housing: 0,
      none: 0,
    };
    expect(body.typology.years).toEqual([
      { year: Y - 4, counts: zero, total: 0 },
      { year: Y - 3, counts: zero, total: 0 },
      { year: Y - 2, counts: { ...zero, human_reasoning: 2 }, total: 2 },
      { year: Y - 1, counts: zero, total: 0 },
      { year: Y, counts: { ...zero, tools: 3, family_professional: 1, local_housing: 1, none: 2 }, total: 7 },
    ]);
  });

  it('lists the contributory factors recorded most often, with the reviews they were found in', async () => {
    expect((await get(s.member)).json().factors).toEqual([
      {
        groupKey: 'conditions_of_work',
        groupLabel: 'Conditions of work',
        factorType: 'Workload',
        count: 3,
        reviews: 2,
      },
      { groupKey: 'family', groupLabel: 'Family', factorType: 'Family dynamics', count: 1, reviews: 1 },
      { groupKey: 'own_team', groupLabel: 'Own team', factorType: null, count: 1, reviews: 1 },
    ]);
  });

  it('measures time from initiation to publication against six months', async () => {
    const { Y, reviews } = s;
    const timeliness = (await get(s.member)).json().timeliness;
    expect(timeliness).toMatchObject({
      targetDays: 183,
      medianDaysToPublication: 184,
      publishedWithinTarget: 1,
      published: 2,
    });
    expect(timeliness.reviews).toEqual([
      {
        reviewId: reviews.a.id,
        title: 'Child A',
        initiatedOn: `${Y - 1}-03-01`,
        publishedOn: `${Y - 1}-08-31`,
        days: 183,
        published: true,
        withinTarget: true,
      },
      {
        reviewId: reviews.b.id,
        title: 'Child B',
        initiatedOn: `${Y - 1}-04-01`,
        publishedOn: `${Y - 1}-10-02`,
        days: 184,
        published: true,
        withinTarget: false,
      },
      {
        reviewId: reviews.c.id,
        title: '=Child C',
        initiatedOn: reviews.c.initiatedDate,
        publishedOn: null,
        days: 0,
        published: false,
        withinTarget: true,
      },
    ]);
  });

  it('counts actions by the quarter they were due, and totals them as the tracker does', async () => {
    const { Y } = s;
    const actions = (await get(s.member, `?from=${Y - 1}&to=${Y + 1}`)).json().actions;
    expect(actions.byQuarter).toHaveLength(12);
    const quarter = (q: string) => actions.byQuarter.find((b: { quarter: string }) => b.quarter === q);
    expect(quarter(`${Y - 1} Q2`)).toEqual({ quarter: `${Y - 1} Q2`, completed: 1, overdue: 1, open: 0 });
    expect(quarter(`${Y} Q1`)).toEqual({ quarter: `${Y} Q1`, completed: 1, overdue: 0, open: 0 });
    expect(quarter(`${Y + 1} Q1`)).toEqual({ quarter: `${Y + 1} Q1`, completed: 0, overdue: 0, open: 1 });
    const others = actions.byQuarter.filter(
      (b: { quarter: string }) => ![`${Y - 1} Q2`, `${Y} Q1`, `${Y + 1} Q1`].includes(b.quarter),
    );
    expect(
      others.every(
        (b: { completed: number; overdue: number; open: number }) => !b.completed && !b.overdue && !b.open,
      ),
    ).toBe(true);
    expect(actions.totals).toEqual({ open: 3, in_progress: 1, done: 1, impact_verified: 1, overdue: 2 });
  });

  it('names the year that is not understood', async () => {
    const { Y } = s;
    for (const [query, paths] of [
      ['?from=abc', ['from']],
      ['?from=2020&to=1800', ['to']],
      ['?from=2020.5&to=soon', ['from', 'to']],
      [`?from=${Y + 1}`, ['from']],
      ['?from=2026&to=2020', ['from']],
    ] as const) {
      const res = await get(s.admin, query);
      expect(res.statusCode, query).toBe(400);
      expect(fields(res), query).toEqual(paths);
    }
  });
});

describe('downloading a chart’s data', () => {
  const parse = (body: string) => Papa.parse<string[]>(body.replace(/^\uFEFF/, '').trim()).data;

  it('is a CSV file named for the chart and its years, that Excel reads as UTF-8, and is audited', async () => {
    const { Y } = s;
    const res = await get(s.member, '/charts/typology');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="findings-by-typology-${Y - 4}-${Y}.csv"`,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(res.body);
    expect(rows[0]).toEqual([
      'Year',
      'Human–tool operation',
      'Human–management system operation',
      'Multi-agency working in response to incidents and crises',
      'Multi-agency working in assessment and longer-term work',
      'Family–professional interaction',
      'Human judgement and reasoning',
      'Housing',
      'Uncoded',
      'Total',
    ]);
    expect(rows.slice(1)).toEqual([
      [`${Y - 4}`, '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      [`${Y - 3}`, '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      [`${Y - 2}`, '0', '0', '0', '0', '0', '2', '0', '0', '2'],
      [`${Y - 1}`, '0', '0', '0', '0', '0', '0', '0', '0', '0'],
      [`${Y}`, '3', '0', '0', '0', '1', '0', '1', '2', '7'],
    ]);
    const audits = await downloads();
    expect(audits.map((a) => [a.actorUserId, a.entityType, a.entityId, a.details])).toEqual([
      [s.member.userId, 'partnership', s.pid, { chart: 'typology', from: Y - 4, to: Y }],
    ]);
  });

  it('holds each chart’s rows, with text a spreadsheet would run written as text', async () => {
    const { Y } = s;
    const factors = await get(s.admin, '/charts/factors');
    expect(parse(factors.body)).toEqual([
      ['Factor group', 'Factor type', 'Times found', 'Reviews'],
      ['Conditions of work', 'Workload', '3', '2'],
      ['Family', 'Family dynamics', '1', '1'],
      ['Own team', 'Not specified', '1', '1'],
    ]);
    const timeliness = await get(s.admin, `/charts/timeliness?from=${Y - 1}&to=${Y}`);
    expect(timeliness.headers['content-disposition']).toContain(`time-to-publication-${Y - 1}-${Y}.csv`);
    expect(parse(timeliness.body)).toEqual([
      ['Review', 'Initiated', 'Published', 'Days', 'Within six months'],
      ['Child A', `${Y - 1}-03-01`, `${Y - 1}-08-31`, '183', 'Yes'],
      ['Child B', `${Y - 1}-04-01`, `${Y - 1}-10-02`, '184', 'No'],
      ["'=Child C", s.reviews.c.initiatedDate, '', '0', 'Not yet published'],
    ]);
    const actions = parse((await get(s.admin, `/charts/actions?from=${Y}&to=${Y}`)).body);
    expect(actions[0]).toEqual(['Quarter due', 'Completed', 'Overdue', 'Open']);
    expect(actions[1]).toEqual([`${Y} Q1`, '1', '0', '0']);
    expect(actions).toHaveLength(5);
    const details = (await downloads()).map((a) => a.details);
    expect(details.slice(-3)).toEqual([
      { chart: 'factors', from: Y - 4, to: Y },
      { chart: 'timeliness', from: Y - 1, to: Y },
      { chart: 'actions', from: Y, to: Y },
    ]);
  });

  it('names an unknown chart or a bad year, and records no download', async () => {
    const before = (await downloads()).length;
    const chart = await get(s.admin, '/charts/pie');
    expect(chart.statusCode).toBe(400);
    expect(fields(chart)).toEqual(['chart']);
    const years = await get(s.admin, '/charts/typology?from=2030&to=2020');
    expect(years.statusCode).toBe(400);
    expect(fields(years)).toEqual(['from']);
    expect(await downloads()).toHaveLength(before);
  });
});

describe('odd input', () => {
  it('answers any years sent with the figures or a 400, never a 5xx', async () => {
    const year = fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: 1980, max: 2110 }).map(String));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('', '/charts/actions', '/annual-report'),
        year,
        year,
        async (path, from, to) => {
          const query = new URLSearchParams(path === '/annual-report' ? { year: from } : { from, to });
          const res = await get(s.member, `${path}?${query}`);
          expect([200, 400]).toContain(res.statusCode);
        },
      ),
      { numRuns: 25 },
    );
  });
});
