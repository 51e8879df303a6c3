import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectIds, exportFileName, remapIds, reviewExport } from './review-export.ts';

const a = '11111111-1111-4111-8111-111111111111';
const b = '22222222-2222-4222-8222-222222222222';
const c = '33333333-3333-4333-8333-333333333333';

describe('collectIds and remapIds', () => {
  const row = {
    id: a,
    agency_ids: [b, c],
    details: { finding: b, note: `See ${a.toUpperCase()} for more` },
    count: 3,
    empty: null,
  };

  it('finds every identifier, in strings, arrays, JSON and text', () => {
    expect([...collectIds(row)].sort()).toEqual([a, b, c]);
  });

  it('replaces the identifiers it is given everywhere and leaves the rest', () => {
    const map = new Map([
      [a, c],
      [b, a],
    ]);
    expect(remapIds(row, map)).toEqual({
      id: c,
      agency_ids: [a, c],
      details: { finding: a, note: `See ${c} for more` },
      count: 3,
      empty: null,
    });
  });

  it('changes nothing with an empty map', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(remapIds(value, new Map())).toStrictEqual(value);
      }),
    );
  });
});

describe('reviewExport', () => {
  const valid = {
    format: 'sightlines.review',
    version: 1,
    exportedAt: '2027-01-05T10:00:00.000Z',
    source: { partnership: 'demo', reviewReference: 'Child A' },
    review: { id: a, partnership_id: b, title: 'Child A' },
    tables: { findings: [{ id: c, review_id: a }] },
    people: [],
    agencies: [],
    files: [],
  };

  it('accepts a version 1 export', () => {
    expect(reviewExport.safeParse(valid).success).toBe(true);
  });

  it('names the field that is wrong', () => {
    const paths = (value: unknown) =>
      reviewExport.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({ ...valid, version: 2 })).toEqual(['version']);
    expect(paths({ ...valid, format: 'x' })).toEqual(['format']);
    expect(paths({ ...valid, tables: { findings: [{ 'Bad Column': 1 }] } })).toEqual([
      'tables.findings.0.Bad Column',
    ]);
    expect(paths({ ...valid, files: [{ sha256: 'nope', size: 1, base64: '' }] })).toEqual(['files.0.sha256']);
  });
});

describe('exportFileName', () => {
  it('makes a safe file name from the partnership, title and day', () => {
    expect(exportFileName('demo', 'Child "A" / 2027', new Date('2027-01-05T10:00:00Z'))).toBe(
      'review-demo-child-a-2027-2027-01-05.json',
    );
  });
});
