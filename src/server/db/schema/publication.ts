import { date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.ts';
import { partnershipRef, users } from './core.ts';
import { reviews } from './review.ts';

/**
 * Whether, how, when and where a review's report is published: one record per review, changed as a
 * whole with its version. Until someone first records anything a review has no row (version 0).
 */
export const publications = pgTable('publications', {
  reviewId: uuid('review_id')
    .primaryKey()
    .references(() => reviews.id),
  partnershipId: partnershipRef(),
  decision: text('decision').notNull().default('undecided'),
  decisionReason: text('decision_reason'),
  form: text('form'),
  formReason: text('form_reason'),
  panelNoticeSentOn: date('panel_notice_sent_on', { mode: 'string' }),
  dfeNoticeSentOn: date('dfe_notice_sent_on', { mode: 'string' }),
  plannedPublicationDate: date('planned_publication_date', { mode: 'string' }),
  publishedOn: date('published_on', { mode: 'string' }),
  url: text('url'),
  removalDate: date('removal_date', { mode: 'string' }),
  repositorySentOn: date('repository_sent_on', { mode: 'string' }),
  notes: text('notes'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});
