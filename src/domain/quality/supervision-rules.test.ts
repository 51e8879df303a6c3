import { describe, expect, it } from 'vitest';
import type { Section } from '../report/document.ts';
import {
  authorRoleLabel,
  fixedSectionTitle,
  reportSectionTitle,
  sectionTitles,
  sessionDateProblem,
  shortened,
  targetLabel,
  threadStatus,
} from './supervision-rules.ts';

const s = (id: string, title: string, sections: Section[] = []): Section => ({
  id,
  title,
  origin: 'generated',
  blocks: [],
  sections,
});

describe('report sections a comment may point at', () => {
  it('knows the fixed structure and the parts of its sections', () => {
    expect(fixedSectionTitle('appraisal')).toBe('Appraisal of practice');
    expect(fixedSectionTitle('findings.finding-2')).toBe('Findings, finding 2');
    for (const id of ['preface', 'findings.', 'findings.Finding', 'findings.a.b', 'toString', 'findings.-x'])
      expect(fixedSectionTitle(id), id).toBeNull();
  });

  it('reads only the latest version’s sections once there is one', () => {
    const titles = sectionTitles([
      s('findings', 'Findings', [s('findings.finding-1', 'Finding 1: Plans drift')]),
    ]);
    expect(reportSectionTitle('findings.finding-1', titles)).toBe('Finding 1: Plans drift');
    expect(reportSectionTitle('introduction', titles)).toBeNull();
    expect(reportSectionTitle('introduction', null)).toBe('Introduction');
  });
});

describe('labels', () => {
  it('describes the target of a comment', () => {
    expect(targetLabel('episode', { number: 3, text: 'The  home\nvisit' })).toBe('Episode 3: The home visit');
    expect(targetLabel('finding', { number: 2, text: ' ' })).toBe('Finding 2');
    expect(targetLabel('finding', null)).toBe('Finding (removed)');
    expect(targetLabel('report_section', { title: 'Findings' })).toBe('Report: Findings');
    expect(targetLabel('report_section', null)).toBe('Report: a section no longer in the report');
  });

  it('shortens long text at a word', () => {
    const long = `${'word '.repeat(40)}end`;
    const short = shortened(long, 30);
    expect(short.length).toBeLessThanOrEqual(30);
    expect(short).toBe('word word word word word word…');
  });

  it('describes an author by their roles in the review, or their partnership role when they run every review', () => {
    expect(authorRoleLabel(['supervisor', 'lead_reviewer'], 'member')).toBe('Lead reviewer and Supervisor');
    expect(authorRoleLabel([], 'partnership_admin')).toBe('Partnership admin');
    expect(authorRoleLabel([], 'member')).toBeNull();
  });
});

describe('threads and sessions', () => {
  it('is resolved once it has a resolution time', () => {
    expect(threadStatus(null)).toBe('open');
    expect(threadStatus(new Date())).toBe('resolved');
  });

  it('refuses a session after today', () => {
    expect(sessionDateProblem('2026-03-02', '2026-03-02')).toBeNull();
    expect(sessionDateProblem('2026-03-03', '2026-03-02')?.path).toBe('heldOn');
  });
});
