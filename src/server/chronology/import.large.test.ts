import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chronologyEvents, chronologyKnowledge } from '../db/schema/index.ts';
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
import { goodRows, toCsv, upload } from './import-testing.ts';

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

it('imports 50,000 rows from one agency in one transaction', { timeout: 600_000 }, async () => {
  const file = toCsv(goodRows(50_000));
  const started = performance.now();
  const preview = await upload(t, manager, `${url}/imports?agencyId=${agencyId}&filename=big.csv`, file);
  const checked = performance.now();
  expect(preview.statusCode, preview.body.slice(0, 500)).toBe(201);
  expect(preview.json()).toMatchObject({ rowCount: 50_000, validCount: 50_000, errors: [] });
  const commit = await call(t, manager, 'POST', `${url}/imports/${preview.json().importId}/commit`, {});
  const done = performance.now();
  expect(commit.statusCode, commit.body.slice(0, 500)).toBe(200);
  expect(commit.json()).toMatchObject({ eventsCreated: 50_000 });
  const [events] = await t.database.db
    .select({ n: count() })
    .from(chronologyEvents)
    .where(eq(chronologyEvents.reviewId, reviewId));
  expect(events!.n).toBe(50_000);
  const [known] = await t.database.db
    .select({ n: count() })
    .from(chronologyKnowledge)
    .where(eq(chronologyKnowledge.agencyId, agencyId));
  expect(known!.n).toBe(50_000);
  const list = await call(t, manager, 'GET', `${url}/events?limit=200&offset=49900`);
  expect(list.json()).toMatchObject({ total: 50_000 });
  // Reported, not asserted: tests never assert on wall-clock time.
  console.info(
    `50,000-row import: ${(file.length / 1e6).toFixed(1)} MB, check ${((checked - started) / 1000).toFixed(1)} s, commit ${((done - checked) / 1000).toFixed(1)} s`,
  );
});
