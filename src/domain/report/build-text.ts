import { format, isValid, parseISO } from 'date-fns';
import type { Block, Section, SectionOrigin } from './document.ts';

/** What an empty narrative section says in a generated version. */
export const notWrittenYet = 'This section has not been written yet.';

/** A date as the report writes it, like “3 March 2024” (anything that is not a date is left as it is). */
export function formatReportDate(iso: string): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'd MMMM yyyy') : iso;
}

/** A period as the report writes it: “3 March 2024 to 5 April 2024”, or one date when both ends are the same day. */
export function formatReportPeriod(from: string, to: string): string {
  return from === to ? formatReportDate(from) : `${formatReportDate(from)} to ${formatReportDate(to)}`;
}

/**
 * The paragraphs of a written text: split on blank lines, each paragraph's own line breaks read as
 * spaces and its spacing tidied. An empty text has no paragraphs.
 */
export function textParagraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n[^\S\n]*\n/u)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter((p) => p.length > 0);
}

export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const minorHeading = (text: string): Block => ({ kind: 'heading', text });
export const list = (items: string[], ordered = false): Block => ({ kind: 'list', ordered, items });
export const table = (caption: string, columns: string[], rows: string[][]): Block => ({
  kind: 'table',
  caption,
  columns,
  rows,
});

/** The paragraphs of a written text as blocks; `fallback` in one paragraph when there are none. */
export function paragraphsOr(text: string | null | undefined, fallback: string): Block[] {
  const paragraphs = textParagraphs(text);
  return (paragraphs.length ? paragraphs : [fallback]).map(paragraph);
}

/** The blocks of a narrative section: its paragraphs, or one saying it has not been written yet. */
export const narrativeBlocks = (text: string | null | undefined): Block[] =>
  paragraphsOr(text, notWrittenYet);

export function section(
  id: string,
  title: string,
  origin: SectionOrigin,
  blocks: Block[],
  sections: Section[] = [],
): Section {
  return { id, title, origin, blocks, sections };
}

/** Words in a list, the GOV.UK way: “a”, “a and b”, “a, b and c”. */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A count with its noun: “1 member”, “3 members”, “no members”. */
export function countOf(n: number, one: string, many: string): string {
  return n === 0 ? `no ${many}` : `${n} ${n === 1 ? one : many}`;
}

/** What the report says for something the records do not hold. */
export const notRecorded = 'Not recorded';

/** Items counted by a key, in the order each key is first met. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups];
}
