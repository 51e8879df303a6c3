import { count, eq } from 'drizzle-orm';
import type { RegisterEntry } from '#domain/pseudonym/register.ts';
import type { ReportDocument } from '#domain/report/document.ts';
import { type CirculationAudience, defaultSignOffChain } from '#domain/report/report.ts';
import {
  pseudonymEntries,
  pseudonymRegisters,
  reportCirculations,
  reportHitAcknowledgements,
  reportSignOffs,
  reportVersions,
  type StoredReportHit,
} from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

type Review = { id: string; partnershipId: string; title?: string };

/** A small document of one written section, enough to read, compare and scan. */
export function smallReportDocument(
  text = 'The review looked at how agencies worked with Child A.',
): ReportDocument {
  return {
    schemaVersion: 1,
    title: 'Child A',
    subtitle: 'Local child safeguarding practice review',
    partnershipName: 'Test partnership',
    versionNumber: 1,
    generatedOn: '2027-01-15',
    sections: [
      {
        id: 'introduction',
        title: 'Introduction',
        origin: 'mixed',
        blocks: [],
        sections: [
          {
            id: 'introduction.summary',
            title: 'A short summary of the case',
            origin: 'narrative',
            blocks: [{ kind: 'paragraph', text }],
            sections: [],
          },
        ],
      },
    ],
  };
}

/** A hit of the identifier scan, as stored with a version. */
export function givenHit(overrides: Partial<StoredReportHit> = {}): StoredReportHit {
  return {
    key: 'postcode:introduction.summary:M1 1AA:1',
    kind: 'postcode',
    match: 'M1 1AA',
    context: 'lived near M1 1AA with her mother',
    sectionId: 'introduction.summary',
    sectionTitle: 'A short summary of the case',
    ...overrides,
  };
}

/**
 * A version of the report, numbered after the review's others, directly in the database with a
 * small document and placeholder files: for checking who may do what without generating one.
 * `acknowledged` lists hit keys acknowledged with a reason; `circulatedTo` opens a round for each
 * audience; `signedOff` records approval at every step of the usual chain (for a review with no
 * chain of its own), so everyone in the review may read it.
 */
export async function givenReportVersion(
  t: TestApp,
  review: Review,
  options: {
    hits?: StoredReportHit[];
    acknowledged?: string[];
    publishable?: boolean;
    document?: ReportDocument;
    createdBy?: string;
    note?: string;
    circulatedTo?: CirculationAudience[];
    signedOff?: boolean;
  } = {},
) {
  const [n] = await t.database.db
    .select({ n: count() })
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, review.id));
  const number = (n?.n ?? 0) + 1;
  const [row] = await t.database.db
    .insert(reportVersions)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      number,
      note: options.note ?? null,
      document: { ...(options.document ?? smallReportDocument()), versionNumber: number },
      docx: Buffer.from('PK placeholder docx'),
      pdf: Buffer.from('%PDF-1.7 placeholder'),
      html: '<!doctype html><title>Child A</title><p>Placeholder</p>',
      createdBy: options.createdBy ?? null,
      hits: options.hits ?? [],
      publishable: options.publishable ?? false,
      publishableAt: options.publishable ? new Date() : null,
    })
    .returning();
  const version = row!;
  if (options.acknowledged?.length)
    await t.database.db.insert(reportHitAcknowledgements).values(
      options.acknowledged.map((hitKey) => ({
        versionId: version.id,
        hitKey,
        partnershipId: review.partnershipId,
        reason: 'A public place named in the published inquest report',
      })),
    );
  for (const audience of options.circulatedTo ?? [])
    await t.database.db.insert(reportCirculations).values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      versionId: version.id,
      audience,
      closesOn: '2099-12-31',
    });
  if (options.signedOff)
    await t.database.db.insert(reportSignOffs).values(
      defaultSignOffChain.map((stepLabel, step) => ({
        partnershipId: review.partnershipId,
        reviewId: review.id,
        versionId: version.id,
        step,
        stepLabel,
        outcome: 'approved',
      })),
    );
  return version;
}

/** Replaces the review's pseudonym register with these entries, directly in the database. */
export async function givenRegister(t: TestApp, review: Review, entries: RegisterEntry[]) {
  const db = t.database.db;
  await db.delete(pseudonymEntries).where(eq(pseudonymEntries.reviewId, review.id));
  await db
    .insert(pseudonymRegisters)
    .values({ reviewId: review.id, partnershipId: review.partnershipId })
    .onConflictDoNothing();
  if (entries.length)
    await db.insert(pseudonymEntries).values(
      entries.map((e, i) => ({
        partnershipId: review.partnershipId,
        reviewId: review.id,
        position: i + 1,
        category: e.category,
        realValue: e.realValue,
        variants: [...e.variants],
        replacement: e.replacement,
      })),
    );
}

/** The URL of a review's report. */
export const reportUrl = (review: Review) =>
  `/api/partnerships/${review.partnershipId}/reviews/${review.id}/report`;
