import { count, eq } from 'drizzle-orm';
import type { CaseGroupScope } from '#domain/analysis/episode.ts';
import {
  contributoryFactors,
  episodeComments,
  episodeEvents,
  episodes,
  reviewAnalysisSettings,
} from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/**
 * A key practice episode, numbered after the review's others, directly in the database. Give
 * `eventIds` to link narrative events; `shared: true` shares it with the case group.
 */
export async function givenEpisode(
  t: TestApp,
  review: Review,
  overrides: Partial<typeof episodes.$inferInsert> & { eventIds?: string[]; shared?: boolean } = {},
) {
  const { eventIds = [], shared, ...values } = overrides;
  const [n] = await t.database.db
    .select({ n: count() })
    .from(episodes)
    .where(eq(episodes.reviewId, review.id));
  const [row] = await t.database.db
    .insert(episodes)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      number: (n?.n ?? 0) + 1,
      title: 'Health visitor’s response to the bruise',
      periodFrom: '2026-03-01',
      periodTo: '2026-03-14',
      ...(shared ? { sharedWithCaseGroupAt: new Date() } : {}),
      ...values,
    })
    .returning();
  if (eventIds.length)
    await t.database.db
      .insert(episodeEvents)
      .values(
        eventIds.map((eventId) => ({ episodeId: row!.id, eventId, partnershipId: review.partnershipId })),
      );
  return row!;
}

/** A complete episode: everything the review team needs before agreeing it. */
export const completeEpisode = {
  whatHappened: 'The health visitor saw a small bruise on the baby’s cheek at the six-week check.',
  localRationality: 'The mother explained it as a fall from the sofa; the baby was feeding well.',
  appraisal: 'adequate',
  appraisalRationale: 'The procedure at the time asked for a record and a follow-up visit; both happened.',
} as const;

/** A contributory factor on an episode, ranked after its others unless a rank is given. */
export async function givenFactor(
  t: TestApp,
  episode: { id: string; reviewId: string; partnershipId: string },
  overrides: Partial<typeof contributoryFactors.$inferInsert> = {},
) {
  const [n] = await t.database.db
    .select({ n: count() })
    .from(contributoryFactors)
    .where(eq(contributoryFactors.episodeId, episode.id));
  const [row] = await t.database.db
    .insert(contributoryFactors)
    .values({
      partnershipId: episode.partnershipId,
      reviewId: episode.reviewId,
      episodeId: episode.id,
      groupKey: 'conditions_of_work',
      factorType: null,
      description: 'A caseload of 400 families left little time for follow-up visits',
      rank: (n?.n ?? 0) + 1,
      ...overrides,
    })
    .returning();
  return row!;
}

/** An open comment on an episode by the given person. */
export async function givenEpisodeComment(
  t: TestApp,
  episode: { id: string; partnershipId: string },
  author: { id: string },
  overrides: Partial<typeof episodeComments.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(episodeComments)
    .values({
      partnershipId: episode.partnershipId,
      episodeId: episode.id,
      authorId: author.id,
      authorRole: 'Case group member',
      body: 'The visit was on a Friday afternoon, which is worth saying.',
      ...overrides,
    })
    .returning();
  return row!;
}

/** Sets which shared episodes the review's case group sees. */
export async function givenCaseGroupScope(t: TestApp, review: Review, scope: CaseGroupScope) {
  await t.database.db
    .insert(reviewAnalysisSettings)
    .values({ reviewId: review.id, partnershipId: review.partnershipId, caseGroupScope: scope })
    .onConflictDoUpdate({ target: reviewAnalysisSettings.reviewId, set: { caseGroupScope: scope } });
}
