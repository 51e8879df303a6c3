import type { FieldError } from '#domain/shared/app-error.ts';
import { ApiError } from '../api/client.ts';

/** A date as the GOV.UK date input holds it: what the person typed in each box. */
export type DateParts = { day: string; month: string; year: string };

export const noDate: DateParts = { day: '', month: '', year: '' };

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** A `YYYY-MM-DD` date in the GOV.UK style: "13 April 2026" (or "Monday 13 April 2026"). */
export function formatDate(iso: string | null | undefined, withWeekday = false): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return withWeekday ? `${weekday.format(date)} ${longDate.format(date)}` : longDate.format(date);
}

/** Splits a `YYYY-MM-DD` date into the boxes of a date input. */
export function partsFromIso(iso: string | null | undefined): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!match) return noDate;
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] as string };
}

/**
 * Reads the boxes of a date input: nothing typed is no date (null); anything else must be a real
 * date, or the message says what is missing, in the words of the GOV.UK date input pattern.
 */
export function readDate(parts: DateParts, label: string): { iso: string | null } | { message: string } {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return { iso: null };
  const bare = label.replace(/^the /, '');
  const subject = bare.charAt(0).toUpperCase() + bare.slice(1);
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length > 0) return { message: `${subject} must include a ${missing.join(' and a ')}` };
  if (!/^\d{4}$/.test(year)) return { message: `${subject} must include a year with 4 numbers, like 2026` };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    !/^\d{1,2}$/.test(day) ||
    !/^\d{1,2}$/.test(month) ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  )
    return { message: `${subject} must be a real date` };
  return { iso: date.toISOString().slice(0, 10) };
}

/**
 * Reads several date inputs at once. Returns the dates, or an ApiError shaped like the server's
 * 400 so the form shows typing mistakes exactly as it shows the server's own field errors.
 */
export function readDates<K extends string>(
  fields: Record<K, { parts: DateParts; label: string }>,
): { dates: Record<K, string | null> } | { error: ApiError } {
  const dates = {} as Record<K, string | null>;
  const problems: FieldError[] = [];
  for (const [key, { parts, label }] of Object.entries(fields) as [
    K,
    { parts: DateParts; label: string },
  ][]) {
    const read = readDate(parts, label);
    if ('message' in read) problems.push({ path: key, message: read.message });
    else dates[key] = read.iso;
  }
  if (problems.length > 0) return { error: fieldProblems(problems) };
  return { dates };
}

/** Problems found in the browser, shaped like the server's 400 so the form shows them the same way. */
export const fieldProblems = (fields: FieldError[]) =>
  new ApiError(400, 'validation_failed', 'There is a problem', { fields });

/** One problem with one field, found in the browser. */
export const fieldProblem = (path: string, message: string) => fieldProblems([{ path, message }]);

/** The same error with a field renamed, for a form whose field differs from the API's. */
export function renameField(error: unknown, from: string, to: string): unknown {
  if (!(error instanceof ApiError) || !error.fields.some((f) => f.path === from)) return error;
  const fields = error.fields.map((f) => (f.path === from ? { ...f, path: to } : f));
  return new ApiError(error.status, error.code, error.message, { fields });
}

/** "Due in 3 working days", "Due today" or "2 working days overdue", from the server's count. */
export function workingDaysText(workingDaysLeft: number): string {
  const n = Math.abs(workingDaysLeft);
  const days = `${n} working day${n === 1 ? '' : 's'}`;
  if (workingDaysLeft === 0) return 'Due today';
  return workingDaysLeft > 0 ? `Due in ${days}` : `${days} overdue`;
}
