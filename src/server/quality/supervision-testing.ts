import type { ReportDocument, Section } from '#domain/report/document.ts';
import {
  reportVersions,
  supervisionReplies,
  supervisionSessions,
  supervisionThreads,
} from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string };

/**
 * A supervision thread directly in the database: by default an open comment on the report's
 * introduction, with no author. Give `authorId`, a target or `resolvedAt` to change that.
 */
export async function givenSupervisionThread(
  t: TestApp,
  review: Review,
  overrides: Partial<typeof supervisionThreads.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(supervisionThreads)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      targetType: 'report_section',
      targetId: 'introduction',
      body: 'The introduction does not yet say why this case was chosen.',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A reply in a supervision thread directly in the database. */
export async function givenSupervisionReply(
  t: TestApp,
  thread: { id: string; reviewId: string; partnershipId: string },
  overrides: Partial<typeof supervisionReplies.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(supervisionReplies)
    .values({
      partnershipId: thread.partnershipId,
      reviewId: thread.reviewId,
      threadId: thread.id,
      body: 'I have added a paragraph on why the partners chose it.',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A group supervision session held on the given day (1 March 2026 unless told), directly in the database. */
export async function givenSupervisionSession(
  t: TestApp,
  review: Review,
  overrides: Partial<typeof supervisionSessions.$inferInsert> = {},
) {
  const [row] = await t.database.db
    .insert(supervisionSessions)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      kind: 'group',
      heldOn: '2026-03-01',
      attendees: 'The cohort’s trainees and their supervisor',
      notes: 'We talked about keeping hindsight out of the appraisal of practice.',
      ...overrides,
    })
    .returning();
  return row!;
}

/** A report section with no content, holding the given parts. */
const section = (id: string, title: string, sections: Section[] = []): Section => ({
  id,
  title,
  origin: 'generated',
  blocks: [],
  sections,
});

/**
 * A version of the review's report whose document holds only the given sections (by default an
 * introduction with the reasons for choosing the case, and the findings with a first finding).
 */
export async function givenReportVersionWithSections(
  t: TestApp,
  review: Review,
  number: number,
  sections: Section[] = [
    section('introduction', 'Introduction', [
      section('introduction.why-this-case', 'Why this case was chosen'),
    ]),
    section('findings', 'Findings', [section('findings.finding-1', 'Finding 1: Accounts are accepted')]),
  ],
) {
  const document: ReportDocument = {
    schemaVersion: 1,
    title: 'Child A',
    subtitle: 'Local child safeguarding practice review',
    partnershipName: 'Northshire Safeguarding Children Partnership',
    versionNumber: number,
    generatedOn: '2026-03-01',
    sections,
  };
  const [row] = await t.database.db
    .insert(reportVersions)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      number,
      document,
      docx: Buffer.from('docx'),
      pdf: Buffer.from('pdf'),
      html: '<p>Report</p>',
    })
    .returning();
  return row!;
}

export { section as reportSection };
