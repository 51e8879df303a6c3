import { and, eq, inArray, sql } from 'drizzle-orm';
import { type LibraryEntryDto, type LibraryTheme, libraryThemes } from '#domain/library/library.ts';
import { facetLabel, findingPath, isPublishedEntry } from '#domain/library/rules.ts';
import { type AgencySector, agencySectors } from '#domain/partnership/agency.ts';
import { mayInReview, type ReviewRole } from '#domain/review/policy.ts';
import { type ReviewType, reviewTypes } from '#domain/review/review.ts';
import { snippetParts } from '#domain/search/search.ts';
import type { Queryable } from '../db/client.ts';
import { participants } from '../db/schema/index.ts';
import type { Viewer } from './library-scope.ts';

/** A library entry as the search and similar-findings queries read it. */
export type EntryRecord = {
  id: string;
  source: string;
  partnership_id: string;
  partnership_name: string;
  review_id: string | null;
  finding_id: string | null;
  review_title: string;
  review_type: string;
  finding_number: number | null;
  statement: string;
  why_it_matters: string;
  how_it_showed: string;
  typology_code: string | null;
  typology_name: string | null;
  themes: string[];
  factor_groups: string[];
  agency_sectors: string[];
  year: number;
  published_on: string | null;
  report_url: string | null;
  rank: number | null;
  statement_headline: string | null;
  snippet_headline: string | null;
  /** The viewer's active roles in the entry's review, when the query reads them. */
  viewer_roles?: string[] | null;
};

/** The columns of an entry every library query reads, with its partnership's name (joined as `p`). */
export const entryColumns = `e.id, e.source, e.partnership_id, p.name as partnership_name, e.review_id, e.finding_id,
  e.review_title, e.review_type, e.finding_number, e.statement, e.why_it_matters, e.how_it_showed,
  e.typology_code, e.typology_name, e.themes, e.factor_groups, e.agency_sectors, e.year,
  to_char(e.published_on, 'YYYY-MM-DD') as published_on, e.report_url`;

const isTheme = (k: string): k is LibraryTheme => Object.hasOwn(libraryThemes, k);
const isSector = (k: string): k is AgencySector => Object.hasOwn(agencySectors, k);
const isReviewType = (k: string): k is ReviewType => Object.hasOwn(reviewTypes, k);

/** The opening words of a text, when there is nothing to match against. */
function opening(text: string, words = 30) {
  const all = text.trim().split(/\s+/).filter(Boolean);
  if (!all.length) return [];
  return [{ text: all.slice(0, words).join(' ') + (all.length > words ? ' …' : ''), match: false }];
}

/** Whether the person may open the findings of a review of their partnership, given their roles in it. */
const mayOpenReview = (viewer: Viewer, reviewRoles: readonly string[]) =>
  mayInReview({ partnershipRole: viewer.role, reviewRoles: reviewRoles as ReviewRole[] }, 'viewFindings');

/**
 * The reviews, among those given, whose findings the person may open: all of them for those who
 * run the partnership's reviews, otherwise those where a role of theirs lets them see findings.
 */
export async function openableReviews(
  q: Queryable,
  viewer: Viewer,
  reviewIds: string[],
): Promise<Set<string>> {
  if (!reviewIds.length) return new Set();
  if (mayOpenReview(viewer, [])) return new Set(reviewIds);
  const roles = await q
    .select({ reviewId: participants.reviewId, role: participants.role })
    .from(participants)
    .where(
      and(
        eq(participants.partnershipId, viewer.partnershipId),
        eq(participants.userId, viewer.userId),
        eq(participants.active, true),
        inArray(participants.reviewId, reviewIds),
      ),
    );
  return new Set(
    reviewIds.filter((reviewId) =>
      mayOpenReview(
        viewer,
        roles.filter((r) => r.reviewId === reviewId).map((r) => r.role),
      ),
    ),
  );
}

/**
 * The same as `openableReviews` for entries read with the viewer's active roles in each entry's
 * review (`viewer_roles`, see `viewerRolesColumn`), so no further query is needed.
 */
export function openableReviewsOf(viewer: Viewer, records: readonly EntryRecord[]): Set<string> {
  const own = ownReviewIds(viewer, records);
  return new Set(
    own.filter((reviewId) =>
      mayOpenReview(
        viewer,
        records.filter((r) => r.review_id === reviewId).flatMap((r) => r.viewer_roles ?? []),
      ),
    ),
  );
}

/** The viewer's active roles in an entry's review (`e`), for an entry of their own partnership's review. */
export const viewerRolesColumn = (
  viewer: Viewer,
) => sql`case when e.partnership_id = ${viewer.partnershipId} and e.review_id is not null
    then array(select pa.role from participants pa where pa.review_id = e.review_id
      and pa.partnership_id = ${viewer.partnershipId} and pa.user_id = ${viewer.userId} and pa.active) end as viewer_roles`;

/** The reviews of the viewer's own partnership behind some entries, for `openableReviews`. */
export const ownReviewIds = (viewer: Viewer, records: readonly EntryRecord[]) => [
  ...new Set(
    records
      .filter((r) => r.partnership_id === viewer.partnershipId && r.review_id)
      .map((r) => r.review_id as string),
  ),
];

/** An entry as the library shows it: labels added, its text marked where it matched, and a link when the person may open it. */
export function presentEntry(
  record: EntryRecord,
  viewer: Viewer,
  openable: ReadonlySet<string>,
): LibraryEntryDto {
  const own = record.partnership_id === viewer.partnershipId;
  const reviewType = (
    isReviewType(record.review_type) ? record.review_type : 'learning_review'
  ) as ReviewType;
  const path =
    own &&
    record.source === 'review' &&
    record.review_id &&
    record.finding_id &&
    openable.has(record.review_id)
      ? findingPath(record.partnership_id, record.review_id, record.finding_id)
      : null;
  return {
    id: record.id,
    source: record.source === 'import' ? 'import' : 'review',
    partnershipName: record.partnership_name,
    own,
    reviewTitle: record.review_title,
    reviewType,
    reviewTypeLabel: reviewTypes[reviewType],
    findingNumber: record.finding_number,
    statement: record.statement,
    statementParts: record.statement_headline
      ? snippetParts(record.statement_headline)
      : [{ text: record.statement, match: false }],
    snippet: record.snippet_headline
      ? snippetParts(record.snippet_headline)
      : opening(record.why_it_matters || record.how_it_showed),
    whyItMatters: record.why_it_matters,
    typology: record.typology_code
      ? {
          code: record.typology_code,
          name: record.typology_name ?? facetLabel('typology', record.typology_code),
        }
      : null,
    themes: record.themes.filter(isTheme).map((key) => ({ key, label: libraryThemes[key] })),
    factorGroups: record.factor_groups.map((key) => ({ key, label: facetLabel('factorGroup', key) })),
    agencySectors: record.agency_sectors.filter(isSector).map((key) => ({ key, label: agencySectors[key] })),
    year: record.year,
    publishedOn: record.published_on,
    published: isPublishedEntry({ source: record.source, publishedOn: record.published_on }),
    reportUrl: record.report_url,
    path,
    rank: Math.round(Number(record.rank ?? 0) * 10_000) / 10_000,
  };
}
