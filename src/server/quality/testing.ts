import { draftRequests, qualityAssessments } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/** A request for a draft of a review's report, directly in the database (made 2 March 2026, due 16 March). */
export async function givenDraftRequest(
  t: TestApp,
  review: Review,
  overrides: Partial<typeof draftRequests.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(draftRequests)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      requestedOn: '2026-03-02',
      dueOn: '2026-03-16',
      note: 'The first full draft, for the board in April',
      ...overrides,
    })
    .returning();
  return row!;
}

/** An assessment of one quality marker, directly in the database (green, at version 1, unless told). */
export async function givenQualityAssessment(
  t: TestApp,
  review: Review,
  markerNumber: number,
  overrides: Partial<typeof qualityAssessments.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(qualityAssessments)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      markerNumber,
      rating: 'green',
      ...overrides,
    })
    .returning();
  return row!;
}
