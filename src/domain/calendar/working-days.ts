import { addDays, formatISO, getISODay, parseISO } from 'date-fns';
import Holidays from 'date-holidays';

/** A calendar date as `YYYY-MM-DD`, with no time of day or zone. */
export type IsoDate = string;

export type WorkingDayCalendar = {
  /** Whether the date is a working day: not a weekend, bank holiday or added non-working day. */
  isWorkingDay(date: IsoDate): boolean;
  /** The non-working days (other than weekends) in a year, with their names. */
  nonWorkingDays(year: number): { date: IsoDate; name: string }[];
};

const englandAndWales = new Holidays('GB', 'ENG');
const bankHolidayCache = new Map<number, { date: IsoDate; name: string }[]>();

/**
 * Bank holidays in England and Wales for a year, from the maintained `date-holidays` data
 * (substitute days and one-off holidays such as 19 September 2022 included).
 */
export function bankHolidaysEnglandAndWales(year: number): { date: IsoDate; name: string }[] {
  let days = bankHolidayCache.get(year);
  if (!days) {
    days = englandAndWales
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    bankHolidayCache.set(year, days);
  }
  return days;
}

const toDate = (d: IsoDate) => parseISO(d);
const toIso = (d: Date): IsoDate => formatISO(d, { representation: 'date' });

/**
 * The England and Wales working-day calendar, plus any extra non-working days a partnership adds
 * (for example a substitute day announced after our data was published).
 */
export function workingDayCalendar(
  extra: readonly { date: IsoDate; name: string }[] = [],
): WorkingDayCalendar {
  const extraByYear = new Map<number, { date: IsoDate; name: string }[]>();
  for (const e of extra) {
    const y = Number(e.date.slice(0, 4));
    extraByYear.set(y, [...(extraByYear.get(y) ?? []), e]);
  }
  const nonWorkingDays = (year: number) =>
    [...bankHolidaysEnglandAndWales(year), ...(extraByYear.get(year) ?? [])].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
  const closed = new Map<number, Set<IsoDate>>();
  const closedIn = (year: number) => {
    let s = closed.get(year);
    if (!s) {
      s = new Set(nonWorkingDays(year).map((d) => d.date));
      closed.set(year, s);
    }
    return s;
  };
  return {
    isWorkingDay(date) {
      const weekday = getISODay(toDate(date));
      if (weekday === 6 || weekday === 7) return false;
      return !closedIn(Number(date.slice(0, 4))).has(date);
    },
    nonWorkingDays,
  };
}

/**
 * The date that is `n` working days after `start` (the start day itself is day 0, whether or not it
 * is a working day), as statutory clocks count: "within 5 working days of becoming aware".
 */
export function addWorkingDays(calendar: WorkingDayCalendar, start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number of days, zero or more');
  let d = toDate(start);
  let counted = 0;
  while (counted < n) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(toIso(d))) counted += 1;
  }
  return toIso(d);
}

/** How many working days fall after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  if (to < from) return -workingDaysBetween(calendar, to, from);
  let d = toDate(from);
  const end = toDate(to);
  let count = 0;
  while (d < end) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(toIso(d))) count += 1;
  }
  return count;
}

/** Adds calendar months (e.g. initiation + 6 months for publication), clamping to the month's end. */
export function addCalendarMonths(start: IsoDate, months: number): IsoDate {
  const d = toDate(start);
  const target = new Date(d.getFullYear(), d.getMonth() + months, 1);
  const lastDay = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  target.setDate(Math.min(d.getDate(), lastDay));
  return toIso(target);
}
