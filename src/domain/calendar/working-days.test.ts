import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  addWorkingDays,
  bankHolidaysEnglandAndWales,
  workingDayCalendar,
  workingDaysBetween,
} from './working-days.ts';

const cal = workingDayCalendar();

describe('England and Wales bank holidays', () => {
  it('include substitute and one-off days', () => {
    const d2022 = bankHolidaysEnglandAndWales(2022).map((d) => d.date);
    expect(d2022).toEqual(
      expect.arrayContaining(['2022-01-03', '2022-06-02', '2022-06-03', '2022-09-19', '2022-12-27']),
    );
    expect(bankHolidaysEnglandAndWales(2023).map((d) => d.date)).toContain('2023-05-08');
    expect(bankHolidaysEnglandAndWales(2026).map((d) => d.date)).toEqual(
      expect.arrayContaining([
        '2026-04-03',
        '2026-04-06',
        '2026-05-04',
        '2026-05-25',
        '2026-08-31',
        '2026-12-25',
        '2026-12-28',
      ]),
    );
  });
});

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    expect(addWorkingDays(cal, '2026-03-06', 5)).toBe('2026-03-13'); // Friday + 5 = next Friday
    expect(addWorkingDays(cal, '2026-03-07', 1)).toBe('2026-03-09'); // Saturday + 1 = Monday
  });

  it('skips Easter', () => {
    // Aware Thursday 2 April 2026: Good Friday 3rd and Easter Monday 6th do not count.
    expect(addWorkingDays(cal, '2026-04-02', 5)).toBe('2026-04-13');
  });

  it('crosses the year end with Christmas, Boxing Day substitute and New Year', () => {
    // Tuesday 22 December 2026: 23, 24, (25 Fri, 26-27 weekend, 28 substitute), 29, 30, 31, (1 Jan) …
    expect(addWorkingDays(cal, '2026-12-22', 5)).toBe('2026-12-31');
    expect(addWorkingDays(cal, '2026-12-22', 6)).toBe('2027-01-04');
    // A rapid review: notification on 17 December 2027, 15 working days later.
    expect(addWorkingDays(cal, '2027-12-17', 15)).toBe('2028-01-12'); // 27, 28 Dec and 3 Jan are substitute days
  });

  it('counts the 2022 funeral day as non-working', () => {
    expect(addWorkingDays(cal, '2022-09-16', 1)).toBe('2022-09-20');
  });

  it('honours non-working days a partnership adds', () => {
    const withExtra = workingDayCalendar([{ date: '2026-03-09', name: 'Local closure' }]);
    expect(addWorkingDays(withExtra, '2026-03-06', 1)).toBe('2026-03-10');
    expect(withExtra.nonWorkingDays(2026).map((d) => d.name)).toContain('Local closure');
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays(cal, '2026-03-06', -1)).toThrow(RangeError);
  });

  it('always lands on a working day and agrees with workingDaysBetween (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2019-01-01'), max: new Date('2029-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (date, n) => {
          const start = date.toISOString().slice(0, 10);
          const due = addWorkingDays(cal, start, n);
          expect(cal.isWorkingDay(due)).toBe(true);
          expect(workingDaysBetween(cal, start, due)).toBe(n);
          expect(workingDaysBetween(cal, due, start)).toBe(-n);
        },
      ),
    );
  });
});

describe('addCalendarMonths', () => {
  it('adds months and clamps to the month end', () => {
    expect(addCalendarMonths('2026-03-15', 6)).toBe('2026-09-15');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-08-31', 6)).toBe('2028-02-29');
  });
});
