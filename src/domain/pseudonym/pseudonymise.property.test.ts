import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chunksOf,
  DATE_FORMATS,
  FILLERS,
  type GenEntry,
  halvesOf,
  letter,
  personName,
  register,
  sameDay,
  survivingDates,
  survivingNames,
  text,
  ymd,
} from './arbitraries.ts';
import { pseudonymise } from './pseudonymise.ts';
import type { RegisterEntry } from './register.ts';
import { scanIdentifiers } from './scan.ts';

/* Properties of the pseudonymiser and the scan on generated registers and texts (see arbitraries.ts). */

const withText = register.chain((entries) => fc.tuple(fc.constant(entries), text(entries)));
/** 200 runs each; set PSEUDONYM_RUNS=20000 for a longer hunt. */
const RUNS = { numRuns: Number(process.env.PSEUDONYM_RUNS ?? 200) };
const TIMEOUT = 60_000;

describe('pseudonymise (properties)', () => {
  it(
    'leaves no register form and no name word behind, in any form it was written',
    () => {
      fc.assert(
        fc.property(withText, ([entries, input]) => {
          const { text: out } = pseudonymise(input, entries);
          const survivors = [
            ...scanIdentifiers(out, entries)
              .filter((h) => h.kind === 'register')
              .map((h) => h.match),
            ...survivingNames(entries, out),
            ...survivingDates(entries, out),
          ];
          expect(survivors).toEqual([]);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'changes nothing more when run again',
    () => {
      fc.assert(
        fc.property(withText, ([entries, input]) => {
          const once = pseudonymise(input, entries);
          const twice = pseudonymise(once.text, entries);
          expect(twice.text).toBe(once.text);
          expect(twice.replacements).toBe(0);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'gives back a text with no register names unchanged',
    () => {
      const unrelated = (entries: GenEntry[]) => {
        // Accents do not tell names apart (the pseudonymiser matches "Zoe" and "Zoë" alike).
        const plain = (w: string) => w.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
        const taken = new Set<string>();
        for (const e of entries) {
          for (const name of [e.realValue, ...e.variants]) {
            for (const w of chunksOf(name)) {
              taken.add(plain(w).replaceAll('-', ''));
              for (const h of halvesOf(w)) for (const s of ['', 's', 'es']) taken.add(plain(h) + s);
            }
          }
        }
        const dates = entries.flatMap((e) => (e.date ? [e.date] : []));
        const word = fc
          .string({ unit: letter, minLength: 1, maxLength: 10 })
          .filter((w) => !taken.has(plain(w)))
          .chain((w) => fc.constantFrom(w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)));
        const otherDate = fc
          .tuple(ymd, fc.nat(DATE_FORMATS.length - 1))
          .filter(([d]) => !dates.some((x) => sameDay(x, d)))
          .map(([d, f]) => DATE_FORMATS[f]!(d));
        const piece = fc.oneof(
          word,
          fc.constantFrom(...FILLERS),
          otherDate,
          fc.constantFrom('2019', '10:30', '07700 900123', 'J.', 'Mrs'),
        );
        return fc
          .array(fc.tuple(piece, fc.constantFrom(' ', '\n', ', ', '. ', "'s ")), { maxLength: 30 })
          .map((ps) => ps.flat().join(''));
      };
      fc.assert(
        fc.property(
          register.chain((entries) => fc.tuple(fc.constant(entries), unrelated(entries))),
          ([entries, input]) => {
            const result = pseudonymise(input, entries);
            expect(result.text).toBe(input);
            expect(result.replacements).toBe(0);
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );
});

describe('pseudonymise and scanIdentifiers on anything (properties)', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 200 });
  const anyRegister = fc.array(
    fc.record({
      category: fc.constantFrom(
        'child',
        'family_member',
        'practitioner',
        'place',
        'school',
        'address',
        'date_of_birth',
        'other',
      ) as fc.Arbitrary<RegisterEntry['category']>,
      realValue: fc.oneof(anyText, personName),
      variants: fc.array(anyText, { maxLength: 2 }),
      replacement: fc.constantFrom('Child A', 'the social worker', 'Mr X'),
    }),
    { maxLength: 4 },
  );

  it(
    'never fails, and every hit points at what it says it found',
    () => {
      fc.assert(
        fc.property(anyRegister, anyText, (entries, input) => {
          const { text: out } = pseudonymise(input, entries);
          for (const t of [input, out]) {
            for (const hit of scanIdentifiers(t, entries)) {
              expect(t.slice(hit.start, hit.end)).toBe(hit.match);
            }
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
