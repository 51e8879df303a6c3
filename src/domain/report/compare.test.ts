import { describe, expect, it } from 'vitest';
import { buildReportDocument } from './build.ts';
import { compareDocuments } from './compare.ts';
import { reportFactsFixture as facts, reportNarrativeFixture as narrative } from './fixtures.ts';

const v1 = buildReportDocument(facts, narrative);

describe('comparing two versions of the report', () => {
  it('finds every section unchanged, with no changes, when nothing changed', () => {
    const sections = compareDocuments(v1, buildReportDocument(facts, narrative));
    expect(sections).toHaveLength(24);
    expect(sections.every((s) => s.status === 'unchanged' && s.changes.length === 0)).toBe(true);
    expect(sections[0]).toEqual({
      id: 'introduction',
      title: 'Introduction',
      status: 'unchanged',
      changes: [],
    });
  });

  it('shows the words changed in a section', () => {
    const v2 = buildReportDocument(facts, {
      ...narrative,
      acknowledgements: 'We thank Kelly and the review team for their time.',
    });
    const sections = compareDocuments(v1, v2);
    const changed = sections.filter((s) => s.status !== 'unchanged');
    expect(changed.map((s) => s.id)).toEqual(['introduction.acknowledgements']);
    const { changes } = changed[0]!;
    expect(changes.filter((c) => c.removed).map((c) => c.value)).toEqual(['case group']);
    expect(changes.filter((c) => c.added).map((c) => c.value)).toEqual(['review team']);
    expect(changes.map((c) => (c.added ? '' : c.value)).join('')).toBe(
      'Acknowledgements\n\nWe thank Kelly and the case group for their time.',
    );
    expect(changes.map((c) => (c.removed ? '' : c.value)).join('')).toBe(
      'Acknowledgements\n\nWe thank Kelly and the review team for their time.',
    );
  });

  it('counts a changed title as a change', () => {
    const v2 = buildReportDocument(
      {
        ...facts,
        findings: facts.findings.map((f) =>
          f.number === 2
            ? { ...f, statement: 'Men who live in the home are rarely part of assessments.' }
            : f,
        ),
      },
      narrative,
    );
    const finding = compareDocuments(v1, v2).find((s) => s.id === 'findings.finding-2')!;
    expect(finding.status).toBe('changed');
    expect(finding.title).toBe('Finding 2: Men who live in the home are rarely part of assessments');
    expect(finding.changes.filter((c) => c.removed).map((c) => c.value.trim())).toContain('or visit');
  });

  it('lists added sections in their place and removed ones where they were', () => {
    const v2 = buildReportDocument(
      {
        ...facts,
        findings: facts.findings.filter((f) => f.number === 1),
        episodes: [
          ...facts.episodes,
          {
            ...facts.episodes[0]!,
            number: 4,
            title: 'A new school',
            periodFrom: '2023-06-01',
            periodTo: '2023-06-01',
          },
        ],
      },
      narrative,
    );
    const sections = compareDocuments(v1, v2);
    const ids = sections.map((s) => s.id);
    expect(ids.slice(ids.indexOf('appraisal'), ids.indexOf('window'))).toEqual([
      'appraisal',
      'appraisal.episode-1',
      'appraisal.episode-2',
      'appraisal.episode-3',
      'appraisal.episode-4',
    ]);
    expect(ids.slice(ids.indexOf('findings'), ids.indexOf('appendices'))).toEqual([
      'findings',
      'findings.finding-1',
      'findings.finding-2',
    ]);
    const added = sections.find((s) => s.id === 'appraisal.episode-4')!;
    expect(added.status).toBe('added');
    expect(added.changes).toHaveLength(1);
    expect(added.changes[0]).toMatchObject({ added: true, removed: false });
    expect(added.changes[0]!.value).toMatch(/^Key practice episode 4: A new school\n\nPeriod: 1 June 2023\./);
    const removed = sections.find((s) => s.id === 'findings.finding-2')!;
    expect(removed).toMatchObject({
      status: 'removed',
      title: 'Finding 2: Men who live in or visit the home are rarely part of assessments',
    });
    expect(removed.changes).toEqual([expect.objectContaining({ added: false, removed: true })]);
    expect(sections.find((s) => s.id === 'findings-summary')!.status).toBe('changed');
    expect(sections.find((s) => s.id === 'appendices.episodes')!.status).toBe('changed');
  });

  it('puts a section removed from the start first', () => {
    const to = { ...v1, sections: v1.sections.slice(1) };
    const sections = compareDocuments(v1, to);
    expect(sections.slice(0, 9).map((s) => [s.id, s.status])).toEqual([
      ['introduction', 'removed'],
      ['introduction.why-this-case', 'removed'],
      ['introduction.summary', 'removed'],
      ['introduction.family', 'removed'],
      ['introduction.period', 'removed'],
      ['introduction.methodology', 'removed'],
      ['introduction.reviewers', 'removed'],
      ['introduction.acknowledgements', 'removed'],
      ['limitations', 'unchanged'],
    ]);
  });
});
