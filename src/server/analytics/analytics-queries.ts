import { and, asc, between, count, countDistinct, desc, eq, gte, lt, min, sql } from 'drizzle-orm';
import type { ActionStatus } from '#domain/action/action.ts';
import { type ActionGroup, datesOf, type TypologyCount, type YearRange } from '#domain/analytics/rules.ts';
import type { Queryable } from '../db/client.ts';
import { actions, contributoryFactors, libraryEntries, publications, reviews } from '../db/schema/index.ts';

/*
 * The counts behind the analytics, each one query grouped in the database, so they stay quick with
 * tens of thousands of findings. Every query is scoped to one partnership.
 */

/** How many factors the factors chart shows. */
export const TOP_FACTORS = 12;

/** The learning library's findings of the years, counted by year and typology category code. */
export async function typologyCounts(
  q: Queryable,
  partnershipId: string,
  range: YearRange,
): Promise<TypologyCount[]> {
  const code = sql<string | null>`nullif(btrim(${libraryEntries.typologyCode}), '')`;
  return q
    .select({ year: libraryEntries.year, code, name: min(libraryEntries.typologyName), count: count() })
    .from(libraryEntries)
    .where(
      and(
        eq(libraryEntries.partnershipId, partnershipId),
        between(libraryEntries.year, range.from, range.to),
      ),
    )
    .groupBy(libraryEntries.year, code);
}

/** The moment a year begins in England: midnight on 1 January is GMT, so it is midnight UTC. */
const startOfYear = (year: number) => new Date(`${year}-01-01T00:00:00Z`);

/**
 * The contributory factors recorded in the years, by group and factor type: how many times each was
 * recorded and in how many reviews, most frequent first.
 */
export async function factorCounts(
  q: Queryable,
  partnershipId: string,
  range: YearRange,
  limit = TOP_FACTORS,
) {
  const factorType = sql<string | null>`nullif(btrim(${contributoryFactors.factorType}), '')`;
  const times = count();
  const inReviews = countDistinct(contributoryFactors.reviewId);
  return q
    .select({ groupKey: contributoryFactors.groupKey, factorType, count: times, reviews: inReviews })
    .from(contributoryFactors)
    .where(
      and(
        eq(contributoryFactors.partnershipId, partnershipId),
        gte(contributoryFactors.createdAt, startOfYear(range.from)),
        lt(contributoryFactors.createdAt, startOfYear(range.to + 1)),
      ),
    )
    .groupBy(contributoryFactors.groupKey, factorType)
    .orderBy(desc(times), desc(inReviews), asc(contributoryFactors.groupKey), asc(factorType))
    .limit(limit);
}

const reviewDates = {
  reviewId: reviews.id,
  title: reviews.title,
  initiatedOn: reviews.initiatedDate,
  publishedOn: publications.publishedOn,
};

/** The reviews initiated in the years, with the date each was published (if it has been), in order of initiation. */
export async function reviewsInitiated(q: Queryable, partnershipId: string, range: YearRange) {
  const { start, end } = datesOf(range);
  return q
    .select(reviewDates)
    .from(reviews)
    .leftJoin(publications, eq(publications.reviewId, reviews.id))
    .where(and(eq(reviews.partnershipId, partnershipId), between(reviews.initiatedDate, start, end)))
    .orderBy(asc(reviews.initiatedDate), asc(reviews.title));
}

/** The reviews published in the years, however long ago they were initiated. */
export async function reviewsPublished(q: Queryable, partnershipId: string, range: YearRange) {
  const { start, end } = datesOf(range);
  return q
    .select(reviewDates)
    .from(reviews)
    .innerJoin(publications, eq(publications.reviewId, reviews.id))
    .where(and(eq(reviews.partnershipId, partnershipId), between(publications.publishedOn, start, end)))
    .orderBy(asc(publications.publishedOn), asc(reviews.title));
}

/** Every action of the partnership, counted by due date and status. */
export async function actionGroups(q: Queryable, partnershipId: string): Promise<ActionGroup[]> {
  const rows = await q
    .select({ dueOn: actions.dueOn, status: actions.status, count: count() })
    .from(actions)
    .where(eq(actions.partnershipId, partnershipId))
    .groupBy(actions.dueOn, actions.status);
  return rows.map((r) => ({ ...r, status: r.status as ActionStatus }));
}

/** The learning library's findings of the years, counted by theme (a finding counts once for each of its themes). */
export async function themeCounts(q: Queryable, partnershipId: string, range: YearRange) {
  const each = q
    .select({ key: sql<string>`unnest(${libraryEntries.themes})`.as('theme') })
    .from(libraryEntries)
    .where(
      and(
        eq(libraryEntries.partnershipId, partnershipId),
        between(libraryEntries.year, range.from, range.to),
      ),
    )
    .as('each_theme');
  return q
    .select({ key: each.key, count: count() })
    .from(each)
    .groupBy(each.key)
    .orderBy(desc(count()), asc(each.key));
}
