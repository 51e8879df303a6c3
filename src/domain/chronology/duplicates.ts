/** The words of a text, lowercased, for comparing two accounts of an event. */
export function wordSet(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length > 1));
}

/** How alike two accounts are: the Jaccard index of their word sets, from 0 (nothing shared) to 1. */
export function similarity(a: string, b: string): number {
  const x = wordSet(a);
  const y = wordSet(b);
  if (x.size === 0 && y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Accounts at least this alike, on the same date, are offered as one event told by two agencies. */
export const DUPLICATE_THRESHOLD = 0.5;

/** Whether two events are likely the same one recorded by two agencies: same date, similar words. */
export function likelyDuplicate(
  a: { occurredOn: string; summary: string },
  b: { occurredOn: string; summary: string },
): boolean {
  return a.occurredOn === b.occurredOn && similarity(a.summary, b.summary) >= DUPLICATE_THRESHOLD;
}
