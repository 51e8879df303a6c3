import { actions } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/** An action answering a finding, directly in the database (open, at version 1, unless told). */
export async function givenAction(
  t: TestApp,
  review: Review,
  findingId: string,
  overrides: Partial<typeof actions.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(actions)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      findingId,
      description: 'Every injury to a non-mobile baby is discussed with a named safeguarding lead',
      ...overrides,
    })
    .returning();
  return row!;
}
