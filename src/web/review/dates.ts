/** A calendar date as the GOV.UK date input holds it: what the person typed in each box. */
export type DateParts = { day: string; month: string; year: string };

export const emptyDate: DateParts = { day: '', month: '', year: '' };

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const isoInLondon = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: 'Europe/London',
});

/** Today's date in the UK, as `YYYY-MM-DD`. */
export function todayIso(now = new Date()): string {
  return isoInLondon.format(now);
}

/** A `YYYY-MM-DD` date in the GOV.UK style: "2 March 2026". */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

/** The date some whole months later, kept within the month (31 January + 1 month = 28 or 29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Splits a `YYYY-MM-DD` date into the boxes of a date input. */
export function partsFromIso(iso: string | null | undefined): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!match) return emptyDate;
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] as string };
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A month typed as a number or a name ("3", "03", "Mar", "March"), or NaN. */
function monthNumber(text: string): number {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) return Number(t);
  const index = monthNames.indexOf(t.slice(0, 3));
  return index >= 0 && t.length >= 3 ? index + 1 : Number.NaN;
}

export type ParsedDate = { ok: true; iso: string | null } | { ok: false; message: string };

/**
 * Reads the boxes of a date input: nothing typed is no date; anything else must be a real date.
 * `label` completes messages such as "The scope start date must include a month".
 */
export function parseDateParts(parts: DateParts, label: string): ParsedDate {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { ok: true, iso: null };
  const missing = [!day ? 'day' : null, !month ? 'month' : null, !year ? 'year' : null].filter(Boolean);
  const subject = label.charAt(0).toUpperCase() + label.slice(1);
  if (missing.length > 0) return { ok: false, message: `${subject} must include a ${missing.join(' and ')}` };
  const d = /^\d{1,2}$/.test(day) ? Number(day) : Number.NaN;
  const m = monthNumber(month);
  const y = /^\d{4}$/.test(year) ? Number(year) : Number.NaN;
  if (Number.isNaN(y))
    return { ok: false, message: `${subject} must include a year with 4 numbers, like 2026` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    Number.isNaN(d) ||
    Number.isNaN(m) ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    return { ok: false, message: `${subject} must be a real date` };
  }
  return { ok: true, iso: date.toISOString().slice(0, 10) };
}
