import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { createdAt, createdBy, id, updatedAt, version } from './columns.ts';
import { partnershipRef, users } from './core.ts';
import { chronologyEvents, conversations, documents } from './evidence.ts';
import { participants, reviewRef, reviews } from './review.ts';

/**
 * One version of one kind of reference data (typology, factor framework, appraisal scale, language
 * rules) for a partnership. Versions are never changed once published; a new one is added instead.
 */
export const referenceVersions = pgTable(
  'reference_versions',
  {
    id: id(),
    partnershipId: partnershipRef(),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    content: jsonb('content').$type<unknown>().notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reference_versions_key').on(t.partnershipId, t.kind, t.version)],
);

/** The reference data version a review is analysed with, fixed when its analysis first needs it. */
export const reviewReferencePins = pgTable(
  'review_reference_pins',
  {
    reviewId: reviewRef(),
    kind: text('kind').notNull(),
    partnershipId: partnershipRef(),
    referenceVersionId: uuid('reference_version_id')
      .notNull()
      .references(() => referenceVersions.id),
    pinnedAt: timestamp('pinned_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.kind] })],
);

/** A key practice episode: what happened, how it looked then, a fair appraisal, and why. */
export const episodes = pgTable(
  'episodes',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    agencyIds: uuid('agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
    roles: text('roles').array().notNull().default([]),
    whatHappened: text('what_happened').notNull().default(''),
    localRationality: text('local_rationality').notNull().default(''),
    appraisal: text('appraisal'),
    appraisalRationale: text('appraisal_rationale').notNull().default(''),
    standardKind: text('standard_kind'),
    standardReference: text('standard_reference'),
    hindsight: text('hindsight').notNull().default(''),
    wentWell: text('went_well').notNull().default(''),
    overviewQueries: text('overview_queries').notNull().default(''),
    goodPractice: boolean('good_practice').notNull().default(false),
    status: text('status').notNull().default('draft'),
    sharedWithCaseGroupAt: timestamp('shared_with_case_group_at', { withTimezone: true, mode: 'date' }),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('episodes_review_idx').on(t.reviewId, t.number)],
);

/** The narrative events an episode is made from. */
export const episodeEvents = pgTable(
  'episode_events',
  {
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => chronologyEvents.id, { onDelete: 'cascade' }),
    partnershipId: partnershipRef(),
  },
  (t) => [primaryKey({ columns: [t.episodeId, t.eventId] }), index('episode_events_event_idx').on(t.eventId)],
);

/** A document or a passage of a conversation an episode relies on. */
export const episodeEvidence = pgTable(
  'episode_evidence',
  {
    id: id(),
    partnershipId: partnershipRef(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    conversationId: uuid('conversation_id').references(() => conversations.id),
    passage: text('passage'),
    note: text('note'),
    position: integer('position').notNull(),
  },
  (t) => [index('episode_evidence_episode_idx').on(t.episodeId, t.position)],
);

/** A contributory factor that helps explain an episode, coded to the review's factor framework. */
export const contributoryFactors = pgTable(
  'contributory_factors',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').notNull(),
    factorType: text('factor_type'),
    description: text('description').notNull(),
    rank: integer('rank').notNull(),
    evidence: jsonb('evidence')
      .$type<Array<{ kind: string; targetId: string; passage: string | null; note: string | null }>>()
      .notNull()
      .default([]),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contributory_factors_episode_idx').on(t.episodeId, t.rank)],
);

/** A comment on an episode, by the case group or the review team, until a lead reviewer resolves it. */
export const episodeComments = pgTable(
  'episode_comments',
  {
    id: id(),
    partnershipId: partnershipRef(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorParticipantId: uuid('author_participant_id').references(() => participants.id),
    authorRole: text('author_role').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolution: text('resolution'),
  },
  (t) => [index('episode_comments_episode_idx').on(t.episodeId, t.createdAt)],
);

/** Flagged wording a reviewer chose to keep, with their reason: the flag no longer counts as unresolved. */
export const languageFlagDismissals = pgTable(
  'language_flag_dismissals',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    ruleId: text('rule_id').notNull(),
    phrase: text('phrase').notNull(),
    reason: text('reason').notNull(),
    dismissedBy: uuid('dismissed_by').references(() => users.id),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('language_flag_dismissals_key').on(t.entityType, t.entityId, t.field, t.ruleId, t.phrase),
    index('language_flag_dismissals_review_idx').on(t.reviewId),
  ],
);

/** Which shared episodes the review's case group sees. */
export const reviewAnalysisSettings = pgTable('review_analysis_settings', {
  reviewId: uuid('review_id')
    .primaryKey()
    .references(() => reviews.id),
  partnershipId: partnershipRef(),
  caseGroupScope: text('case_group_scope').notNull().default('involved'),
});
