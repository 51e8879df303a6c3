import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { partnershipRef, partnerships, users } from './core.ts';
import { findings } from './finding.ts';
import { reviews } from './review.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Whether a partnership shares its published, anonymised findings with every partnership. */
export const librarySettings = pgTable('library_settings', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  shareNationally: boolean('share_nationally').notNull().default(false),
  version: integer('version').notNull().default(1),
  changedBy: uuid('changed_by').references(() => users.id),
  changedAt: updatedAt(),
});

/** A CSV file of older published findings loaded into the library; removing it removes its entries. */
export const libraryImports = pgTable('library_imports', {
  id: id(),
  partnershipId: partnershipRef(),
  fileName: text('file_name').notNull(),
  rows: integer('rows').notNull(),
  importedBy: uuid('imported_by').references(() => users.id),
  importedAt: createdAt(),
});

/**
 * One finding in the learning library, its text already anonymised: an agreed or final finding of a
 * review (kept in step with it), or a published finding imported from CSV.
 */
export const libraryEntries = pgTable(
  'library_entries',
  {
    id: id(),
    partnershipId: partnershipRef(),
    source: text('source').notNull(),
    findingId: uuid('finding_id')
      .unique()
      .references(() => findings.id, { onDelete: 'cascade' }),
    reviewId: uuid('review_id').references(() => reviews.id),
    importId: uuid('import_id').references(() => libraryImports.id, { onDelete: 'cascade' }),
    reviewTitle: text('review_title').notNull(),
    reviewType: text('review_type').notNull(),
    findingNumber: integer('finding_number'),
    statement: text('statement').notNull(),
    howItShowed: text('how_it_showed').notNull().default(''),
    whyItMatters: text('why_it_matters').notNull().default(''),
    typologyCode: text('typology_code'),
    typologyName: text('typology_name'),
    themes: text('themes').array().notNull().default([]),
    factorGroups: text('factor_groups').array().notNull().default([]),
    agencySectors: text('agency_sectors').array().notNull().default([]),
    year: integer('year').notNull(),
    publishedOn: date('published_on', { mode: 'string' }),
    reportUrl: text('report_url'),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', statement), 'A') || setweight(to_tsvector('english', why_it_matters), 'B') || setweight(to_tsvector('english', how_it_showed), 'C')`,
    ),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('library_entries_partnership_idx').on(t.partnershipId, t.year),
    index('library_entries_review_idx').on(t.reviewId),
    index('library_entries_search_idx').using('gin', t.search),
    // Published entries only, as the national view and members search them: fewer rows to visit.
    index('library_entries_published_search_idx')
      .using('gin', t.search)
      .where(sql`${t.source} = 'import' or ${t.publishedOn} is not null`),
    index('library_entries_statement_trgm_idx').using('gin', sql`${t.statement} gin_trgm_ops`),
  ],
);
