import { sql } from 'drizzle-orm';
import {
  bigint,
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
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, createdBy, id, updatedAt, version } from './columns.ts';
import { agencies, partnershipRef, users } from './core.ts';
import { participants, reviewRef } from './review.ts';

/** PostgreSQL's full-text search vector; always generated from other columns. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A document gathered as evidence; its bytes live in content-addressed storage under its sha256. */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    agencyId: uuid('agency_id').references(() => agencies.id),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    originalFilename: text('original_filename').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    dateFrom: date('date_from', { mode: 'string' }),
    dateTo: date('date_to', { mode: 'string' }),
    restriction: text('restriction').notNull().default('review_team'),
    extractedText: text('extracted_text'),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(title, '') || ' ' || coalesce(extracted_text, ''))`,
    ),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('documents_review_idx').on(t.reviewId, t.createdAt),
    index('documents_search_idx').using('gin', t.search),
  ],
);

/** A structured conversation with a participant (never an interview). */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    status: text('status').notNull().default('draft'),
    heldOn: date('held_on', { mode: 'string' }),
    conductedBy: uuid('conducted_by').array().notNull().default([]),
    consentGiven: boolean('consent_given').notNull().default(false),
    audioRecorded: boolean('audio_recorded').notNull().default(false),
    content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
    followUpQuestions: jsonb('follow_up_questions').$type<unknown[]>().notNull().default([]),
    participantComment: text('participant_comment'),
    searchText: text('search_text').notNull().default(''),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english', search_text)`),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('conversations_review_idx').on(t.reviewId),
    index('conversations_search_idx').using('gin', t.search),
  ],
);

/** Every saved state of a conversation record: who changed it, when, and what it said. */
export const conversationVersions = pgTable(
  'conversation_versions',
  {
    id: id(),
    partnershipId: partnershipRef(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('conversation_versions_idx').on(t.conversationId, t.version)],
);

/** One event of the multi-agency narrative. */
export const chronologyEvents = pgTable(
  'chronology_events',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    datePrecision: text('date_precision').notNull().default('exact'),
    occurredTime: text('occurred_time'),
    endsOn: date('ends_on', { mode: 'string' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    practitionerRole: text('practitioner_role'),
    summary: text('summary').notNull(),
    significance: text('significance'),
    tags: text('tags').array().notNull().default([]),
    disputed: boolean('disputed').notNull().default(false),
    importId: uuid('import_id'),
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(practitioner_role, ''))`,
    ),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('chronology_events_review_idx').on(t.reviewId, t.occurredOn),
    index('chronology_events_agency_idx').on(t.reviewId, t.agencyId, t.occurredOn),
    index('chronology_events_search_idx').using('gin', t.search),
  ],
);

/** An agency's or person's own account of an event: the narrative keeps every voice. */
export const chronologyPerspectives = pgTable(
  'chronology_perspectives',
  {
    id: id(),
    partnershipId: partnershipRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => chronologyEvents.id),
    agencyId: uuid('agency_id').references(() => agencies.id),
    personRole: text('person_role'),
    account: text('account').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('chronology_perspectives_event_idx').on(t.eventId)],
);

/** Where an event comes from: a document, a conversation, or an agency's chronology return. */
export const chronologySources = pgTable(
  'chronology_sources',
  {
    id: id(),
    partnershipId: partnershipRef(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => chronologyEvents.id),
    kind: text('kind').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    conversationId: uuid('conversation_id').references(() => conversations.id),
    reference: text('reference'),
  },
  (t) => [index('chronology_sources_event_idx').on(t.eventId)],
);

/** Who knew: each agency that knew of an event, and the date it learned of it. */
export const chronologyKnowledge = pgTable(
  'chronology_knowledge',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => chronologyEvents.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    partnershipId: partnershipRef(),
    learnedOn: date('learned_on', { mode: 'string' }).notNull(),
    how: text('how'),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.agencyId] }),
    index('chronology_knowledge_agency_idx').on(t.agencyId, t.learnedOn),
  ],
);

/** An agency chronology file being imported: parsed and checked at preview, written at commit. */
export const chronologyImports = pgTable(
  'chronology_imports',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    filename: text('filename').notNull(),
    status: text('status').notNull().default('previewed'),
    rowCount: integer('row_count').notNull().default(0),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
    rows: jsonb('rows').$type<unknown[]>().notNull().default([]),
    createdBy: createdBy(),
    createdAt: createdAt(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('chronology_imports_review_idx').on(t.reviewId)],
);
