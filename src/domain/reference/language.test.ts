import { describe, expect, it } from 'vitest';
import {
  applyReplacement,
  builtInLanguageRules,
  checkLanguage,
  type LanguageFlag,
  type LanguageRule,
  normalise,
  quotedSpans,
} from './language.ts';

const check = (text: string) => checkLanguage(text, builtInLanguageRules);
const ruleIds = (text: string) => check(text).map((f) => f.ruleId);
const phrases = (text: string) => check(text).map((f) => f.phrase);

describe('checkLanguage with the built-in rules', () => {
  // Each rule, every phrase it lists, written as it would appear in a sentence.
  for (const rule of builtInLanguageRules) {
    describe(rule.id, () => {
      for (const phrase of rule.phrases) {
        it(`flags “${phrase}”`, () => {
          const text = `In March ${phrase} the family.`;
          const flags = check(text);
          expect(flags).toHaveLength(1);
          expect(flags[0]).toMatchObject({
            ruleId: rule.id,
            category: rule.category,
            phrase,
            reason: rule.reason,
            suggestion: rule.suggestion,
          });
        });

        it(`flags “${phrase}” in capitals and at the start of a sentence`, () => {
          expect(ruleIds(phrase.toUpperCase())).toEqual([rule.id]);
          const capitalised = phrase.charAt(0).toUpperCase() + phrase.slice(1);
          expect(ruleIds(`${capitalised}, said the report.`)).toEqual([rule.id]);
        });

        if (phrase.includes(' ')) {
          it(`flags “${phrase}” with extra spaces or a line break between its words`, () => {
            const spaced = phrase.split(' ').join('  \n ');
            expect(phrases(`Then ${spaced} again.`)).toEqual([spaced]);
          });
        }

        if (phrase.includes("'")) {
          it(`flags “${phrase}” with a curly apostrophe`, () => {
            const curly = phrase.replace(/'/g, '’');
            expect(phrases(`They ${curly} asked.`)).toEqual([curly]);
          });
        }
      }
    });
  }

  it('flags every phrase in a paragraph, in the order they appear', () => {
    const text =
      'With hindsight the social worker failed to visit. This was a missed opportunity, and the red flags were obvious.';
    expect(ruleIds(text)).toEqual([
      'with-hindsight',
      'failed-to',
      'missed-opportunity',
      'warning-signs',
      'obviously',
    ]);
  });

  it('matches whole words only', () => {
    expect(check('The risk was unobviously low.')).toEqual([]);
    expect(check('A clearlyish worded plan.')).toEqual([]);
    expect(check('She shouldered a heavy caseload.')).toEqual([]);
    expect(check('The team should haven a plan.')).toEqual([]);
    expect(check('It was a failed tow of the car.')).toEqual([]);
    expect(check('The unpreventable storm.')).toEqual([]);
    expect(check('Non-negligently, complacently.')).toEqual([]);
    expect(check('obviously2')).toEqual([]);
    expect(ruleIds('(obviously)')).toEqual(['obviously']);
    expect(ruleIds('obviously.')).toEqual(['obviously']);
  });

  it('leaves quoted speech alone, in straight and curly double quotes', () => {
    expect(check('She said “I should have rung” and put the phone down.')).toEqual([]);
    expect(check('He wrote "we failed to visit" in the log.')).toEqual([]);
    expect(check('The mother said: “It was obvious nobody would come.”')).toEqual([]);
    const mixed = check('She said “I should have rung”, but the plan clearly said so.');
    expect(mixed.map((f) => f.phrase)).toEqual(['clearly']);
  });

  it('still flags wording outside the quotes, and an unmatched quotation mark quotes nothing', () => {
    expect(phrases('“Yes,” he said, but he failed to act.')).toEqual(['failed to']);
    expect(phrases('He said "I should have rung and stopped.')).toEqual(['should have']);
    expect(phrases('The worker’s view was obvious.')).toEqual(['obvious']);
  });

  it('prefers the longer phrase of a rule over a shorter one inside it', () => {
    expect(phrases('It was obviously late.')).toEqual(['obviously']);
    expect(phrases('There were missed opportunities.')).toEqual(['missed opportunities']);
  });

  it('gives offsets that point at the words as written', () => {
    const text = 'Looking back, the   health visitor FAILED TO\u00a0refer; red flags were missed.';
    const flags = check(text);
    expect(flags.map((f) => f.phrase)).toEqual(['Looking back', 'FAILED TO', 'red flags']);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.phrase);
    expect(flags[0]).toMatchObject({ start: 0, end: 12 });
  });

  it('counts offsets in UTF-16 code units, after emoji and accented letters', () => {
    const text = 'Café 👍 — clearly.';
    const [flag] = check(text);
    expect(flag).toMatchObject({
      phrase: 'clearly',
      start: text.indexOf('clearly'),
      end: text.indexOf('clearly') + 7,
    });
  });

  it('gives a replacement only for phrases that have one', () => {
    const [failed, should] = check('They failed to call and should have known.');
    expect(failed?.replacement).toBe('did not');
    expect(should?.replacement).toBeNull();
    expect(check('Failed  to call.')[0]?.replacement).toBe('did not');
  });

  it('finds nothing in empty text or with no rules', () => {
    expect(check('')).toEqual([]);
    expect(checkLanguage('They failed to call.', [])).toEqual([]);
  });
});

