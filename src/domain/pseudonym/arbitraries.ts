import fc from 'fast-check';
import { isCommonWord } from './pseudonymise.ts';
import type { RegisterEntry } from './register.ts';

/*
 * Generated registers (names of random letters, 1–3 words, some hyphenated, with variants; places;
 * dates of birth) and texts that mention them in random forms, for property tests of the
 * pseudonymiser and of what is built on it. `survivingNames` is the independent check: it does not
 * trust the pseudonymiser's own idea of a name; every generated name word is looked for as a whole
 * word, case-insensitively, with a plain regular expression.
 */

/** Ordinary words put between mentions. */
export const FILLERS = [
  'the',
  'report',
  'said',
  'visited',
  'and',
  'school',
  'worker',
  'on',
  'at',
  'home',
  'review',
  'was',
  'seen',
  'by',
  'with',
  'about',
  'concerns',
  'meeting',
  'police',
  'health',
  'when',
  'after',
  'he',
  'she',
  'they',
  'on',
  'Mrs',
  'Dr',
  'sister',
  'may',
  'will',
];
const RESERVED = new Set([
  ...FILLERS.map((w) => w.toLowerCase()),
  'pseudonym',
  'or',
  'child',
  'social',
  'worker',
  'mr',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'the',
  'of',
  'st',
  'nd',
  'rd',
  'th',
]);

/** The letters names are made of, a few accented ones included. */
export const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split(''), 'é', 'ø', 'ł', 'ñ');
/** One capitalised name word that is not a common word. */
export const nameWord = fc
  .string({ unit: letter, minLength: 3, maxLength: 10 })
  .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
  .filter((w) => !isCommonWord(w) && !RESERVED.has(w.toLowerCase()));

