import { reviewers, trainingCohorts, trainingMilestones } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

let counter = 0;

/** A training cohort of the partnership, directly in the database. */
export async function givenCohort(
  t: TestApp,
  partnershipId: string,
  overrides: Partial<typeof trainingCohorts.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(trainingCohorts)
    .values({
      partnershipId,
      name: `Cohort ${++counter}`,
      startsOn: '2026-01-19',
      provider: 'Social Care Institute for Excellence',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A reviewer in the partnership's pool, accredited unless told otherwise, directly in the database. */
export async function givenReviewer(
  t: TestApp,
  partnershipId: string,
  overrides: Partial<typeof reviewers.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(reviewers)
    .values({
      partnershipId,
      name: `Reviewer ${++counter}`,
      status: 'accredited',
      accreditingBody: 'Social Care Institute for Excellence',
      accreditedOn: '2024-03-01',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A milestone on a reviewer's training record, directly in the database. */
export async function givenMilestone(
  t: TestApp,
  reviewer: { id: string; partnershipId: string },
  overrides: Partial<typeof trainingMilestones.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(trainingMilestones)
    .values({
      partnershipId: reviewer.partnershipId,
      reviewerId: reviewer.id,
      kind: 'training_day',
      on: '2026-01-23',
      ...overrides,
    })
    .returning();
  return row!;
}
