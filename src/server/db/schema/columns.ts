import { integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A random UUID primary key. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () =>
  timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
/** The row version a write must be based on; a stale write is refused with 409. */
export const version = () => integer('version').notNull().default(1);
export const createdBy = () => uuid('created_by');
/** A nullable timestamp with time zone, read as a Date. */
export const timestampTz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
