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
import { agencies, partnershipRef, users } from './core.ts';
import { rapidReviews } from './intake.ts';

/** A case review: the centre of Sightlines. */
export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    partnershipId: partnershipRef(),
    rapidReviewId: uuid('rapid_review_id').references(() => rapidReviews.id),
    title: text('title').notNull(),
    type: text('type').notNull(),
    variant: text('variant').notNull(),
    stage: text('stage').notNull(),
    resumeStage: text('resume_stage'),
    pauseReason: text('pause_reason'),
    purposeStatement: text('purpose_statement'),
    scopeFrom: date('scope_from', { mode: 'string' }),
    scopeTo: date('scope_to', { mode: 'string' }),
    proportionalityRationale: text('proportionality_rationale'),
    decisionRationale: text('decision_rationale'),
    decisionDate: date('decision_date', { mode: 'string' }),
    initiatedDate: date('initiated_date', { mode: 'string' }).notNull(),
    targetPublicationDate: date('target_publication_date', { mode: 'string' }).notNull(),
    targetDates: jsonb('target_dates').$type<Record<string, string>>().notNull().default({}),
    qualityAssurer: text('quality_assurer'),
    signOffChain: text('sign_off_chain').array().notNull().default([]),
    plannedReviewTeamMeetings: integer('planned_review_team_meetings').notNull(),
    plannedJointMeetings: integer('planned_joint_meetings').notNull(),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('reviews_partnership_idx').on(t.partnershipId, t.stage)],
);

/** The review a row belongs to. */
export const reviewRef = () =>
  uuid('review_id')
    .notNull()
    .references(() => reviews.id);

/** The questions the partnership wants the review to answer about its system, in order. */
export const researchQuestions = pgTable(
  'research_questions',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('research_questions_review_idx').on(t.reviewId, t.position)],
);

export const reviewAgencies = pgTable(
  'review_agencies',
  {
    reviewId: reviewRef(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    partnershipId: partnershipRef(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.agencyId] })],
);

/** Every change of stage: who, when, why. */
export const reviewTransitions = pgTable(
  'review_transitions',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    action: text('action').notNull(),
    reason: text('reason'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('review_transitions_review_idx').on(t.reviewId, t.at)],
);

/** Criminal trials, inquests, family court, HR processes and other reviews running alongside. */
export const parallelProcesses = pgTable(
  'parallel_processes',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    contact: text('contact'),
    status: text('status').notNull().default('active'),
    noConversations: boolean('no_conversations').notNull().default(false),
    publicationEmbargo: boolean('publication_embargo').notNull().default(false),
    expectedEndDate: date('expected_end_date', { mode: 'string' }),
    notes: text('notes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('parallel_processes_review_idx').on(t.reviewId)],
);

/** A person's role in one review; people outside the partnership join through a one-time invitation. */
export const participants = pgTable(
  'participants',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    userId: uuid('user_id').references(() => users.id),
    role: text('role').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title'),
    agencyId: uuid('agency_id').references(() => agencies.id),
    lineManagerParticipantId: uuid('line_manager_participant_id'),
    invitationTokenHash: text('invitation_token_hash'),
    invitationExpiresAt: timestamp('invitation_expires_at', { withTimezone: true, mode: 'date' }),
    invitationAcceptedAt: timestamp('invitation_accepted_at', { withTimezone: true, mode: 'date' }),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('participants_review_email_role_key').on(t.reviewId, t.email, t.role),
    index('participants_user_idx').on(t.userId),
    uniqueIndex('participants_invitation_key').on(t.invitationTokenHash),
  ],
);
