import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chronologyEvents } from '../db/schema/index.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { csvLine, goodRows, templateHeadings, toXlsx, upload } from './import-testing.ts';

let t: TestApp;
let manager: Session;
let url: string;
let reviewId: string;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  manager = await signInAs(t, (await givenMember(t, pid, 'business_manager')).email);
  const review = await givenReview(t, pid);
  reviewId = review.id;
  agencyId = (await givenAgency(t, pid)).id;
  url = `/api/partnerships/${pid}/reviews/${review.id}/chronology`;
});
afterAll(() => t.close());

const events = async () =>
  (
    await t.database.db
      .select({ n: count() })
      .from(chronologyEvents)
      .where(eq(chronologyEvents.reviewId, reviewId))
  )[0]!.n;

/** Uploads, then commits: never a 5xx; either every row problem is listed and nothing is written, or every valid row is. */
let committed = 0;

async function uploadAndCommit(payload: string | Buffer, kind: 'csv' | 'xlsx') {
  const before = await events();
  const preview = await upload(t, manager, `${url}/imports?agencyId=${agencyId}`, payload, kind);
  expect(preview.statusCode, preview.body).toBeLessThan(500);
  if (preview.statusCode !== 201) {
    expect(preview.statusCode).toBe(400);
    expect(await events()).toBe(before);
    return;
  }
  const body = preview.json();
  for (const e of body.errors) {
    expect(e.row).toBeGreaterThanOrEqual(1);
    expect(typeof e.column).toBe('string');
    expect(e.reason.length).toBeGreaterThan(0);
  }
  const commit = await call(t, manager, 'POST', `${url}/imports/${body.importId}/commit`, {});
  expect(commit.statusCode, commit.body).toBeLessThan(500);
  if (body.errors.length) {
    expect(commit.statusCode).toBe(409);
    expect(await events()).toBe(before);
  } else {
    committed++;
    expect(commit.statusCode).toBe(200);
    expect(await events()).toBe(before + body.validCount);
  }
}

const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '',
    '2026-02-30',
    '31/12/2025',
    '2026-03',
    '25:61',
    'high',
    'HIGH',
    'month',
    '"',
    '""',
    ';',
    '\u0000',
    '=1+1',
    '\r\n',
    '\uD800',
    'a\uDC00b',
    'x'.repeat(10_001),
  ),
  fc
    .date({ min: new Date('1800-01-01'), max: new Date('3100-01-01') })
    .map((d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10))),
);
const table = fc.array(fc.array(nasty, { minLength: 0, maxLength: 12 }), { maxLength: 15 });
/** Sometimes a clean file, so that the all-or-nothing commit is exercised both ways. */
const cleanTable = fc.integer({ min: 1, max: 10 }).map((n) => goodRows(n));
const headings = fc.oneof(
  fc.constant(templateHeadings),
  fc.constant(templateHeadings),
  fc.shuffledSubarray(templateHeadings),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 10 }),
);

describe('importing random and malformed files', () => {
  it('CSV: random bytes never give a 5xx or a partial write', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) =>
        uploadAndCommit(Buffer.from(bytes), 'csv'),
      ),
      { numRuns: 30 },
    );
  });

  it('CSV: tables of odd cells under odd headings, comma or semicolon separated, with or without a BOM', async () => {
    await fc.assert(
      fc.asyncProperty(
        headings,
        fc.oneof(table, cleanTable),
        fc.boolean(),
        fc.boolean(),
        async (h, rows, semi, bom) => {
          let text = [csvLine(h), ...rows.map(csvLine)].join('\n');
          if (semi) text = text.replaceAll('","', '";"');
          if (bom) text = `\uFEFF${text}`;
          await uploadAndCommit(text, 'csv');
        },
      ),
      { numRuns: 60 },
    );
    expect(committed).toBeGreaterThan(0);
  });

  it('XLSX: workbooks of odd cells, and damaged or random bytes', async () => {
    const good = await toXlsx(goodRows(3));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          table.map((rows) => ({ rows, damage: null as null | [number, number][] })),
          fc
            .array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.nat({ max: 255 })), {
              minLength: 1,
              maxLength: 8,
            })
            .map((damage) => ({ rows: null, damage })),
          fc
            .uint8Array({ maxLength: 1500 })
            .map((b) => ({ rows: null, damage: [[-1, b.length] as [number, number]], bytes: b })),
        ),
        async (c) => {
          let file: Buffer;
          if (c.rows) file = await toXlsx(c.rows);
          else if ('bytes' in c) file = Buffer.from(c.bytes as Uint8Array);
          else {
            file = Buffer.from(good);
            for (const [at, v] of c.damage!) file[at] = v;
          }
          await uploadAndCommit(file, 'xlsx');
        },
      ),
      { numRuns: 40 },
    );
  });
});
