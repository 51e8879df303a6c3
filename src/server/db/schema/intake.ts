import { boolean, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, createdBy, id, updatedAt, version } from './columns.ts';
import { agencies, partnershipRef } from './core.ts';

/** A serious incident notification to the national panel (due 5 working days after the local authority became aware). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    partnershipId: partnershipRef(),
    childPseudonym: text('child_pseudonym').notNull(),
    incidentDate: date('incident_date', { mode: 'string' }).notNull(),
    awareDate: date('aware_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    submittedDate: date('submitted_date', { mode: 'string' }),
    outcome: text('outcome').notNull(),
    abuseOrNeglect: text('abuse_or_neglect').notNull(),
    lookedAfter: boolean('looked_after').notNull().default(false),
    recipients: text('recipients').array().notNull().default([]),
    reference: text('reference'),
    summary: text('summary'),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('notifications_partnership_idx').on(t.partnershipId, t.awareDate)],
);

/** The rapid review that follows a notification (due 15 working days after it). */
export const rapidReviews = pgTable(
  'rapid_reviews',
  {
    id: id(),
    partnershipId: partnershipRef(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    startedDate: date('started_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    immediateActions: text('immediate_actions'),
    learningIdentified: text('learning_identified'),
    decision: text('decision'),
    decisionRationale: text('decision_rationale'),
    decisionDate: date('decision_date', { mode: 'string' }),
    sentToPanelDate: date('sent_to_panel_date', { mode: 'string' }),
    panelResponseDate: date('panel_response_date', { mode: 'string' }),
    panelAgrees: boolean('panel_agrees'),
    panelResponse: text('panel_response'),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('rapid_reviews_notification_key').on(t.notificationId),
    index('rapid_reviews_partnership_idx').on(t.partnershipId),
  ],
);

/** An agency asked for a summary of its involvement during a rapid review, and when it replied. */
export const rapidReviewAgencyRequests = pgTable(
  'rapid_review_agency_requests',
  {
    id: id(),
    partnershipId: partnershipRef(),
    rapidReviewId: uuid('rapid_review_id')
      .notNull()
      .references(() => rapidReviews.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    requestedDate: date('requested_date', { mode: 'string' }).notNull(),
    repliedDate: date('replied_date', { mode: 'string' }),
    notes: text('notes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('rr_agency_requests_key').on(t.rapidReviewId, t.agencyId)],
);

/** Extra non-working days a partnership adds to the England and Wales calendar. */
export const calendarClosures = pgTable(
  'calendar_closures',
  {
    id: id(),
    partnershipId: partnershipRef(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('calendar_closures_key').on(t.partnershipId, t.date)],
);
