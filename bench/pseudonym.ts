// Pseudonymisation throughput with a 200-entry register over about 50 MB of narrative text, in
// texts of about 10 KB (as the report's sections and the library's findings are), beside one
// regular expression replacing the same 200 real values.
import { spawnSync } from 'node:child_process';
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
  /** The second pass over the texts, once the code is compiled and warm. */
  seconds: number;
  mbPerSecond: number;
  /** The first pass, with the register compiled and the code not yet optimised. */
  coldMbPerSecond: number;
  baselineMbPerSecond: number;
};

/**
 * Pseudonymises every text with the compiled register, twice (the first pass cold, the second the
 * figure), then does the same with one plain regular expression, whose second pass is the baseline.
 */
export function measurePseudonymisation(megabytes = 50): PseudonymResult {
  const entries = register200();
  const texts = narrativeTexts(entries, megabytes);
  const size = texts.reduce((n, t) => n + t.length, 0) / 1e6;
  const pass = () => {
    const started = performance.now();
    const compiled = compileRegister(entries);
    let replaced = 0;
    for (const t of texts) replaced += pseudonymiseWith(t, compiled).replacements;
    if (!replaced) throw new Error('nothing was replaced');
    return (performance.now() - started) / 1000;
  };
  const coldSeconds = pass();
  const seconds = pass();
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const values = new Map(entries.flatMap((e) => [e.realValue, ...e.variants].map((v) => [v, e.replacement])));
  const pattern = new RegExp(
    `\\b(${[...values.keys()]
      .sort((a, b) => b.length - a.length)
      .map(literal)
      .join('|')})\\b`,
    'g',
  );
  const plainPass = () => {
    const started = performance.now();
    let plain = 0;
    for (const t of texts) plain += t.replace(pattern, (m) => values.get(m) ?? m).length;
    if (!plain) throw new Error('nothing was replaced');
    return (performance.now() - started) / 1000;
  };
  plainPass();
  const baselineSeconds = plainPass();
  return {
    megabytes: size,
    seconds,
    mbPerSecond: size / seconds,
    coldMbPerSecond: size / coldSeconds,
    baselineMbPerSecond: size / baselineSeconds,
  };
}

/**
 * The same measurement in a process of its own (bench/pseudonym-run.ts), as a server or worker
 * would run it: inside the benchmark's process, which by then holds the generated data and has run
 * every other measurement, the same code ran 30–50% slower, mostly in garbage collection.
 */
export function measurePseudonymisationApart(megabytes = 50): PseudonymResult {
  const run = spawnSync(process.execPath, ['bin/run-ts.js', 'bench/pseudonym-run.ts', String(megabytes)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`pseudonymisation measurement failed: ${run.stderr.slice(-2000)}`);
  return JSON.parse(run.stdout) as PseudonymResult;
}
