import { boardResponses, publications } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/** The URL of a review, under which its board response and learning briefing lie. */
export const reviewUrl = (review: Review) => `/api/partnerships/${review.partnershipId}/reviews/${review.id}`;

/** The board's response to a finding, directly in the database: a draft unless `agreedOn` is given. */
export async function givenBoardResponse(
  t: TestApp,
  review: Review,
  findingId: string,
  overrides: Partial<typeof boardResponses.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(boardResponses)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      findingId,
      response: 'The partners accept this finding and will audit practice within six months.',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A publication record saying the report is published at an address. */
export async function givenPublished(t: TestApp, review: Review, url: string, publishedOn = '2027-03-01') {
  await t.database.db.insert(publications).values({
    reviewId: review.id,
    partnershipId: review.partnershipId,
    decision: 'publish',
    publishedOn,
    url,
  });
}
