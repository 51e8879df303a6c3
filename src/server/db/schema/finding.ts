import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { episodes } from './analysis.ts';
import { createdAt, createdBy, id, updatedAt, version } from './columns.ts';
import { partnershipRef, users } from './core.ts';
import { researchQuestions, reviewRef, reviews } from './review.ts';

/** A finding about the system: an underlying pattern, evidenced beyond this case, with issues for the board. */
export const findings = pgTable(
  'findings',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    number: integer('number').notNull(),
    statement: text('statement').notNull(),
    typologyCode: text('typology_code'),
    polarity: text('polarity').notNull().default('risk'),
    howItShowed: text('how_it_showed').notNull().default(''),
    prevalenceSources: text('prevalence_sources').array().notNull().default([]),
    prevalenceEvidence: text('prevalence_evidence').notNull().default(''),
    currency: text('currency'),
    currencyNote: text('currency_note'),
    whyItMatters: text('why_it_matters').notNull().default(''),
    boardQuestions: jsonb('board_questions').$type<string[]>().notNull().default([]),
    recommendations: jsonb('recommendations')
      .$type<Array<{ text: string; addressee: string | null }>>()
      .notNull()
      .default([]),
    priority: text('priority'),
    themes: text('themes').array().notNull().default([]),
    status: text('status').notNull().default('emerging'),
    version: version(),
    createdBy: createdBy(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('findings_review_idx').on(t.reviewId, t.number)],
);

/** The key practice episodes that show a finding in this case. */
export const findingEpisodes = pgTable(
  'finding_episodes',
  {
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => episodes.id, { onDelete: 'cascade' }),
    partnershipId: partnershipRef(),
  },
  (t) => [
    primaryKey({ columns: [t.findingId, t.episodeId] }),
    index('finding_episodes_episode_idx').on(t.episodeId),
  ],
);

/** The research questions of the terms of reference a finding answers. */
export const findingResearchQuestions = pgTable(
  'finding_research_questions',
  {
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    researchQuestionId: uuid('research_question_id')
      .notNull()
      .references(() => researchQuestions.id, { onDelete: 'cascade' }),
    partnershipId: partnershipRef(),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.researchQuestionId] })],
);

/** The version of a review's pseudonym register; the entries are replaced together. */
export const pseudonymRegisters = pgTable('pseudonym_registers', {
  reviewId: uuid('review_id')
    .primaryKey()
    .references(() => reviews.id),
  partnershipId: partnershipRef(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/** A real name or identifier and what replaces it in anything published: the most sensitive record. */
export const pseudonymEntries = pgTable(
  'pseudonym_entries',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: reviewRef(),
    position: integer('position').notNull(),
    category: text('category').notNull(),
    realValue: text('real_value').notNull(),
    variants: text('variants').array().notNull().default([]),
    replacement: text('replacement').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('pseudonym_entries_review_idx').on(t.reviewId, t.position)],
);
