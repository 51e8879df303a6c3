import { createHash } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReviewExport, remapIds } from '#domain/transfer/review-export.ts';
import { auditEvents, participants, partnerships, reviews } from '../db/schema/index.ts';
import { DEMO_SLUG, demoUsers, seedDemo } from '../demo/seed.ts';
import { EICAR, startFakeClamd } from '../scan/clamd-testing.ts';
import {
  call,
  createTestApp,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { rawRows } from './catalog.ts';

const PASSWORD = 'correct-horse-battery-9';
let t: TestApp;
let partnershipId: string;
let reviewId: string;
let admin: Session;

const email = (role: string) => demoUsers.find((u) => u.role === role)!.email;
const exportUrl = (pid: string, rid: string) => `/api/partnerships/${pid}/reviews/${rid}/export`;
const importUrl = (pid: string, title?: string) =>
  `/api/partnerships/${pid}/review-imports${title ? `?title=${encodeURIComponent(title)}` : ''}`;

function upload(session: Session | null, url: string, body: string) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json',
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
    },
    payload: body,
  });
}

async function exported(session: Session, pid: string, rid: string): Promise<ReviewExport> {
  const res = await call(t, session, 'GET', exportUrl(pid, rid));
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res.json();
}

/** Rows of each table in a stable order, so two exports can be compared as sets of rows. */
const sortedTables = (tables: ReviewExport['tables']) =>
  Object.fromEntries(
    Object.entries(tables).map(([name, rows]) => [
      name,
      rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort(),
    ]),
  );

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, PASSWORD, t.config.dataDir);
  const [p] = await t.database.db.select().from(partnerships).where(eq(partnerships.slug, DEMO_SLUG));
  partnershipId = p!.id;
  // The richest demo review: the one with the most rows across its evidence and analysis.
  const [richest] = await rawRows(
    t.database.db,
    sql`select r.id, (select count(*) from documents d where d.review_id = r.id) * 100
          + (select count(*) from chronology_events e where e.review_id = r.id)
          + (select count(*) from findings f where f.review_id = r.id) as score
        from reviews r where r.partnership_id = ${partnershipId} order by score desc limit 1`,
  );
  reviewId = String(richest!.id);
  admin = await signInAs(t, email('partnership_admin'), PASSWORD);
});

afterAll(async () => t?.close());

describe('exportReview', () => {
  it('refuses anonymous (401), other partnerships (404) and members who are not admins or business managers (403)', async () => {
    expect((await call(t, null, 'GET', exportUrl(partnershipId, reviewId))).statusCode).toBe(401);
    const other = await givenPartnership(t);
    const outsider = await givenMember(t, other.id, 'partnership_admin');
    const outsiderSession = await signInAs(t, outsider.email);
    expect((await call(t, outsiderSession, 'GET', exportUrl(partnershipId, reviewId))).statusCode).toBe(404);
    const lead = demoUsers.find((u) => u.reviewRole === 'lead_reviewer')!;
    const leadSession = await signInAs(t, lead.email, PASSWORD);
    const [leadsReview] = await t.database.db
      .select({ reviewId: participants.reviewId })
      .from(participants)
      .where(and(eq(participants.email, lead.email), eq(participants.active, true)));
    expect(
      (await call(t, leadSession, 'GET', exportUrl(partnershipId, leadsReview!.reviewId))).statusCode,
    ).toBe(403);
  });

  it('downloads the review, its rows, people, agencies and files as versioned JSON, and audits it', async () => {
    const res = await call(t, admin, 'GET', exportUrl(partnershipId, reviewId));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="review-demo-.*\.json"$/);
    const data = res.json() as ReviewExport;
    expect(data).toMatchObject({
      format: 'sightlines.review',
      version: 1,
      source: { partnership: DEMO_SLUG },
    });
    expect(data.review.id).toBe(reviewId);
    const nonEmpty = Object.entries(data.tables)
      .filter(([, rows]) => rows.length > 0)
      .map(([n]) => n);
    expect(nonEmpty).toEqual(expect.arrayContaining(['participants', 'documents', 'chronology_events']));
    expect(data.files.length).toBeGreaterThan(0);
    expect(data.people.length).toBeGreaterThan(0);
    for (const p of data.tables.participants!) expect(p.invitation_token_hash ?? null).toBeNull();
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'review.exported'), eq(auditEvents.entityId, reviewId)));
    expect(audits).toHaveLength(1);
  });
});

