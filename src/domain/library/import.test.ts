import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { factorGroupKeys } from '../conversation/factors.ts';
import { libraryImportLimits, libraryImportTemplate, parseLibraryImport } from './import.ts';
import { libraryImportColumns } from './library.ts';

const options = {
  typologyCodes: ['tools', 'management_systems', 'incidents_crises', 'longer_term'],
  factorGroupKeys,
  today: '2026-06-30',
};
const heading = Object.keys(libraryImportColumns).join(',');
const good =
  'Child T,lcspr,2022-05-31,Health visitors are not told about police call-outs,Risk is judged without history,Police attended three times,incidents_crises,domestic_abuse;information_sharing,inter_agency,police;health_community,https://example.org/child-t';
const csv = (...lines: string[]) => lines.join('\n');
const problemsOf = (text: string) => {
  const result = parseLibraryImport(text, options);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('reading an import of older published findings', () => {
  it('reads a good file into rows with their keys, skipping blank lines and a byte order mark', () => {
    const result = parseLibraryImport(
      `\uFEFF${csv(heading, good, '', ' , ,', good.replace('Child T', 'Child U'))}`,
      options,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(2);
    expect(result.rows[0]).toEqual({
      row: 2,
      reviewTitle: 'Child T',
      reviewType: 'lcspr',
      publishedOn: '2022-05-31',
      statement: 'Health visitors are not told about police call-outs',
      whyItMatters: 'Risk is judged without history',
      howItShowed: 'Police attended three times',
      typologyCode: 'incidents_crises',
      themes: ['domestic_abuse', 'information_sharing'],
      factorGroups: ['inter_agency'],
      agencySectors: ['police', 'health_community'],
      reportUrl: 'https://example.org/child-t',
    });
    expect(result.rows[1]?.row).toBe(5);
  });

  it('matches headings ignoring case and spaces, and needs only the required columns', () => {
    const result = parseLibraryImport(
      csv(
        ' Review Title ,REVIEW_TYPE,published on,Statement',
        'Child T,Learning review,31/05/2022,A finding',
      ),
      options,
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        expect.objectContaining({
          reviewType: 'learning_review',
          publishedOn: '2022-05-31',
          themes: [],
          typologyCode: null,
          reportUrl: null,
        }),
      ],
    });
  });

  it('reads a semicolon-separated file with quoted lists', () => {
    const line = 'Child T;lcspr;2022-05-31;A finding;;;tools;"neglect;voice_of_the_child";;;';
    const result = parseLibraryImport(csv(heading.replaceAll(',', ';'), line), options);
    expect(result.ok && result.rows[0]?.themes).toEqual(['neglect', 'voice_of_the_child']);
  });

  it('names each missing required column once, on row 1', () => {
    expect(problemsOf(csv('review_title,statement', 'Child T,A finding'))).toEqual([
      { row: 1, column: 'review_type', message: expect.stringContaining('no column headed review_type') },
      { row: 1, column: 'published_on', message: expect.stringContaining('no column headed published_on') },
    ]);
  });

  it('names the row (as a spreadsheet numbers it) and column of every bad value', () => {
    const bad = [
      ',inquiry,2022-02-30,,,,nope,neglect;cats,family;dogs,police;mars,ftp://x',
      `Child V,lcspr,2027-01-01,${'x'.repeat(601)}`,
    ];
    const problems = problemsOf(csv(heading, good, ...bad));
    const where = problems.map((p) => `${p.row}:${p.column}`);
    expect(where).toEqual([
      '3:review_title',
      '3:statement',
      '3:review_type',
      '3:published_on',
      '3:typology',
      '3:themes',
      '3:factor_groups',
      '3:agency_sectors',
      '3:report_url',
      '4:statement',
      '4:published_on',
    ]);
    expect(problems.find((p) => p.column === 'published_on' && p.row === 4)?.message).toContain('future');
    expect(problems.find((p) => p.column === 'themes')?.message).toContain('“cats”');
  });

  it('refuses an empty file, a file with headings only, and more than 5,000 findings', () => {
    expect(problemsOf('')).toEqual([{ row: 1, column: '(file)', message: 'The file is empty' }]);
    expect(problemsOf(heading)[0]?.message).toContain('no findings');
    const many = Array.from({ length: libraryImportLimits.rows + 1 }, () => good);
    expect(problemsOf(csv(heading, ...many))[0]?.message).toContain('at most 5,000');
  });

  it('lists at most 50 problems and says how many there are', () => {
    const result = parseLibraryImport(
      csv(heading, ...Array.from({ length: 60 }, () => 'Child T,,,')),
      options,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(50);
    expect(result.problemCount).toBeGreaterThan(50);
  });

  it('reports a quoted cell that is never closed, and a NUL character', () => {
    expect(problemsOf(csv(heading, 'Child T,lcspr,2022-05-31,"never closed'))[0]?.message).toContain(
      'quotation marks',
    );
    expect(problemsOf(csv(heading, 'Child T,lcspr,2022-05-31,A\u0000finding'))[0]).toEqual(
      expect.objectContaining({ row: 2, column: 'statement' }),
    );
  });

  it('never throws, whatever the file holds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parseLibraryImport(`${heading}\n${text}`, options);
        if (!result.ok) expect(result.problems.length).toBeLessThanOrEqual(50);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the import template', () => {
  it('has the heading row and one example row that imports cleanly', () => {
    const template = libraryImportTemplate();
    expect(template.startsWith('\uFEFF')).toBe(true);
    const [head] = Papa.parse<string[]>(template.slice(1), { skipEmptyLines: true }).data;
    expect(head).toEqual(Object.keys(libraryImportColumns));
    const result = parseLibraryImport(template, { ...options, typologyCodes: ['incidents_crises'] });
    expect(result.ok && result.rows).toHaveLength(1);
  });
});
