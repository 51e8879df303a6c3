import type { CirculationAudience } from '#domain/report/report.ts';
import { reportCirculations, reportComments } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/**
 * A round of comments on a version, directly in the database: for the case group and open until
 * the end of 2099 unless told otherwise; `closed` closes it now.
 */
export async function givenCirculation(
  t: TestApp,
  review: Review,
  versionId: string,
  options: { audience?: CirculationAudience; closesOn?: string; closed?: boolean } = {},
) {
  const [row] = await t.database.db
    .insert(reportCirculations)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      versionId,
      audience: options.audience ?? 'case_group',
      closesOn: options.closesOn ?? '2099-12-31',
      closedAt: options.closed ? new Date() : null,
    })
    .returning();
  return row!;
}

/** A comment on a section of a version (the summary unless told otherwise), directly in the database. */
export async function givenReportComment(
  t: TestApp,
  review: Review,
  circulationId: string,
  authorUserId: string,
  options: { sectionId?: string; body?: string } = {},
) {
  const [row] = await t.database.db
    .insert(reportComments)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      circulationId,
      sectionId: options.sectionId ?? 'introduction.summary',
      body: options.body ?? 'The health visitor saw the family in March, not April.',
      authorId: authorUserId,
    })
    .returning();
  return row!;
}
