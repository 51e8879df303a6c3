import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz } from './columns.ts';
import { partnershipRef, partnerships, sessions, users } from './core.ts';

const at = timestampTz;

/**
 * A person's authenticator (TOTP) secret: `pending` from enrolment until the first correct code,
 * then `active`. `last_used_step` is the 30-second step of the last accepted code, so a code is
 * accepted only once.
 */
export const mfaFactors = pgTable('mfa_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  secret: text('secret').notNull(),
  status: text('status').notNull(),
  lastUsedStep: integer('last_used_step'),
  createdAt: createdAt(),
  confirmedAt: at('confirmed_at'),
});

/** One-time recovery codes, stored as argon2id hashes; `used_at` is set when one is spent. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: at('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/** Attempts at a second-step code, kept briefly to throttle guessing per account and per address. */
export const mfaAttempts = pgTable(
  'mfa_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id').notNull(),
    address: text('address').notNull(),
    succeeded: boolean('succeeded').notNull(),
    attemptedAt: at('attempted_at').notNull().defaultNow(),
  },
  (t) => [
    index('mfa_attempts_user_idx').on(t.userId, t.attemptedAt),
    index('mfa_attempts_address_idx').on(t.address, t.attemptedAt),
  ],
);

/**
 * A session that has passed the password but not yet two-step verification (`mfa_pending`), or
 * whose person must set it up first (`mfa_enrolment_required`). A session without a row is complete.
 */
export const sessionMfaStates = pgTable('session_mfa_states', {
  sessionId: text('session_id')
    .primaryKey()
    .references(() => sessions.id, { onDelete: 'cascade' }),
  state: text('state').notNull(),
  createdAt: createdAt(),
});

/** A partnership's security policy: who must use two-step verification. No row: nobody is required to. */
export const partnershipSecurityPolicies = pgTable('partnership_security_policies', {
  partnershipId: uuid('partnership_id')
    .primaryKey()
    .references(() => partnerships.id),
  requireMfaFor: jsonb('require_mfa_for').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  version: integer('version').notNull().default(1),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * API tokens for a partnership's integrations: read-only and limited to their scopes. Only the
 * SHA-256 of a token is stored, with its first characters to recognise it.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    partnershipId: partnershipRef(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    prefix: text('prefix').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    expiresOn: date('expires_on'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_partnership_idx').on(t.partnershipId, t.createdAt),
  ],
);
