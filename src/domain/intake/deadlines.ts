import { differenceInCalendarDays, parseISO } from 'date-fns';
import {
  addWorkingDays,
  type IsoDate,
  type WorkingDayCalendar,
  workingDaysBetween,
} from '../calendar/working-days.ts';
import type { DeadlineDto } from '../review/review.ts';

/** Working days from the local authority becoming aware to the serious incident notification. */
export const NOTIFICATION_WORKING_DAYS = 5;
/** Working days from the notification to the rapid review being completed and sent to the panel. */
export const RAPID_REVIEW_WORKING_DAYS = 15;

/** The day it is in England at a moment, as `YYYY-MM-DD`: statutory clocks run on UK dates. */
export function londonDate(moment: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** When a serious incident notification is due: 5 working days after the local authority became aware. */
export function notificationDueDate(calendar: WorkingDayCalendar, awareDate: IsoDate): IsoDate {
  return addWorkingDays(calendar, awareDate, NOTIFICATION_WORKING_DAYS);
}

/**
 * The day the rapid review clock starts: the day the notification was sent, or, until it has been
 * sent, the day the local authority became aware. A notification cannot be sent before that day,
 * so the due date shown meanwhile is never later than the real one; it moves when the sent date
 * is recorded.
 */
export function rapidReviewClockStart(notification: {
  awareDate: IsoDate;
  submittedDate: IsoDate | null;
}): IsoDate {
  return notification.submittedDate ?? notification.awareDate;
}

/** When a rapid review is due: 15 working days after the notification (see `rapidReviewClockStart`). */
export function rapidReviewDueDate(
  calendar: WorkingDayCalendar,
  notification: { awareDate: IsoDate; submittedDate: IsoDate | null },
): IsoDate {
  return addWorkingDays(calendar, rapidReviewClockStart(notification), RAPID_REVIEW_WORKING_DAYS);
}

/**
 * Where a deadline stands today: overdue when it is not done and its date has passed; `daysLeft`
 * counts calendar days from today (negative once passed), as the review dashboard does.
 */
export function deadlineStatus(
  due: IsoDate,
  doneDate: IsoDate | null,
  today: IsoDate,
  label = 'Due',
): DeadlineDto {
  return {
    label,
    date: due,
    overdue: !doneDate && today > due,
    daysLeft: differenceInCalendarDays(parseISO(due), parseISO(today)),
  };
}

/** An intake deadline: the shared deadline fields, plus working days left and whether it was met. */
export type IntakeDeadline = DeadlineDto & {
  /** Working days after today up to and including the due date; negative once it has passed. */
  workingDaysLeft: number;
  doneDate: IsoDate | null;
  /** Done, but after the due date. */
  late: boolean;
};

/** Where an intake deadline stands today, counted in working days on the partnership's calendar. */
export function intakeDeadline(
  calendar: WorkingDayCalendar,
  label: string,
  due: IsoDate,
  doneDate: IsoDate | null,
  today: IsoDate,
): IntakeDeadline {
  return {
    ...deadlineStatus(due, doneDate, today, label),
    workingDaysLeft: workingDaysBetween(calendar, today, due),
    doneDate,
    late: Boolean(doneDate && doneDate > due),
  };
}
