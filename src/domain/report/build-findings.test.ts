import { describe, expect, it } from 'vitest';
import { sectionTexts } from './anonymise.ts';
import { buildReportDocument } from './build.ts';
import {
  reportFactsFixture as facts,
  listsOf as lists,
  reportNarrativeFixture as narrative,
  paragraphsOf as paragraphs,
  sectionOf as sectionIn,
  tablesOf as tables,
} from './fixtures.ts';
import { reportGlossary } from './glossary.ts';

const doc = buildReportDocument(facts, narrative);
const sectionOf = (id: string) => sectionIn(doc, id);

describe('the analysis and the appendices of the report', () => {
  it('answers each research question with its findings, in the order of the terms of reference', () => {
    expect(sectionTexts(doc).find((s) => s.sectionId === 'research-questions')!.text).toBe(
      [
        'Research question 1',
        'How well is information shared when a child moves school?',
        'The finding that answers it:',
        'Finding 1: Records do not follow a child who moves school mid-year',
        'Research question 2',
        'How are the views of fathers and partners heard in assessments?',
        'No finding answers this question yet.',
      ].join('\n\n'),
    );
  });

  it('sets out each key practice episode in the appraisal of practice', () => {
    const first = sectionOf('appraisal.episode-1');
    expect(first.title).toBe('Key practice episode 1: The school notices bruising');
    expect(first.blocks).toEqual([
      { kind: 'paragraph', text: 'Period: 3 October 2022 to 5 October 2022.' },
      { kind: 'paragraph', text: 'Agencies involved: Primary school and Children’s Social Care.' },
      { kind: 'heading', text: 'What happened' },
      {
        kind: 'paragraph',
        text: 'Staff at Oakfield Primary School saw bruising on Jayden’s arm. They made a referral the same day.',
      },
      { kind: 'paragraph', text: 'Jay said he had fallen in the park.' },
      { kind: 'heading', text: 'What made sense at the time' },
      {
        kind: 'paragraph',
        text: 'The designated safeguarding lead knew the family had just arrived and had no earlier records to go on.',
      },
      { kind: 'heading', text: 'Appraisal' },
      { kind: 'paragraph', text: 'Good.' },
      { kind: 'paragraph', text: 'This episode shows good practice.' },
    ]);
    expect(paragraphs(sectionOf('appraisal.episode-2').blocks)).toContain('Not appraised yet.');
  });

  it('summarises the findings in a table', () => {
    expect(tables(sectionOf('findings-summary').blocks)).toEqual([
      {
        kind: 'table',
        caption: 'The findings of this review',
        columns: ['Number', 'Finding', 'Category', 'Risk or strength'],
        rows: [
          [
            '1',
            'Records do not follow a child who moves school mid-year.',
            'Multi-agency working in assessment and longer-term work',
            'A risk to the reliability of the system',
          ],
          [
            '2',
            'Men who live in or visit the home are rarely part of assessments.',
            'Family–professional interaction',
            'A risk to the reliability of the system',
          ],
        ],
      },
    ]);
  });

  it('sets out each finding in the fixed block', () => {
    const finding = sectionOf('findings.finding-1');
    expect(finding.title).toBe('Finding 1: Records do not follow a child who moves school mid-year');
    expect(finding.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'The finding',
      'Category',
      'How it showed in this case',
      'How we know it is not a quirk of this case',
      'Is it still current',
      'Why it matters',
      'Issues for the board',
      'Recommendations',
    ]);
    expect(paragraphs(finding.blocks)).toEqual(
      expect.arrayContaining([
        'Multi-agency working in assessment and longer-term work. A risk to the reliability of the system. Priority: high.',
        'Key practice episodes: 1, 3',
        'Still happening.',
        'A new transfer process starts next year.',
      ]),
    );
    expect(lists(finding.blocks)).toEqual([
      { kind: 'list', ordered: false, items: ['Review team members’ knowledge of their agencies', 'Data'] },
      {
        kind: 'list',
        ordered: true,
        items: [
          'How do schools know records are missing?',
          'Who checks that records arrive within five days?',
        ],
      },
      {
        kind: 'list',
        ordered: false,
        items: [
          'For Education: Set a standard for the transfer of safeguarding records.',
          'Report on transfers each quarter.',
        ],
      },
    ]);
    const second = sectionOf('findings.finding-2').blocks;
    expect(second.some((b) => b.kind === 'heading' && b.text === 'Recommendations')).toBe(false);
    expect(paragraphs(second)).toEqual(expect.arrayContaining(['Key practice episode: 3', 'Not known.']));
  });

  it('tabulates the episodes and the glossary in the appendices', () => {
    const [episodes] = tables(sectionOf('appendices.episodes').blocks);
    expect(episodes!.columns).toEqual(['Number', 'Episode', 'Period', 'Agencies', 'Appraisal']);
    expect(episodes!.rows).toEqual([
      [
        '1',
        'The school notices bruising',
        '3 October 2022 to 5 October 2022',
        'Primary school and Children’s Social Care',
        'Good',
      ],
      [
        '2',
        'The health visitor’s home visit',
        '21 November 2022 to 2 December 2022',
        'Community Health Services',
        'Not appraised yet',
      ],
      [
        '3',
        'The case is closed after a single assessment',
        '14 February 2023',
        'Children’s Social Care',
        'Problematic',
      ],
    ]);
    const [glossary] = tables(sectionOf('appendices.glossary').blocks);
    expect(glossary!.columns).toEqual(['Term', 'Meaning']);
    expect(glossary!.rows.map((r) => r[0])).toEqual(reportGlossary.map((g) => g.term));
  });
});
