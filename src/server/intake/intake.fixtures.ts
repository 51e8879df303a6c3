import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import {
  auditEvents,
  calendarClosures,
  notifications,
  rapidReviewAgencyRequests,
  rapidReviews,
} from '../db/schema/index.ts';
import {
  call,
  givenMember,
  givenPartnership,
  type Session,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';

let counter = 0;

/** Creates a serious incident notification directly in the database (aware 2 April 2026, not sent). */
export async function givenNotification(
  t: TestApp,
  partnershipId: string,
  overrides: Partial<typeof notifications.$inferInsert> = {},
) {
  counter += 1;
  const [n] = await t.database.db
    .insert(notifications)
    .values({
      partnershipId,
      childPseudonym: `Child ${String.fromCharCode(65 + (counter % 26))}${counter}`,
      incidentDate: '2026-04-01',
      awareDate: '2026-04-02',
      dueDate: '2026-04-13',
      outcome: 'serious_harm',
      abuseOrNeglect: 'suspected',
      ...overrides,
    })
    .returning();
  return n!;
}

/** Starts a rapid review of a notification directly in the database. */
export async function givenRapidReview(t: TestApp, notification: { id: string; partnershipId: string }) {
  const [r] = await t.database.db
    .insert(rapidReviews)
    .values({
      partnershipId: notification.partnershipId,
      notificationId: notification.id,
      startedDate: '2026-04-03',
      dueDate: '2026-04-27',
    })
    .returning();
  return r!;
}

/** Records that an agency was asked for a summary in a rapid review. */
export async function givenAgencyRequest(
  t: TestApp,
  rapidReview: { id: string; partnershipId: string },
  agencyId: string,
) {
  const [r] = await t.database.db
    .insert(rapidReviewAgencyRequests)
    .values({
      partnershipId: rapidReview.partnershipId,
      rapidReviewId: rapidReview.id,
      agencyId,
      requestedDate: '2026-04-07',
    })
    .returning();
  return r!;
}

/** Adds a non-working day to a partnership's calendar directly in the database. */
export async function givenClosure(t: TestApp, partnershipId: string, date = '2026-07-15') {
  const [c] = await t.database.db
    .insert(calendarClosures)
    .values({ partnershipId, date, name: 'Local closure' })
    .returning();
  return c!;
}

/** A partnership with an admin, a business manager and a member signed in, and an outsider from another. */
export async function givenIntakeWorld(t: TestApp) {
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  return {
    pid,
    otherPid: other.id,
    admin: await signInAs(t, (await givenMember(t, pid, 'partnership_admin')).email),
    manager: await signInAs(t, (await givenMember(t, pid, 'business_manager')).email),
    member: await signInAs(t, (await givenMember(t, pid, 'member')).email),
    outsider: await signInAs(t, (await givenMember(t, other.id, 'partnership_admin')).email),
  };
}

type Method = Parameters<typeof call>[2];

/**
 * Checks who may not use an endpoint: 401 to nobody signed in, 404 to someone from another
 * partnership, 403 to a member of this one. Sends a valid body, so only access explains a refusal.
 */
export async function expectIntakeGuarded(
  t: TestApp,
  w: { outsider: Session; member: Session },
  method: Method,
  url: string,
  body?: unknown,
) {
  expect((await call(t, null, method, url, body)).statusCode).toBe(401);
  expect((await call(t, w.outsider, method, url, body)).statusCode).toBe(404);
  const refused = await call(t, w.member, method, url, body);
  expect(refused.statusCode).toBe(403);
  expect(refused.json().error.code).toBe('forbidden');
}

/** The audit rows for a record and action. */
export async function auditRows(t: TestApp, entityId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, entityId), eq(auditEvents.action, action)));
}

/** The field paths of a 400 answer. */
export const fieldPaths = (res: { json(): { error: { details?: { fields?: { path: string }[] } } } }) =>
  (res.json().error.details?.fields ?? []).map((f) => f.path);
