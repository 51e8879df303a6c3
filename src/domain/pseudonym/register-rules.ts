import type { FieldError } from '../shared/app-error.ts';
import { compileRegister, findRegisterMatches, foldWord } from './pseudonymise.ts';
import type { PseudonymCategory } from './register.ts';

type Entry = {
  category: PseudonymCategory;
  realValue: string;
  variants: readonly string[];
  replacement: string;
};

/**
 * A name or identifier as two entries are compared: its words, with case, accents, spacing,
 * hyphens and apostrophes set aside, as the pseudonymiser compares them ("O’Brien" = "o'brien").
 */
export function sameValueKey(value: string): string {
  return (
    foldWord(value.normalize('NFC'))
      .match(/[\p{L}\p{N}]+/gu)
      ?.join(' ') ?? ''
  );
}

/**
 * What is wrong with a register as a whole, beyond each entry's own fields: a real name or other
 * spelling given twice (named on the later row, pointing at the first), and a replacement that
 * the pseudonymiser would itself find a name in, which would still identify someone in a published
 * report. Rows are counted from 1, as the person sees them.
 */
export function registerProblems(entries: readonly Entry[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const values = [
      { path: `entries.${i}.realValue`, value: entry.realValue },
      ...entry.variants.map((value, v) => ({ path: `entries.${i}.variants.${v}`, value })),
    ];
    const mine = new Set<string>();
    for (const { path, value } of values) {
      const key = sameValueKey(value);
      if (!key || mine.has(key)) continue;
      mine.add(key);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        continue;
      }
      problems.push({ path, message: `${value.trim()} is already in the register (row ${first + 1})` });
      // A row whose real name is taken is a repeat: its other spellings need no message of their own.
      if (path.endsWith('realValue')) break;
    }
  });

  // The pseudonymiser's own matcher, so a replacement is refused for exactly what it would replace.
  const compiled = compileRegister(entries);
  entries.forEach((entry, i) => {
    const [found] = findRegisterMatches(entry.replacement, compiled);
    if (!found) return;
    const rows = found.entryIndexes.map((j) => (j === i ? 'this row' : `row ${j + 1}`)).join(' and ');
    problems.push({
      path: `entries.${i}.replacement`,
      message: `The replacement would still identify someone: it contains ${found.match} (${rows}). Use a pseudonym, a role or a description instead`,
    });
  });
  return problems.sort((a, b) => rowOf(a.path) - rowOf(b.path));
}

const rowOf = (path: string) => Number(path.split('.')[1] ?? 0);

type Described = Entry & { note?: string | null | undefined };

/** How many entries a change added, removed and changed, matched by their real value: counts only, never names. */
export function registerChangeCounts(
  before: readonly Described[],
  after: readonly Described[],
): { added: number; removed: number; changed: number } {
  const shape = (e: Described) => JSON.stringify([e.category, e.variants, e.replacement, e.note ?? null]);
  const old = new Map(before.map((e) => [sameValueKey(e.realValue), shape(e)]));
  const now = new Map(after.map((e) => [sameValueKey(e.realValue), shape(e)]));
  let added = 0;
  let changed = 0;
  for (const [key, value] of now) {
    const was = old.get(key);
    if (was === undefined) added += 1;
    else if (was !== value) changed += 1;
  }
  const removed = [...old.keys()].filter((key) => !now.has(key)).length;
  return { added, removed, changed };
}
