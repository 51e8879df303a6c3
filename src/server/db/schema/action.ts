import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, createdBy, id, updatedAt, version } from './columns.ts';
import { agencies, partnershipRef, users } from './core.ts';
import { findings } from './finding.ts';
import { reviewRef } from './review.ts';

/** The board's written response to one finding and its issues, with the date the board agreed it. */
export const boardResponses = pgTable('board_responses', {
  findingId: uuid('finding_id')
    .primaryKey()
    .references(() => findings.id, { onDelete: 'cascade' }),
  partnershipId: partnershipRef(),
  reviewId: reviewRef(),
  response: text('response').notNull(),
  agreedOn: date('agreed_on', { mode: 'string' }),
  version: version(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** An action in a review's action plan, answering a finding, one of its issues or a recommendation. */
export const actions = pgTable(
  'actions',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id),
    target: text('target').notNull().default('finding'),
    targetIndex: integer('target_index'),
    description: text('description').notNull(),
    ownerAgencyId: uuid('owner_agency_id').references(() => agencies.id),
    ownerName: text('owner_name'),
    dueOn: date('due_on', { mode: 'string' }),
    successMeasure: text('success_measure'),
    status: text('status').notNull().default('open'),
    completedOn: date('completed_on', { mode: 'string' }),
    impactEvidenceKind: text('impact_evidence_kind'),
    impactEvidence: text('impact_evidence'),
    progressNote: text('progress_note'),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('actions_partnership_idx').on(t.partnershipId, t.status, t.dueOn),
    index('actions_review_idx').on(t.reviewId),
  ],
);