describe('overlapping matches', () => {
  const rule = (id: string, phrases: string[]): LanguageRule => ({
    id,
    category: 'blame',
    phrases,
    reason: 'Because.',
    suggestion: 'Say it another way.',
  });

  it('keeps one flag, the longest where two start together', () => {
    const rules = [rule('short', ['failed to']), rule('long', ['failed to act'])];
    const flags = checkLanguage('They failed to act on it.', rules);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ ruleId: 'long', phrase: 'failed to act' });
  });

  it('keeps the earlier one where two overlap part way', () => {
    const rules = [rule('first', ['red flags']), rule('second', ['flags were missed'])];
    const flags = checkLanguage('The red flags were missed.', rules);
    expect(flags.map((f) => [f.ruleId, f.phrase])).toEqual([['first', 'red flags']]);
  });

  it('keeps both where they only touch', () => {
    const rules = [rule('a', ['clearly']), rule('b', ['obvious'])];
    expect(checkLanguage('clearly obvious', rules).map((f) => f.ruleId)).toEqual(['a', 'b']);
  });
});

describe('applyReplacement', () => {
  const first = (text: string) => check(text)[0] as LanguageFlag;

  it('replaces the phrase with its neutral words', () => {
    const text = 'The school failed to refer.';
    expect(applyReplacement(text, first(text))).toBe('The school did not refer.');
    const missed = 'There were two missed opportunities to visit.';
    expect(applyReplacement(missed, first(missed))).toBe('There were two opportunities to visit.');
  });

  it('keeps a capital first letter', () => {
    const text = 'Failed to refer, the school waited.';
    expect(applyReplacement(text, first(text))).toBe('Did not refer, the school waited.');
    const signs = 'Warning signs were present.';
    expect(applyReplacement(signs, first(signs))).toBe('Signs were present.');
  });

  it('leaves the text alone if it changed since the check, or the phrase has no replacement', () => {
    const text = 'The school failed to refer.';
    const flag = first(text);
    expect(applyReplacement('The college failed to refer.', flag)).toBe('The college failed to refer.');
    const should = 'They should have known.';
    expect(applyReplacement(should, first(should))).toBe(should);
  });

  it('applies one replacement after another when taken from the end first', () => {
    const text = 'They failed to call and fails to write. Red flags.';
    const flags = check(text);
    const result = [...flags].reverse().reduce((t, f) => applyReplacement(t, f), text);
    expect(result).toBe('They did not call and does not write. Signs.');
  });
});

describe('helpers', () => {
  it('normalise gives the key the replacements use', () => {
    expect(normalise('  Failed \n TO ')).toBe('failed to');
    expect(normalise('Should’ve')).toBe("should've");
  });

  it('quotedSpans finds curly and straight quotations', () => {
    const text = 'a “b” c "d" e';
    expect(quotedSpans(text).map(([s, e]) => text.slice(s, e))).toEqual(['“b”', '"d"']);
  });
});
