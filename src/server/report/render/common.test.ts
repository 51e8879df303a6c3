import { describe, expect, it } from 'vitest';
import {
  anchorOf,
  contentsEntries,
  minorHeadingLevel,
  paragraphsOf,
  printable,
  sectionLevel,
  versionLine,
} from './common.ts';
import { fixtureReportDocument } from './fixture.ts';

describe('what the renderers share', () => {
  it('breaks text into paragraphs at blank lines, keeping single line breaks', () => {
    expect(paragraphsOf('One\ntwo\r\n\r\n  Three  \n \n\nFour')).toEqual([
      ['One', 'two'],
      ['Three'],
      ['Four'],
    ]);
    expect(paragraphsOf('  \n\n ')).toEqual([]);
  });

  it('makes text printable: tabs as spaces, no control characters or lone surrogates', () => {
    expect(printable('a\tb\u0001c\u0000d\u007fe\u2028f\n')).toBe('a bcde\nf\n');
    expect(printable('x\ud800y')).toBe('x\ufffdy');
    expect(printable('Zoë 😀 ﬁ')).toBe('Zoë 😀 ﬁ');
  });

  it('writes the version line with the date in words', () => {
    expect(versionLine(fixtureReportDocument())).toBe('Version 2, generated on 16 September 2024');
    expect(versionLine(fixtureReportDocument(), { short: true })).toBe('Generated on 16 September 2024');
  });

  it('gives sections heading levels 1 to 3 and minor headings the level below, at most 4', () => {
    expect([1, 2, 3, 4].map(sectionLevel)).toEqual([1, 2, 3, 3]);
    expect([1, 2, 3, 4].map(minorHeadingLevel)).toEqual([2, 3, 4, 4]);
  });

  it('lists top-level sections and their subsections in the contents', () => {
    const entries = contentsEntries(fixtureReportDocument());
    expect(entries[0]).toMatchObject({ depth: 1, section: { id: 'introduction' } });
    expect(entries[1]).toMatchObject({ depth: 2, section: { id: 'introduction.why-this-case' } });
    expect(entries.every((e) => e.depth <= 2)).toBe(true);
  });

  it('makes safe ids from section ids', () => {
    expect(anchorOf('findings.finding-2')).toBe('section-findings-finding-2');
    expect(anchorOf('A b"<c>')).toBe('section-a-b-c');
    expect(anchorOf('..')).toBe('section-untitled');
  });
});
