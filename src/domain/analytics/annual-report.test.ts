import { describe, expect, it } from 'vitest';
import type { Block, Section } from '../report/document.ts';
import {
  type AnnualReportFacts,
  annualSummary,
  buildAnnualReportDocument,
  countOf,
} from './annual-report.ts';

const facts: AnnualReportFacts = {
  year: 2026,
  partnershipName: 'Northshire Safeguarding Children Partnership',
  generatedOn: '2026-12-01',
  analytics: {
    from: 2026,
    to: 2026,
    typology: {
      categories: [
        { code: 'tools', name: 'Human–tool operation' },
        { code: 'family_professional', name: 'Family–professional interaction' },
      ],
      years: [{ year: 2026, counts: { tools: 2, family_professional: 5, none: 1 }, total: 8 }],
    },
    factors: [
      {
        groupKey: 'conditions_of_work',
        groupLabel: 'Conditions of work',
        factorType: 'Workload',
        count: 6,
        reviews: 3,
      },
      { groupKey: 'own_team', groupLabel: 'Own team', factorType: null, count: 2, reviews: 1 },
    ],
    timeliness: {
      targetDays: 183,
      reviews: [
        {
          reviewId: '00000000-0000-4000-8000-000000000001',
          title: 'Child A',
          initiatedOn: '2026-02-01',
          publishedOn: null,
          days: 303,
          published: false,
          withinTarget: false,
        },
      ],
      medianDaysToPublication: null,
      publishedWithinTarget: 0,
      published: 0,
    },
    actions: {
      byQuarter: [
        { quarter: '2026 Q1', completed: 3, overdue: 1, open: 0 },
        { quarter: '2026 Q2', completed: 0, overdue: 0, open: 0 },
        { quarter: '2026 Q3', completed: 1, overdue: 1, open: 0 },
        { quarter: '2026 Q4', completed: 0, overdue: 0, open: 2 },
      ],
      totals: { open: 4, in_progress: 0, done: 4, impact_verified: 0, overdue: 2 },
    },
  },
  published: [
    { days: 170, withinTarget: true },
    { days: 250, withinTarget: false },
  ],
  themes: [
    { key: 'neglect', count: 2 },
    { key: 'information_sharing', count: 4 },
  ],
};

const find = (sections: Section[], id: string) => sections.find((s) => s.id === `annual-report.${id}`);
const tableOf = (section: Section | undefined) =>
  section?.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');

describe('the annual-report data pack', () => {
  it('counts in words', () => {
    expect(countOf(0, 'review')).toBe('no reviews');
    expect(countOf(1, 'review')).toBe('1 review');
    expect(countOf(3, 'review')).toBe('3 reviews');
  });

  it('summarises the year in plain English', () => {
    expect(annualSummary(facts)).toEqual([
      '1 review was initiated in 2026 and 2 reviews were published.',
      'The reviews published took a median of 210 days from initiation to publication; 1 of 2 was published within six months.',
      '8 findings are counted for 2026; the typology category with most was “Family–professional interaction” (5).',
      'The contributory factor found most often was “Conditions of work: Workload”: 6 times in 3 reviews.',
      'The theme found most often was “Information sharing” (4 findings).',
      '8 actions were due in 2026; 4 have been completed and 2 are overdue.',
    ]);
  });

  it('says when there is nothing to report', () => {
    const empty: AnnualReportFacts = {
      ...facts,
      analytics: {
        ...facts.analytics,
        typology: { ...facts.analytics.typology, years: [{ year: 2026, counts: {}, total: 0 }] },
        factors: [],
        timeliness: { ...facts.analytics.timeliness, reviews: [] },
        actions: { ...facts.analytics.actions, byQuarter: [] },
      },
      published: [],
      themes: [],
    };
    expect(annualSummary(empty)).toEqual([
      'No reviews were initiated in 2026 and no reviews were published.',
      'No review was published in 2026, so there is no time to publication to report.',
      'No findings are counted for 2026.',
      'No contributory factors were recorded in 2026.',
      'No actions were due in 2026.',
    ]);
    const doc = buildAnnualReportDocument(empty);
    expect(tableOf(find(doc.sections, 'factors'))).toBeUndefined();
    expect(find(doc.sections, 'themes')?.blocks).toEqual([
      { kind: 'paragraph', text: 'No finding for 2026 has a theme recorded.' },
    ]);
  });

  it('has a title, the partnership and a table with context for each figure', () => {
    const doc = buildAnnualReportDocument(facts);
    expect(doc.title).toBe('Learning from reviews: data for the annual report 2026');
    expect(doc.partnershipName).toBe('Northshire Safeguarding Children Partnership');
    expect(doc.sections.map((s) => s.title)).toEqual([
      'Summary',
      'Reviews',
      'Findings by typology category',
      'Themes',
      'Most frequent contributory factors',
      'Actions',
      'What the figures count',
    ]);
    expect(tableOf(find(doc.sections, 'reviews'))?.rows).toEqual([
      ['Reviews initiated', '1'],
      ['Reviews published', '2'],
      ['Median days from initiation to publication', '210'],
      ['Published within six months', '1'],
    ]);
    expect(tableOf(find(doc.sections, 'typology'))?.rows).toEqual([
      ['Family–professional interaction', '5'],
      ['Human–tool operation', '2'],
      ['Not coded to a category', '1'],
      ['Total', '8'],
    ]);
    expect(tableOf(find(doc.sections, 'themes'))?.rows).toEqual([
      ['Information sharing', '4'],
      ['Neglect', '2'],
    ]);
    expect(tableOf(find(doc.sections, 'factors'))?.rows).toEqual([
      ['Conditions of work', 'Workload', '6', '3'],
      ['Own team', 'Not specified', '2', '1'],
    ]);
    expect(tableOf(find(doc.sections, 'actions'))?.rows.at(-1)).toEqual(['Total', '4', '2', '2']);
    for (const s of doc.sections.slice(1, -1)) expect(s.blocks[0]?.kind).toBe('paragraph');
  });
});
