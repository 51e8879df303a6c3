import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.ts';
import { partnershipRef, users } from './core.ts';
import { reviews } from './review.ts';

/** A cohort of trainee reviewers who train together. */
export const trainingCohorts = pgTable('training_cohorts', {
  id: id(),
  partnershipId: partnershipRef(),
  name: text('name').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  provider: text('provider'),
  notes: text('notes'),
  createdAt: createdAt(),
});

/** A reviewer in the partnership's pool: accreditation, expertise, availability and declared conflicts. */
export const reviewers = pgTable(
  'reviewers',
  {
    id: id(),
    partnershipId: partnershipRef(),
    name: text('name').notNull(),
    email: text('email'),
    userId: uuid('user_id').references(() => users.id),
    status: text('status').notNull(),
    accreditingBody: text('accrediting_body'),
    accreditedOn: date('accredited_on', { mode: 'string' }),
    cohortId: uuid('cohort_id').references(() => trainingCohorts.id),
    supervisorReviewerId: uuid('supervisor_reviewer_id'),
    practiceReviewId: uuid('practice_review_id').references(() => reviews.id),
    expertise: text('expertise').array().notNull().default([]),
    availability: text('availability'),
    conflicts: jsonb('conflicts')
      .$type<{ agencyId: string | null; description: string }[]>()
      .notNull()
      .default([]),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reviewers_partnership_idx').on(t.partnershipId, t.name)],
);

/** A step on a trainee's way to accreditation: a training day, supervision, QA, assessment, accreditation. */
export const trainingMilestones = pgTable(
  'training_milestones',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => reviewers.id),
    kind: text('kind').notNull(),
    on: date('occurred_on', { mode: 'string' }).notNull(),
    outcome: text('outcome'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_milestones_reviewer_idx').on(t.reviewerId, t.on)],
);
