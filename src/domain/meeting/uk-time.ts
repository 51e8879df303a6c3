/**
 * Meeting times as people in England write them: a date and a clock time in UK time (GMT or BST),
 * turned into an exact moment and back.
 */

export type DateParts = { day: string; month: string; year: string };
export type ClockTime = { hours: number; minutes: number };

const zone = 'Europe/London';

/** Reads a clock time like "14:30", "9.05", "2:30pm" or "2pm"; null when it is not a real time. */
export function parseClockTime(text: string): ClockTime | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (match[2] === undefined && !half) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return null;
  return { hours, minutes };
}

/** The date the parts name, or null when they are not a real date (like 31 February). */
export function parseDateParts(parts: DateParts): { year: number; month: number; day: number } | null {
  const [day, month, year] = [parts.day, parts.month, parts.year].map((v) => v.trim());
  if (!/^\d{1,2}$/.test(day ?? '') || !/^\d{1,2}$/.test(month ?? '') || !/^\d{4}$/.test(year ?? ''))
    return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return { year: y, month: m, day: d };
}

/** Minutes UK time is ahead of UTC at a moment: 0 in winter, 60 in summer. */
function ukOffsetMinutes(at: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** The exact moment (ISO 8601, UTC) of a date and clock time in UK time. */
export function ukDateTimeToIso(date: { year: number; month: number; day: number }, time: ClockTime): string {
  const wall = Date.UTC(date.year, date.month - 1, date.day, time.hours, time.minutes);
  let at = wall - ukOffsetMinutes(wall) * 60_000;
  // Near a clock change the offset at the first guess can differ from the offset at the answer.
  at = wall - ukOffsetMinutes(at) * 60_000;
  return new Date(at).toISOString();
}

/** A moment as the date parts and "HH:MM" clock time a person in the UK would enter for it. */
export function isoToUkParts(iso: string): DateParts & { time: string } {
  const at = new Date(iso).getTime();
  const local = new Date(at + ukOffsetMinutes(at) * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: String(local.getUTCDate()),
    month: String(local.getUTCMonth() + 1),
    year: String(local.getUTCFullYear()),
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}
