import { describe, expect, it } from 'vitest';
import { searchEvidenceQuery, snippetParts } from './search.ts';

describe('snippetParts', () => {
  it('marks matched words without producing HTML', () => {
    expect(snippetParts('the \u0002health\u0003 visitor saw <b>bruises</b>')).toEqual([
      { text: 'the ', match: false },
      { text: 'health', match: true },
      { text: ' visitor saw <b>bruises</b>', match: false },
    ]);
  });
});

describe('searchEvidenceQuery', () => {
  it('defaults to every kind and refuses a one-letter search', () => {
    expect(searchEvidenceQuery.parse({ q: 'neglect' }).kinds).toEqual(['document', 'conversation', 'event']);
    expect(searchEvidenceQuery.safeParse({ q: 'a' }).success).toBe(false);
    expect(searchEvidenceQuery.safeParse({ q: 'neglect', kinds: 'document,gossip' }).success).toBe(false);
  });
});
