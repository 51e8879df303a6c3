// Pseudonymisation throughput with a 200-entry register over about 50 MB of narrative text, in
// texts of about 10 KB (as the report's sections and the library's findings are), beside one
// regular expression replacing the same 200 real values.
import { compileRegister, pseudonymiseWith } from '#domain/pseudonym/pseudonymise.ts';
import type { RegisterEntry } from '#domain/pseudonym/register.ts';
import { eventSummary, Random } from './words.ts';

const firstNames = [
  'Jayden',
  'Kelly',
  'Dean',
  'Sarah',
  'Amira',
  'Tomasz',
  'Leah',
  'Kacper',
  'Ruby',
  'Ellis',
  'Mohammed',
  'Chloe',
  'Oliver',
  'Aisha',
  'Connor',
  'Freya',
  'Harvey',
  'Imogen',
  'Jack',
  'Kiera',
  'Liam',
  'Maya',
  'Nathan',
  'Olivia',
  'Patrick',
  'Rosie',
  'Samuel',
  'Tegan',
  'Usman',
  'Victoria',
  'Wiktor',
  'Yasmin',
  'Zane',
  'Bethany',
  'Callum',
  'Daisy',
  'Ethan',
  'Fatima',
  'George',
  'Hannah',
];
const surnames = [
  'Smith',
  'Walsh',
  'Patel',
  'Nowak',
  'Okafor',
  'Hughes',
  'Begum',
  'Murphy',
  'Evans',
  'Clarke',
  'Ahmed',
  'Baker',
  'Collins',
  'Dawson',
  'Ellison',
  'Fletcher',
  'Gallagher',
  'Hussain',
  'Ingram',
  'Jennings',
  'Kowalski',
  'Lloyd',
  'Mensah',
  'Norris',
  'O’Brien',
  'Parker',
  'Quinn',
  'Robinson',
  'Sutherland',
  'Thornton',
  'Underwood',
  'Vaughan',
  'Whitfield',
  'Young',
  'Zielinski',
  'Ashworth',
  'Bradshaw',
  'Carmichael',
  'Donnelly',
  'Eastwood',
];

/** 200 entries: families of four sharing a surname, practitioners, schools and places. */
export function register200(): RegisterEntry[] {
  const r = new Random(3);
  const entries: RegisterEntry[] = [];
  const used = new Set<string>();
  const person = () => {
    for (;;) {
      const name = `${r.pick(firstNames)} ${r.pick(surnames)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  for (let i = 0; entries.length < 200; i++) {
    const kind = i % 5;
    if (kind === 3)
      entries.push({
        category: 'school',
        realValue: `${surnames[Math.floor(i / 5) % 40]} Park Primary School`,
        variants: [],
        replacement: `school ${i}`,
      });
    else if (kind === 4)
      entries.push({
        category: 'place',
        realValue: `${firstNames[Math.floor(i / 5) % 40]}ton Heath`,
        variants: [],
        replacement: 'the town',
      });
    else if (kind === 2)
      entries.push({
        category: 'practitioner',
        realValue: person(),
        variants: [],
        replacement: `practitioner ${i}`,
      });
    else {
      const name = person();
      entries.push({
        category: kind === 0 ? 'child' : 'family_member',
        realValue: name,
        variants: kind === 0 ? [name.split(' ')[0]!.slice(0, 3)] : [],
        replacement: kind === 0 ? `Child ${i}` : `Relative ${i}`,
      });
    }
  }
  return entries;
}

/** Texts of about 10 KB adding up to `megabytes`, with a register value every few sentences. */
export function narrativeTexts(entries: readonly RegisterEntry[], megabytes: number): string[] {
  const r = new Random(5);
  const texts: string[] = [];
  let total = 0;
  while (total < megabytes * 1e6) {
    let t = '';
    while (t.length < 10_000) {
      const who = r.pick(entries).realValue;
      t += `${eventSummary(r)} ${who} was mentioned in the record. `;
    }
    texts.push(t);
    total += t.length;
  }
  return texts;
}

export type PseudonymResult = {
  megabytes: number;
  seconds: number;
  mbPerSecond: number;
  baselineMbPerSecond: number;
};

/** Pseudonymises every text with the compiled register, then does the same with one plain regular expression. */
export function measurePseudonymisation(megabytes = 50): PseudonymResult {
  const entries = register200();
  const texts = narrativeTexts(entries, megabytes);
  const size = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  const started = performance.now();
  const compiled = compileRegister(entries);
  let replaced = 0;
  for (const t of texts) replaced += pseudonymiseWith(t, compiled).replacements;
  const seconds = (performance.now() - started) / 1000;
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const values = new Map(entries.flatMap((e) => [e.realValue, ...e.variants].map((v) => [v, e.replacement])));
  const pattern = new RegExp(
    `\\b(${[...values.keys()]
      .sort((a, b) => b.length - a.length)
      .map(literal)
      .join('|')})\\b`,
    'g',
  );
  const b = performance.now();
  let plain = 0;
  for (const t of texts) plain += t.replace(pattern, (m) => values.get(m) ?? m).length;
  const baselineSeconds = (performance.now() - b) / 1000;
  if (!replaced || !plain) throw new Error('nothing was replaced');
  return {
    megabytes: size,
    seconds,
    mbPerSecond: size / seconds,
    baselineMbPerSecond: size / baselineSeconds,
  };
}
