import { describe, expect, it } from 'vitest';
import { workingDayCalendar } from '../calendar/working-days.ts';
import {
  deadlineStatus,
  intakeDeadline,
  londonDate,
  notificationDueDate,
  rapidReviewClockStart,
  rapidReviewDueDate,
} from './deadlines.ts';

const cal = workingDayCalendar();

describe('notificationDueDate', () => {
  it('is 5 working days after the local authority became aware, skipping Easter', () => {
    // Thursday 2 April 2026; Good Friday 3rd and Easter Monday 6th do not count.
    expect(notificationDueDate(cal, '2026-04-02')).toBe('2026-04-13');
    expect(notificationDueDate(cal, '2026-03-02')).toBe('2026-03-09');
  });

  it('honours a day the partnership added', () => {
    const withClosure = workingDayCalendar([{ date: '2026-04-08', name: 'Substitute day' }]);
    expect(notificationDueDate(withClosure, '2026-04-02')).toBe('2026-04-14');
  });
});

describe('rapidReviewDueDate', () => {
  it('runs 15 working days from the day the notification was sent', () => {
    expect(rapidReviewDueDate(cal, { awareDate: '2026-04-02', submittedDate: '2026-04-09' })).toBe(
      '2026-04-30',
    );
  });

  it('runs from the aware date until the notification is sent, so it is never later than the real one', () => {
    const notSent = { awareDate: '2026-04-02', submittedDate: null };
    expect(rapidReviewClockStart(notSent)).toBe('2026-04-02');
    expect(rapidReviewDueDate(cal, notSent)).toBe('2026-04-27');
    expect(rapidReviewDueDate(cal, { ...notSent, submittedDate: '2026-04-02' })).toBe('2026-04-27');
  });

  it('crosses Christmas and New Year', () => {
    expect(rapidReviewDueDate(cal, { awareDate: '2027-12-15', submittedDate: '2027-12-17' })).toBe(
      '2028-01-12',
    );
  });
});

describe('deadlineStatus', () => {
  it('counts calendar days left and is overdue only once the date has passed without it being done', () => {
    expect(deadlineStatus('2026-04-13', null, '2026-04-10', 'Notification due')).toEqual({
      label: 'Notification due',
      date: '2026-04-13',
      overdue: false,
      daysLeft: 3,
    });
    expect(deadlineStatus('2026-04-13', null, '2026-04-13').overdue).toBe(false);
    expect(deadlineStatus('2026-04-13', null, '2026-04-14')).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(deadlineStatus('2026-04-13', '2026-04-15', '2026-04-20').overdue).toBe(false);
  });
});

describe('intakeDeadline', () => {
  it('counts working days left, and says when it was met late', () => {
    // Friday 10 April: Monday 13th is 1 working day away.
    expect(intakeDeadline(cal, 'Due', '2026-04-13', null, '2026-04-10')).toMatchObject({
      workingDaysLeft: 1,
      daysLeft: 3,
      late: false,
    });
    // Thursday 2 April: 3rd and 6th are bank holidays.
    expect(intakeDeadline(cal, 'Due', '2026-04-13', null, '2026-04-02').workingDaysLeft).toBe(5);
    expect(intakeDeadline(cal, 'Due', '2026-04-13', null, '2026-04-15')).toMatchObject({
      workingDaysLeft: -2,
      overdue: true,
    });
    expect(intakeDeadline(cal, 'Due', '2026-04-13', '2026-04-14', '2026-04-20')).toMatchObject({
      overdue: false,
      late: true,
      doneDate: '2026-04-14',
    });
  });
});

describe('londonDate', () => {
  it('gives the date in England, not in UTC', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
