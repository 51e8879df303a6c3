import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit/audit.service.ts';
import { auditEvents, chronologyEvents, chronologyImports, chronologySources } from '../db/schema/index.ts';
import {
  createTestApp,
  givenAgency,
  givenPartnership,
  givenReview,
  type TestApp,
} from '../testing/harness.ts';
import { checkConsistency } from './consistency.ts';

// The crash test trusts this checker to find damage; here it is shown damage on purpose.
let t: TestApp;
let partnershipId: string;
let reviewId: string;
let agencyId: string;

beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await givenPartnership(t)).id;
  reviewId = (await givenReview(t, partnershipId)).id;
  agencyId = (await givenAgency(t, partnershipId)).id;
  await recordAudit(t.database.db, {
    partnershipId,
    actorUserId: null,
    action: 'partnership.created',
    entityType: 'partnership',
    entityId: partnershipId,
  });
});
afterAll(() => t.close());

async function givenImport(status: 'previewed' | 'committed', rows: number, events: number) {
  const [record] = await t.database.db
    .insert(chronologyImports)
    .values({
      partnershipId,
      reviewId,
      agencyId,
      filename: 'returns.csv',
      status,
      rowCount: rows,
      rows: Array.from({ length: rows }, (_, i) => ({ row: i + 2 })),
    })
    .returning();
  for (let i = 0; i < events; i++) {
    const [event] = await t.database.db
      .insert(chronologyEvents)
      .values({
        partnershipId,
        reviewId,
        agencyId,
        importId: record!.id,
        occurredOn: '2025-01-01',
        summary: `Imported row ${i}`,
      })
      .returning();
    await t.database.db
      .insert(chronologySources)
      .values({ partnershipId, eventId: event!.id, kind: 'agency_return', reference: `row ${i}` });
  }
  return record!.id;
}

async function givenEvent(summary: string) {
  const [event] = await t.database.db
    .insert(chronologyEvents)
    .values({ partnershipId, reviewId, agencyId, occurredOn: '2025-02-01', summary })
    .returning();
  return { id: event!.id, summary };
}

describe('checkConsistency', () => {
  it('passes a database where every import is whole or absent and every acknowledged event is there', async () => {
    const whole = await givenImport('committed', 3, 3);
    const absent = await givenImport('previewed', 2, 0);
    const event = await givenEvent('Acknowledged visit');
    const result = await checkConsistency(
      t.database.db,
      reviewId,
      [event],
      [
        { round: 1, rows: 3, importId: whole, commitAcked: true },
        { round: 2, rows: 2, importId: absent, commitAcked: false },
      ],
    );
    expect(result.problems).toEqual([]);
    expect(result.imports).toHaveLength(2);
    expect(result.auditEvents).toBeGreaterThan(0);
  });

  it('finds a half-written import, a missing acknowledged import and a lost acknowledged event', async () => {
    const half = await givenImport('committed', 4, 2);
    const stray = await givenImport('previewed', 2, 1);
    const notImported = await givenImport('previewed', 1, 0);
    const event = await givenEvent('Kept');
    const result = await checkConsistency(
      t.database.db,
      reviewId,
      [
        { id: event.id, summary: 'Changed since' },
        { id: '00000000-0000-4000-8000-000000000000', summary: 'Never stored' },
      ],
      [
        { round: 3, rows: 1, importId: notImported, commitAcked: true },
        { round: 4, rows: 1, importId: '00000000-0000-4000-8000-000000000001', commitAcked: false },
      ],
    );
    const text = result.problems.join('\n');
    expect(text).toContain('2 acknowledged events are missing or changed');
    expect(text).toContain(`import ${half} is half-written: imported, 4 rows, 2 events`);
    expect(text).toContain(`import ${stray} is half-written: not imported, 2 rows, 1 events`);
    expect(text).toContain(`the acknowledged import ${notImported} (round 3) is not imported`);
    expect(text).toContain('(round 4) is missing');
    await t.database.db.delete(chronologySources).where(sql`true`);
    await t.database.db.delete(chronologyEvents).where(sql`true`);
    await t.database.db.delete(chronologyImports).where(sql`true`);
  });

  it('finds a broken audit chain', async () => {
    const [last] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.partnershipId, partnershipId));
    await t.database.db
      .update(auditEvents)
      .set({ entityType: 'tampered' })
      .where(eq(auditEvents.id, last!.id));
    const result = await checkConsistency(t.database.db, reviewId, [], []);
    expect(result.problems.join('\n')).toContain('audit log broken');
  });
});
