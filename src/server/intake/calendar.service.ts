import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  bankHolidaysEnglandAndWales,
  type WorkingDayCalendar,
  workingDayCalendar,
} from '#domain/calendar/working-days.ts';
import { londonDate, notificationDueDate, rapidReviewDueDate } from '#domain/intake/deadlines.ts';
import type { AddCalendarClosureInput } from '#domain/intake/intake.ts';
import type { CalendarClosureDto, CalendarClosureList } from '#domain/intake/intake-dto.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { calendarClosures, notifications, rapidReviews } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

/** The partnership's working-day calendar: England and Wales bank holidays plus the days it added. */
export async function partnershipCalendar(q: Queryable, partnershipId: string): Promise<WorkingDayCalendar> {
  const extra = await q
    .select({ date: calendarClosures.date, name: calendarClosures.name })
    .from(calendarClosures)
    .where(eq(calendarClosures.partnershipId, partnershipId));
  return workingDayCalendar(extra);
}

/**
 * Moves the due dates of deadlines still open (notifications not yet sent, rapid reviews not yet
 * sent to the panel) to what the partnership's calendar now says; met deadlines keep their history.
 * Returns how many moved.
 */
export async function recomputeOpenDeadlines(
  q: Queryable,
  partnershipId: string,
  calendar: WorkingDayCalendar,
): Promise<number> {
  let moved = 0;
  const openNotifications = await q
    .select({ id: notifications.id, awareDate: notifications.awareDate, dueDate: notifications.dueDate })
    .from(notifications)
    .where(and(eq(notifications.partnershipId, partnershipId), isNull(notifications.submittedDate)));
  for (const n of openNotifications) {
    const due = notificationDueDate(calendar, n.awareDate);
    if (due === n.dueDate) continue;
    await q.update(notifications).set({ dueDate: due }).where(eq(notifications.id, n.id));
    moved += 1;
  }
  const openReviews = await q
    .select({
      id: rapidReviews.id,
      dueDate: rapidReviews.dueDate,
      awareDate: notifications.awareDate,
      submittedDate: notifications.submittedDate,
    })
    .from(rapidReviews)
    .innerJoin(notifications, eq(notifications.id, rapidReviews.notificationId))
    .where(and(eq(rapidReviews.partnershipId, partnershipId), isNull(rapidReviews.sentToPanelDate)));
  for (const r of openReviews) {
    const due = rapidReviewDueDate(calendar, r);
    if (due === r.dueDate) continue;
    await q.update(rapidReviews).set({ dueDate: due }).where(eq(rapidReviews.id, r.id));
    moved += 1;
  }
  return moved;
}

const present = (row: typeof calendarClosures.$inferSelect): CalendarClosureDto => ({
  id: row.id,
  date: row.date,
  name: row.name,
});

/** Lists the non-working days the partnership added, with this year's and next year's bank holidays. */
export async function listCalendarClosures(ctx: MemberCtx): Promise<CalendarClosureList> {
  const rows = await ctx.tx
    .select()
    .from(calendarClosures)
    .where(eq(calendarClosures.partnershipId, ctx.membership.partnershipId))
    .orderBy(asc(calendarClosures.date));
  const year = Number(londonDate(ctx.now).slice(0, 4));
  const may = mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'manageIntake');
  return {
    closures: rows.map(present),
    bankHolidays: [...bankHolidaysEnglandAndWales(year), ...bankHolidaysEnglandAndWales(year + 1)],
    abilities: { add: may, remove: may },
  };
}

/** Adds a non-working day to the partnership's calendar and moves the open deadlines it affects. */
export async function addCalendarClosure(
  ctx: MemberCtx,
  input: AddCalendarClosureInput,
): Promise<CalendarClosureDto> {
  const partnershipId = ctx.membership.partnershipId;
  const current = await partnershipCalendar(ctx.tx, partnershipId);
  if (!current.isWorkingDay(input.date)) {
    const year = Number(input.date.slice(0, 4));
    const known = current.nonWorkingDays(year).find((d) => d.date === input.date);
    throw AppError.invalid([
      {
        path: 'date',
        message: known
          ? `That date is already a non-working day (${known.name})`
          : 'That date is a weekend, which is never a working day',
      },
    ]);
  }
  const [row] = await ctx.tx
    .insert(calendarClosures)
    .values({ partnershipId, date: input.date, name: input.name })
    .onConflictDoNothing()
    .returning();
  if (!row) throw AppError.invalid([{ path: 'date', message: 'That date is already a non-working day' }]);
  const moved = await recomputeOpenDeadlines(
    ctx.tx,
    partnershipId,
    await partnershipCalendar(ctx.tx, partnershipId),
  );
  await auditAction(ctx, {
    action: 'calendar.closure_added',
    entityType: 'calendar_closure',
    entityId: row.id,
    details: { date: row.date, name: row.name, deadlinesMoved: moved },
  });
  return present(row);
}

/**
 * Removes a non-working day the partnership added and moves the open deadlines it affects.
 * Removing a day that is not in the list changes nothing, so a repeated request is harmless.
 */
export async function removeCalendarClosure(ctx: MemberCtx, closureId: string): Promise<void> {
  const partnershipId = ctx.membership.partnershipId;
  const [row] = await ctx.tx
    .delete(calendarClosures)
    .where(and(eq(calendarClosures.id, closureId), eq(calendarClosures.partnershipId, partnershipId)))
    .returning();
  if (!row) return;
  const moved = await recomputeOpenDeadlines(
    ctx.tx,
    partnershipId,
    await partnershipCalendar(ctx.tx, partnershipId),
  );
  await auditAction(ctx, {
    action: 'calendar.closure_removed',
    entityType: 'calendar_closure',
    entityId: row.id,
    details: { date: row.date, name: row.name, deadlinesMoved: moved },
  });
}
