import { count, eq } from 'drizzle-orm';
import { findingEpisodes, findingResearchQuestions, findings } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/**
 * A finding, numbered after the review's others, directly in the database. Give `episodeIds` and
 * `researchQuestionIds` to link them.
 */
export async function givenFinding(
  t: TestApp,
  review: Review,
  overrides: Partial<typeof findings.$inferInsert> & {
    episodeIds?: string[];
    researchQuestionIds?: string[];
  } = {},
) {
  const { episodeIds = [], researchQuestionIds = [], ...values } = overrides;
  const [n] = await t.database.db
    .select({ n: count() })
    .from(findings)
    .where(eq(findings.reviewId, review.id));
  const [row] = await t.database.db
    .insert(findings)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      number: (n?.n ?? 0) + 1,
      statement:
        'Practitioners accept a parent’s account of an injury to a non-mobile baby without checking it',
      ...values,
    })
    .returning();
  const finding = row!;
  if (episodeIds.length)
    await t.database.db.insert(findingEpisodes).values(
      episodeIds.map((episodeId) => ({
        findingId: finding.id,
        episodeId,
        partnershipId: review.partnershipId,
      })),
    );
  if (researchQuestionIds.length)
    await t.database.db.insert(findingResearchQuestions).values(
      researchQuestionIds.map((researchQuestionId) => ({
        findingId: finding.id,
        researchQuestionId,
        partnershipId: review.partnershipId,
      })),
    );
  return finding;
}

/** What a finding needs, besides an episode, before the review team can agree it. */
export const completeFinding: {
  typologyCode: string;
  prevalenceSources: string[];
  prevalenceEvidence: string;
  boardQuestions: string[];
} = {
  typologyCode: 'human_reasoning',
  prevalenceSources: ['review_team', 'data'],
  prevalenceEvidence:
    'Health visitors on the review team said the same happens across the service; the audit of 40 records found it in 11.',
  boardQuestions: [
    'How does the board know that injuries to non-mobile babies are checked with a second opinion?',
  ],
};
