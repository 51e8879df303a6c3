import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz } from './columns.ts';
import { partnershipRef, partnerships, users } from './core.ts';
import { reviews } from './review.ts';

const at = timestampTz;

/**
 * A partnership's single sign-on through OpenID Connect (Microsoft Entra ID and others). The client
 * secret is kept as entered; only administrators can read or change the configuration.
 */
export const partnershipSsoConfigs = pgTable('partnership_sso_configs', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  enabled: boolean('enabled').notNull().default(false),
  displayName: text('display_name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  /** Email domains whose verified addresses may be linked to accounts, lower case; empty: any. */
  allowedDomains: jsonb('allowed_domains').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  version: integer('version').notNull().default(1),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/** A sign-in that has gone to the identity provider and not yet come back: state, nonce and PKCE verifier. */
export const ssoLoginStates = pgTable('sso_login_states', {
  state: text('state').primaryKey(),
  partnershipId: partnershipRef(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to'),
  /** The network address that started it, to limit how many one address may start. */
  address: text('address'),
  createdAt: createdAt(),
});

/** An account linked to an identity at a partnership's provider (issuer + subject), first by verified email. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    partnershipId: partnershipRef(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
  },
  (t) => [
    uniqueIndex('user_identities_issuer_subject_key').on(t.issuer, t.subject),
    index('user_identities_user_idx').on(t.userId),
  ],
);

/**
 * Email waiting to be sent, written in the same transaction as what caused it and sent after the
 * commit; a failed send is retried with back-off and never blocks the request.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: id(),
    partnershipId: uuid('partnership_id').references(() => partnerships.id),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: at('sent_at'),
  },
  (t) => [index('email_outbox_pending_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * Single-use links sent by email: to set a password on a new account (`invitation`) or to reset a
 * forgotten one (`password_reset`). Only the SHA-256 of the token is stored.
 */
export const passwordTokens = pgTable(
  'password_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('password_tokens_hash_key').on(t.tokenHash),
    index('password_tokens_user_idx').on(t.userId),
  ],
);

/**
 * Requests for a password reset link, kept for a day to throttle them per network address and per
 * account. The address is not stored with the email asked about, only with the account when one matched.
 */
export const passwordResetRequests = pgTable(
  'password_reset_requests',
  {
    id: id(),
    address: text('address').notNull(),
    userId: uuid('user_id').references(() => users.id),
    requestedAt: at('requested_at').notNull().defaultNow(),
  },
  (t) => [
    index('password_reset_requests_address_idx').on(t.address, t.requestedAt),
    index('password_reset_requests_user_idx').on(t.userId, t.requestedAt),
  ],
);

/** Reminders already sent, so a deadline or an action is reminded about once per occasion. */
export const remindersSent = pgTable(
  'reminders_sent',
  {
    id: id(),
    partnershipId: partnershipRef(),
    /** For example `action_due:<action id>:<due date>` or `deadline:<review id>:<kind>:<date>`. */
    reminderKey: text('reminder_key').notNull(),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reminders_sent_key').on(t.partnershipId, t.reminderKey)],
);

/** How long a partnership keeps the personal data in its reviews once they are over. No row: the default. */
export const retentionPolicies = pgTable('retention_policies', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  /** Years after a review is published (or closed without publication) before its personal data is due for erasure. */
  retainYears: integer('retain_years').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * The tombstone left when a review's personal data is erased: who, when, why, and how many records
 * of each kind were erased. The review row itself stays, stripped, so numbering and the audit log hold.
 */
export const reviewErasures = pgTable(
  'review_erasures',
  {
    id: id(),
    partnershipId: partnershipRef(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    reason: text('reason').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    erasedBy: uuid('erased_by')
      .notNull()
      .references(() => users.id),
    erasedAt: at('erased_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_erasures_review_key').on(t.reviewId)],
);
