import { describe, expect, it } from 'vitest';
import { documentText } from '../report/anonymise.ts';
import { type Block, reportDocumentSchema } from '../report/document.ts';
import {
  type BriefingFacts,
  type BriefingFinding,
  buildBriefingDocument,
  notAgreedYet,
  shorten,
  talkAboutIt,
} from './briefing-document.ts';

const finding = (overrides: Partial<BriefingFinding> = {}): BriefingFinding => ({
  number: 1,
  status: 'agreed_by_review_team',
  statement: 'Accounts of injuries to babies are accepted without a second opinion',
  whyItMatters: 'Bruising in a baby who cannot move is a warning sign.',
  boardQuestions: ['How does the board know bruises are checked?'],
  recommendations: [{ text: 'Use the bruising protocol for every non-mobile baby', addressee: null }],
  ...overrides,
});

const facts: BriefingFacts = {
  reviewTitle: 'Child A',
  reviewTypeLabel: 'Local child safeguarding practice review (LCSPR)',
  partnershipName: 'Northbrook Safeguarding Children Partnership',
  generatedOn: '2027-04-01',
  caseSummary: 'Child A lived with her father. She was 14 weeks old.',
  findings: [finding(), finding({ number: 2, status: 'emerging', statement: 'An emerging finding' })],
  reportUrl: 'https://northbrook.example/child-a',
};

const part = (f: BriefingFacts, title: string): Block[] =>
  buildBriefingDocument(f).sections[0]!.sections.find((s) => s.title === title)!.blocks;

describe('the learning briefing', () => {
  it('has the six parts in order', () => {
    const doc = buildBriefingDocument(facts);
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.sections[0]!.sections.map((s) => s.title)).toEqual([
      'Background',
      'What the review found',
      'Why it matters',
      'Questions for your team',
      'What to do next',
      'Find out more',
    ]);
  });

  it('uses only agreed or final findings, with the case summary and the report’s address', () => {
    const text = documentText(buildBriefingDocument(facts));
    expect(text).toContain('Accounts of injuries to babies');
    expect(text).not.toContain('An emerging finding');
    expect(text).toContain('She was 14 weeks old.');
    expect(text).toContain('Finding 1: Bruising in a baby who cannot move is a warning sign.');
    expect(text).toContain('How does the board know bruises are checked?');
    expect(text).toContain('Use the bruising protocol');
    expect(text).toContain('https://northbrook.example/child-a');
  });

  it('says the findings are not agreed yet when none is', () => {
    const f = { ...facts, findings: [finding({ status: 'tested_with_case_group' })] };
    expect(part(f, 'What the review found')).toEqual([{ kind: 'paragraph', text: notAgreedYet }]);
    expect(part(f, 'What to do next')).toEqual([{ kind: 'paragraph', text: talkAboutIt }]);
  });

  it('suggests a team conversation when there are no recommendations, and no address until published', () => {
    const f = { ...facts, findings: [finding({ recommendations: [] })], reportUrl: null, caseSummary: null };
    expect(part(f, 'What to do next')).toEqual([{ kind: 'paragraph', text: talkAboutIt }]);
    expect(documentText(buildBriefingDocument(f))).not.toContain('https://');
  });
});

describe('shortening why a finding matters', () => {
  it('leaves short text alone', () => {
    expect(shorten('It matters.')).toBe('It matters.');
  });

  it('cuts at the end of a sentence', () => {
    const text = `${'A first sentence that runs on. '.repeat(12)}And more.`;
    const short = shorten(text);
    expect(short.length).toBeLessThanOrEqual(300);
    expect(short.endsWith('runs on.')).toBe(true);
  });

  it('cuts at a word with an ellipsis when no sentence ends in time', () => {
    const short = shorten('word '.repeat(100));
    expect(short.length).toBeLessThanOrEqual(300);
    expect(short.endsWith('word…')).toBe(true);
  });
});
