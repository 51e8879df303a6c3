/** Reading the cells of an agency chronology: dates, times and lists, with the reason when one cannot be read. */

export type Cell = string | number | boolean | Date | null | undefined;
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (reason: string): Read<never> => ({ ok: false, reason });
const pad = (n: number) => String(n).padStart(2, '0');

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A cell as text: trimmed, with dates as YYYY-MM-DD, and any broken character replaced by �. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).replace(loneSurrogate, '\uFFFD').trim();
}

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A date cell: a spreadsheet date, YYYY-MM-DD, DD/MM/YYYY (or with - or .), or a month alone (YYYY-MM, MM/YYYY). */
export function readDate(cell: Cell): Read<{ date: string; monthOnly: boolean }> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return no('The date cell is not a real date');
    const y = cell.getUTCFullYear();
    if (y < 1900 || y > 2999) return no(`${cellText(cell)} is not a date in a review’s years`);
    return ok({ date: cell.toISOString().slice(0, 10), monthOnly: false });
  }
  const text = cellText(cell);
  if (!text) return no('Enter the date');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  const british = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const isoMonth = /^(\d{4})-(\d{1,2})$/.exec(text);
  const britishMonth = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d, monthOnly] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3]), false]
    : british
      ? [Number(british[3]), Number(british[2]), Number(british[1]), false]
      : isoMonth
        ? [Number(isoMonth[1]), Number(isoMonth[2]), 1, true]
        : britishMonth
          ? [Number(britishMonth[2]), Number(britishMonth[1]), 1, true]
          : [0, 0, 0, false];
  if (!y) return no(`${clip(text)} is not a date: write it like 2026-03-27 or 27/03/2026`);
  if (y < 1900 || y > 2999 || !realDate(y, m, d)) return no(`${clip(text)} is not a real date`);
  return ok({ date: `${y}-${pad(m)}-${pad(d)}`, monthOnly });
}

/** A time cell: HH:MM (24-hour), optionally with seconds, or a spreadsheet time. */
export function readTime(cell: Cell): Read<string | null> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return no('The time cell is not a real time');
    return ok(`${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}`);
  }
  const text = cellText(cell);
  if (!text) return ok(null);
  const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59)
    return no(`${clip(text)} is not a time: write it like 09:30 or 14:05`);
  return ok(`${pad(Number(match[1]))}:${match[2]}`);
}

/** A list cell: values separated by semicolons (or commas), blanks dropped. */
export function readList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A value short enough to quote back in an error message. */
export function clip(text: string, max = 40): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
  const t = text.replace(/\s+/g, ' ').replace(/[\u0000-\u001f]/g, '\uFFFD');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
