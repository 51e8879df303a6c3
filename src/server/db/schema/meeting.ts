import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, createdBy, id, updatedAt, version } from './columns.ts';
import { partnershipRef } from './core.ts';
import { rapidReviews } from './intake.ts';
import { participants, reviews } from './review.ts';

/** A meeting of a review (review team, case group, joint, family) or of a rapid review. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: uuid('review_id').references(() => reviews.id),
    rapidReviewId: uuid('rapid_review_id').references(() => rapidReviews.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(120),
    location: text('location'),
    agenda: text('agenda'),
    notes: text('notes'),
    decisions: text('decisions'),
    followUps: text('follow_ups'),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meetings_review_idx').on(t.reviewId, t.startsAt),
    index('meetings_rapid_review_idx').on(t.rapidReviewId),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    partnershipId: partnershipRef(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.participantId] })],
);

/** A partnership's own wording for a letter; without one the standard template is used. */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    id: id(),
    partnershipId: partnershipRef(),
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('letter_templates_kind_key').on(t.partnershipId, t.kind)],
);