describe('importReview', () => {
  it('refuses anonymous (401), other partnerships (404) and members (403) before reading the file', async () => {
    const data = JSON.stringify({});
    expect((await upload(null, importUrl(partnershipId), data)).statusCode).toBe(401);
    const other = await givenPartnership(t);
    const outsider = await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email);
    expect((await upload(outsider, importUrl(partnershipId), data)).statusCode).toBe(404);
    const member = await signInAs(t, email('member'), PASSWORD);
    expect((await upload(member, importUrl(partnershipId), data)).statusCode).toBe(403);
  });

  it('round trip: export, import, export again: the two exports are equal but for ids, title and time', async () => {
    const first = await exported(admin, partnershipId, reviewId);
    const res = await upload(admin, importUrl(partnershipId), JSON.stringify(first));
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    const result = res.json();
    expect(result.title).toBe(`${first.review.title} (imported)`);
    expect(result.unmatchedPeople).toEqual([]);
    expect(result.addedAgencies).toEqual([]);
    expect(result.leftOut).toEqual({});
    expect(result.reviewId).not.toBe(reviewId);

    const second = await exported(admin, partnershipId, result.reviewId);
    const map = new Map(Object.entries(result.ids as Record<string, string>));
    const expected = remapIds(first, map);
    expect(new Set(Object.values(result.ids)).size).toBe(map.size);
    expect({ ...second.review, title: expected.review.title }).toEqual(expected.review);
    expect(sortedTables(second.tables)).toEqual(sortedTables(expected.tables));
    expect(second.people).toEqual(first.people);
    expect(second.agencies).toEqual(first.agencies);
    expect(second.files).toEqual(first.files);
    const counts = Object.fromEntries(Object.entries(first.tables).map(([n, rows]) => [n, rows.length]));
    expect(result.counts).toEqual(counts);

    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'review.imported'), eq(auditEvents.entityId, result.reviewId)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ source: { partnership: DEMO_SLUG, reviewId } });
  });

  it('into another partnership: people without an account stay as participants without one; agencies are added', async () => {
    const data = await exported(admin, partnershipId, reviewId);
    const other = await givenPartnership(t);
    const otherAdmin = await signInAs(t, (await givenMember(t, other.id, 'business_manager')).email);
    const res = await upload(
      otherAdmin,
      importUrl(other.id, 'Child Z (from Northbrook)'),
      JSON.stringify(data),
    );
    expect(res.statusCode, res.body.slice(0, 2000)).toBe(201);
    const result = res.json();
    expect(result.title).toBe('Child Z (from Northbrook)');
    expect(result.unmatchedPeople.length).toBe(data.people.length);
    expect(result.addedAgencies.length).toBe(data.agencies.length);
    const [review] = await t.database.db.select().from(reviews).where(eq(reviews.id, result.reviewId));
    expect(review!.partnershipId).toBe(other.id);
    const imported = await t.database.db
      .select()
      .from(participants)
      .where(eq(participants.reviewId, result.reviewId));
    expect(imported.length).toBe(data.tables.participants!.length);
    expect(imported.every((p) => p.userId === null && p.partnershipId === other.id)).toBe(true);
    expect(imported.map((p) => p.email).sort()).toEqual(data.tables.participants!.map((p) => p.email).sort());
  });

  it('names the table, row and reason of each problem, and imports nothing', async () => {
    const data = await exported(admin, partnershipId, reviewId);
    const before = await t.database.db.select({ id: reviews.id }).from(reviews);
    const send = async (body: unknown) => {
      const res = await upload(
        admin,
        importUrl(partnershipId),
        typeof body === 'string' ? body : JSON.stringify(body),
      );
      expect(res.statusCode, res.body.slice(0, 1000)).toBe(400);
      return res.json().error.details.fields as { path: string; message: string }[];
    };
    expect((await send('{"format": ')).map((f) => f.path)).toEqual(['(body)']);
    expect(await send({ ...data, version: 2 })).toEqual([
      { path: 'version', message: expect.stringMatching(/version 1/) },
    ]);
    expect((await send({ ...data, format: 'other' }))[0]!.path).toBe('format');

    const badColumn = structuredClone(data);
    badColumn.tables.chronology_events![1]!.colour = 'blue';
    expect(await send(badColumn)).toEqual([
      { path: 'tables.chronology_events.1.colour', message: 'chronology_events has no column colour' },
    ]);

    const badTable = structuredClone(data);
    badTable.tables.users = [];
    expect((await send(badTable))[0]!.path).toBe('tables.users');

    const badValue = structuredClone(data);
    const events = badValue.tables.chronology_events!;
    const key = Object.keys(events[2]!).find(
      (k) => /date|_at$/.test(k) && typeof events[2]![k] === 'string',
    )!;
    events[2]![key] = 'not a date';
    const [problem] = await send(badValue);
    expect(problem!.path).toBe('tables.chronology_events.2');
    expect(problem!.message).toMatch(/cannot be stored/);

    const damaged = structuredClone(data);
    damaged.files[0]!.base64 = Buffer.from('something else').toString('base64');
    expect((await send(damaged))[0]!.path).toBe('files.0.base64');

    const after = await t.database.db.select({ id: reviews.id }).from(reviews);
    expect(after.length).toBe(before.length);
  });

  it('answers any JSON that is not an export with 400, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const res = await upload(admin, importUrl(partnershipId), JSON.stringify(value) ?? 'null');
        expect(res.statusCode).toBe(400);
      }),
      { numRuns: 40 },
    );
  });

  it('scans each embedded file with the virus scanner when one is set up, and imports nothing if one holds a virus', async () => {
    const clamd = await startFakeClamd();
    try {
      t.config.clamd = clamd.settings;
      const data = await exported(admin, partnershipId, reviewId);
      data.files.push({
        sha256: createHash('sha256').update(EICAR).digest('hex'),
        size: EICAR.length,
        base64: EICAR.toString('base64'),
      });
      const reviewCount = async () => (await t.database.db.select({ n: count() }).from(reviews))[0]!.n;
      const before = await reviewCount();
      const res = await upload(admin, importUrl(partnershipId), JSON.stringify(data));
      expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
      expect(res.json().error.details).toMatchObject({ reason: 'virus_found' });
      expect(await reviewCount()).toBe(before);
    } finally {
      t.config.clamd = undefined;
      await clamd.close();
    }
  });
});
