import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { partnershipRef, users } from './core.ts';
import { reviewRef } from './review.ts';

/** A review's self-assessment against one quality marker, changed as a whole with its version. */
export const qualityAssessments = pgTable(
  'quality_assessments',
  {
    reviewId: reviewRef(),
    markerNumber: integer('marker_number').notNull(),
    partnershipId: partnershipRef(),
    rating: text('rating'),
    answers: jsonb('answers').$type<(string | null)[]>().notNull().default([]),
    evidence: text('evidence').notNull().default(''),
    acceptedEvidenceKeys: text('accepted_evidence_keys').array().notNull().default([]),
    assessedBy: uuid('assessed_by').references(() => users.id),
    assessedAt: timestamp('assessed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.markerNumber] })],
);

/** A written request by the safeguarding partners for a draft of a review's report (and when it came). */
export const draftRequests = pgTable(
  'draft_requests',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    note: text('note'),
    receivedOn: date('received_on', { mode: 'string' }),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('draft_requests_review_idx').on(t.reviewId)],
);

/** A supervisor's comment on an episode, a finding or a report section, opening a thread. */
export const supervisionThreads = pgTable(
  'supervision_threads',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('supervision_threads_review_idx').on(t.reviewId, t.targetType, t.targetId)],
);

/** A reply in a supervision thread. */
export const supervisionReplies = pgTable(
  'supervision_replies',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => supervisionThreads.id),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('supervision_replies_thread_idx').on(t.threadId)],
);

/** A group or individual supervision session held during a review, with its notes. */
export const supervisionSessions = pgTable(
  'supervision_sessions',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    kind: text('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: text('attendees'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('supervision_sessions_review_idx').on(t.reviewId)],
);