/** "Abc", "Abc Def", "Abc-Def Ghi". */
export const personName = fc
  .tuple(fc.array(nameWord, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([ws, hyphen]) => (ws.length > 1 && hyphen ? `${ws[0]}-${ws.slice(1).join(' ')}` : ws.join(' ')));

/** The month names, for dates written in words. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export type Ymd = { y: number; m: number; d: number };
/** A day between 1970 and 2025 (days 1 to 28, so every month has it). */
export const ymd = fc.record({
  y: fc.integer({ min: 1970, max: 2025 }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.integer({ min: 1, max: 28 }),
});
const pad = (n: number) => String(n).padStart(2, '0');
const ord = (d: number) =>
  `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;
/** The ways a date of birth may be written in a text. */
export const DATE_FORMATS: ((x: Ymd) => string)[] = [
  (x) => `${pad(x.d)}/${pad(x.m)}/${x.y}`,
  (x) => `${x.d}/${x.m}/${x.y}`,
  (x) => `${pad(x.d)}.${pad(x.m)}.${x.y}`,
  (x) => `${pad(x.d)}-${pad(x.m)}-${x.y}`,
  (x) => `${pad(x.d)}/${pad(x.m)}/${pad(x.y % 100)}`,
  (x) => `${x.d} ${MONTHS[x.m - 1]} ${x.y}`,
  (x) => `${ord(x.d)} ${MONTHS[x.m - 1]} ${x.y}`,
  (x) => `${ord(x.d)} of ${MONTHS[x.m - 1]} ${x.y}`,
  (x) => `${x.d}-${MONTHS[x.m - 1]!.slice(0, 3)}-${pad(x.y % 100)}`,
  (x) => `${MONTHS[x.m - 1]} ${x.d}, ${x.y}`,
  (x) => `${x.y}-${pad(x.m)}-${pad(x.d)}`,
];
/** Whether two generated dates are the same day, two-digit years included. */
export const sameDay = (a: Ymd, b: Ymd) => a.d === b.d && a.m === b.m && a.y % 100 === b.y % 100;

/** A generated register entry; a date of birth keeps the date it was written from. */
export type GenEntry = RegisterEntry & { date?: Ymd };
const personEntry = fc.record({
  category: fc.constantFrom('child', 'family_member', 'practitioner') as fc.Arbitrary<
    RegisterEntry['category']
  >,
  realValue: personName,
  variants: fc.array(personName, { maxLength: 2 }),
});
const placeEntry = fc.record({
  category: fc.constant('place') as fc.Arbitrary<RegisterEntry['category']>,
  realValue: fc.array(nameWord, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' ')),
  variants: fc.constant([] as string[]),
});
const dobEntry = fc.tuple(ymd, fc.nat(2)).map(([date, f]) => ({
  category: 'date_of_birth' as const,
  realValue: [DATE_FORMATS[0]!, DATE_FORMATS[5]!, DATE_FORMATS[10]!][f]!(date),
  variants: [] as string[],
  date,
}));
/** A register of one to five people, places and dates of birth, with their replacements. */
export const register: fc.Arbitrary<GenEntry[]> = fc
  .array(
    fc.oneof(
      { arbitrary: personEntry, weight: 4 },
      { arbitrary: placeEntry, weight: 1 },
      { arbitrary: dobEntry, weight: 1 },
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  )
  .chain((entries) =>
    fc
      .array(fc.tuple(fc.nat(3), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ')), {
        minLength: entries.length,
        maxLength: entries.length,
      })
      .map((styles) =>
        entries.map((e, i) => {
          const [style, letter] = styles[i]!;
          const replacement = [`Pseudonym ${i + 1}`, `Child ${letter}`, `Mr ${letter}`, 'the social worker'][
            style
          ]!;
          return { ...e, replacement };
        }),
      ),
  );

// ---------------------------------------------------------------------------------------------
// Mentions

type Seg = { text: string; casable: boolean };
const initialOf = (w: string) => w.charAt(0).toUpperCase();
/** The words of a name. */
export const chunksOf = (s: string) => s.split(' ');
/** The halves of a hyphenated word. */
export const halvesOf = (chunk: string) => chunk.split('-');

/** The ways a text may mention a person, given the name as written in the register. */
export function personForms(name: string): Seg[][] {
  const words = chunksOf(name);
  const seg = (text: string, casable = true): Seg => ({ text, casable });
  const forms: Seg[][] = [[seg(name)]];
  for (const w of words) {
    forms.push([seg(w)]);
    for (const h of halvesOf(w)) forms.push([seg(h)]);
  }
  if (words.length < 2) return forms;
  const surname = words.at(-1)!;
  const given = words.slice(0, -1);
  const initials = given.map(initialOf);
  if (given.length > 1) forms.push([seg(`${given[0]} ${surname}`)]);
  forms.push(
    [seg(`${initials[0]}. `, false), seg(surname)],
    [seg(`${initials[0]} `, false), seg(surname)],
    [seg(`${initials.join('.')}. `, false), seg(surname)],
    [seg(`${initials.join('')} `, false), seg(surname)],
    [seg(`${[...initials, initialOf(surname)].join('.')}.`, false)],
    [seg(`${surname}, ${given[0]}`)],
    [seg('Mrs ', false), seg(surname)],
    [seg('Dr ', false), seg(`${initials[0]}. `, false), seg(surname)],
    [seg('DC ', false), seg(name)],
    [seg('the ', false), seg(/(?:s|x|z|ch|sh)$/.test(surname) ? `${surname}es` : `${surname}s`)],
  );
  return forms;
}

const CASES: ((s: string, flips: boolean[]) => string)[] = [
  (s) => s,
  (s) => s.toUpperCase(),
  (s) => s.toLowerCase(),
  (s, flips) => [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join(''),
];
const SPACES = [' ', '\n', '  ', ' \r\n ', '\t', '\u00A0'];
const HYPHENS = ['-', ' ', '–', '\n', ''];
const BEFORE = ['', '(', '“', '"', '‘', '[', ' '];
const AFTER = ['', ')', '”', '"', ',', '.', ':', ';', "'s", '’s', "' said", '’ said', '!'];

/** One mention of an entry of the register, in any form, case and spacing, with punctuation around it. */
export const mention = (entries: GenEntry[]) =>
  fc
    .record({
      entry: fc.nat(entries.length - 1),
      source: fc.nat(3),
      form: fc.nat(40),
      casing: fc.nat(CASES.length - 1),
      flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
      space: fc.constantFrom(...SPACES),
      hyphen: fc.constantFrom(...HYPHENS),
      date: fc.nat(DATE_FORMATS.length - 1),
      before: fc.constantFrom(...BEFORE),
      after: fc.constantFrom(...AFTER),
    })
    .map((r) => {
      const e = entries[r.entry]!;
      let body: string;
      if (e.date) {
        body = DATE_FORMATS[r.date]!(e.date);
      } else {
        const names = [e.realValue, ...e.variants];
        const name = names[r.source % names.length]!;
        const forms = e.category === 'place' ? [[{ text: name, casable: true }]] : personForms(name);
        body = forms[r.form % forms.length]!.map((s) =>
          s.casable
            ? CASES[r.casing]!(s.text, r.flips).replaceAll(' ', r.space).replaceAll('-', r.hyphen)
            : s.text,
        ).join('');
      }
      return `${r.before}${body}${r.after}`;
    });

/** A text of mentions of the register and ordinary words. */
export const text = (entries: GenEntry[]) =>
  fc
    .array(fc.oneof(mention(entries), fc.constantFrom(...FILLERS)), { minLength: 1, maxLength: 25 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom(' ', '\n', ' ', '; ', ' — '), {
          minLength: parts.length,
          maxLength: parts.length,
        })
        .map((seps) => parts.map((p, i) => (i ? seps[i]! : '') + p).join('')),
    );

// ---------------------------------------------------------------------------------------------
// The independent check

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Name words that must not survive, as found in `out`: every word of a person's name; a place's whole name. */
/**
 * Every written form of a register date of birth that is still in the text, standing alone: "1 November
 * 2022" inside "21 November 2022" is another date, not a survivor.
 */
export function survivingDates(entries: GenEntry[], out: string): string[] {
  const forms = entries.flatMap((e) => (e.date ? DATE_FORMATS.map((f) => f(e.date!)) : []));
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  return forms.filter((d) => {
    for (let i = out.indexOf(d); i >= 0; i = out.indexOf(d, i + 1))
      if (!isDigit(out[i - 1]) && !isDigit(out[i + d.length])) return true;
    return false;
  });
}

export function survivingNames(entries: GenEntry[], out: string): string[] {
  // Compared in lower case, with plain (fast) expressions and the word boundaries checked by hand.
  const lower = out.toLowerCase();
  const found: string[] = [];
  const look = (re: RegExp) => {
    for (const m of lower.matchAll(re)) {
      const before = lower[m.index - 1] ?? ' ';
      const after = lower[m.index + m[0].length] ?? ' ';
      if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after))
        found.push(out.slice(m.index, m.index + m[0].length));
    }
  };
  for (const e of entries) {
    if (e.date) continue;
    for (const name of [e.realValue, ...e.variants]) {
      const words = chunksOf(name.toLowerCase());
      if (e.category === 'place') look(new RegExp(words.map(escapeRe).join('(?:\\s+|[-–])'), 'g'));
      else {
        for (const w of words) {
          for (const h of halvesOf(w)) look(new RegExp(escapeRe(h), 'g'));
          if (w.includes('-')) look(new RegExp(escapeRe(w.replaceAll('-', '')), 'g'));
        }
        // The family by its surname: "the Smiths", "the Joneses".
        const surname = halvesOf(words.at(-1)!).at(-1)!;
        look(new RegExp(`${escapeRe(surname)}${/(?:s|x|z|ch|sh)$/.test(surname) ? 'es' : 's'}`, 'g'));
      }
    }
  }
  return found;
}
