import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './pseudonymise.ts';

/*
 * The words of a text by their definition: one regular expression over the whole text (runs of
 * letters, marks and digits, invisible characters allowed inside; each character of a script written
 * without spaces a word of its own). The tokenizer cuts the text into runs first and reads plain
 * ASCII without the expression; its words must be exactly these.
 */
const INVISIBLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
const SPACELESS =
  '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Thai}\\p{sc=Lao}\\p{sc=Khmer}\\p{sc=Myanmar}';
const WORD_CHAR = `(?:(?![${SPACELESS}])[\\p{L}\\p{M}\\p{N}])`;
const WORD_RE = new RegExp(
  `[${SPACELESS}]\\p{M}*|${WORD_CHAR}(?:(?:${WORD_CHAR}|[${INVISIBLE}])*${WORD_CHAR})?`,
  'gu',
);
const byDefinition = (text: string) =>
  [...text.matchAll(WORD_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
const words = (text: string) => tokenize(text).map(({ start, end, text }) => ({ start, end, text }));

/** Characters at the edges of words: ASCII and other punctuation, spaces, marks, invisibles, other scripts. */
const CHARS = [
  ...'aZ09 _-.,\'"()\t\n',
  ...'é\u0301\u0308ßıİłøñΣς',
  ...'’‘“”–—‐−\u00A0\u2009\u3000、。',
  ...'\u00AD\u200B\u200C\u200D\u2060\uFEFF',
  ...'中文ひカกไ\u0E31',
  '𝐀',
  '😀',
  '\uD800',
  '\uDC00',
  ...'Ⅻ½²ﬁＡ！',
];
const RUNS = { numRuns: Number(process.env.PSEUDONYM_RUNS ?? 200) * 5 };

describe('tokenize', () => {
  it('gives exactly the words of the definition, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 40 }), (text) => {
        expect(words(text)).toEqual(byDefinition(text));
      }),
      RUNS,
    );
  });

  it('treats every character of the basic plane as the definition does', () => {
    // Each code unit between two letters: whether it ends a word, joins one, or is one.
    const key = (ws: { start: number; end: number }[]) => ws.map((w) => `${w.start}-${w.end}`).join();
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      if (key(words(text)) !== key(byDefinition(text))) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  }, 60_000);

  it('folds each word for comparison', () => {
    expect(tokenize('Zoë O’BRIEN jane').map((t) => t.fold)).toEqual(['zoe', 'o', 'brien', 'jane']);
  });
});
