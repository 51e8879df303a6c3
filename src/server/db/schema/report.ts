import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ReportScanHit } from '#domain/report/anonymise.ts';
import type { ReportDocument } from '#domain/report/document.ts';
import { createdAt, id, updatedAt } from './columns.ts';
import { partnershipRef, users } from './core.ts';
import { reviewRef, reviews } from './review.ts';

/** Binary content (a generated DOCX or PDF). PGlite answers a Uint8Array and node-postgres a Buffer: both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A hit of the identifier scan as stored with its version (acknowledgements are kept apart). */
export type StoredReportHit = ReportScanHit;

/** The narrative sections the lead reviewers write, one draft per review, changed as a whole with its version. */
export const reportDrafts = pgTable('report_drafts', {
  reviewId: uuid('review_id')
    .primaryKey()
    .references(() => reviews.id),
  partnershipId: partnershipRef(),
  sections: jsonb('sections').$type<Record<string, string>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * A generated version of the report: the pseudonymised document model and the files rendered from
 * it, never changed after generation. Only what is known about it changes: the latest identifier
 * scan and whether it was marked publishable.
 */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    number: integer('number').notNull(),
    note: text('note'),
    document: jsonb('document').$type<ReportDocument>().notNull(),
    ambiguous: jsonb('ambiguous')
      .$type<{ text: string; candidates: string[]; sectionTitle: string }[]>()
      .notNull()
      .default([]),
    unwritten: text('unwritten').array().notNull().default([]),
    docx: bytea('docx').notNull(),
    pdf: bytea('pdf').notNull(),
    html: text('html').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    hits: jsonb('hits').$type<StoredReportHit[]>().notNull().default([]),
    scannedAt: timestamp('scanned_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishable: boolean('publishable').notNull().default(false),
    publishableBy: uuid('publishable_by').references(() => users.id),
    publishableAt: timestamp('publishable_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('report_versions_review_number_idx').on(t.reviewId, t.number)],
);

/** A hit of the scan that may stay in the report, and why. Kept by the hit's key, so a rescan keeps it. */
export const reportHitAcknowledgements = pgTable(
  'report_hit_acknowledgements',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => reportVersions.id),
    hitKey: text('hit_key').notNull(),
    partnershipId: partnershipRef(),
    reason: text('reason').notNull(),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.hitKey] })],
);

/** A round of comments on a version: who it went to, until when, and when it closed. */
export const reportCirculations = pgTable(
  'report_circulations',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => reportVersions.id),
    audience: text('audience').notNull(),
    note: text('note'),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    openedBy: uuid('opened_by').references(() => users.id),
    openedAt: createdAt(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('report_circulations_version_idx').on(t.versionId)],
);

/** A comment on a section of a circulated version, and how it was dealt with. */
export const reportComments = pgTable(
  'report_comments',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    circulationId: uuid('circulation_id')
      .notNull()
      .references(() => reportCirculations.id),
    sectionId: text('section_id').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
    resolution: text('resolution'),
    response: text('response'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('report_comments_circulation_idx').on(t.circulationId)],
);

/** An outcome recorded at one step of the sign-off chain for a version. */
export const reportSignOffs = pgTable(
  'report_sign_offs',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => reportVersions.id),
    step: integer('step').notNull(),
    stepLabel: text('step_label').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: createdAt(),
  },
  (t) => [uniqueIndex('report_sign_offs_version_step_idx').on(t.versionId, t.step)],
);
