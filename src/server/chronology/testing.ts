import { chronologyEvents, chronologyImports, chronologyKnowledge } from '../db/schema/index.ts';
import { givenAgency, type TestApp } from '../testing/harness.ts';

/** An event in a review's narrative, recorded by a new agency (or the one given), known to it from the day. */
export async function givenChronologyEvent(
  t: TestApp,
  review: { id: string; partnershipId: string },
  overrides: Partial<typeof chronologyEvents.$inferInsert> = {},
) {
  const agencyId = overrides.agencyId ?? (await givenAgency(t, review.partnershipId)).id;
  const [e] = await t.database.db
    .insert(chronologyEvents)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      occurredOn: '2026-03-02',
      agencyId,
      summary: 'Health visitor home visit; mother said the child was unsettled at night',
      ...overrides,
    })
    .returning();
  await t.database.db
    .insert(chronologyKnowledge)
    .values({ eventId: e!.id, agencyId, partnershipId: review.partnershipId, learnedOn: e!.occurredOn });
  return e!;
}

/** A checked import with a problem, so it can never be committed. */
export async function givenChronologyImport(t: TestApp, review: { id: string; partnershipId: string }) {
  const agency = await givenAgency(t, review.partnershipId);
  const [i] = await t.database.db
    .insert(chronologyImports)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      agencyId: agency.id,
      filename: 'returns.csv',
      rowCount: 1,
      errors: [{ row: 2, column: 'Date', reason: 'Enter the date' }],
    })
    .returning();
  return i!;
}
