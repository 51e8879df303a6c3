import { describe, expect, it } from 'vitest';
import { documentText } from '../report/anonymise.ts';
import { reportDocumentSchema } from '../report/document.ts';
import {
  type BoardResponseFacts,
  buildBoardResponseDocument,
  noResponseYet,
} from './board-response-document.ts';

const facts: BoardResponseFacts = {
  reviewTitle: 'Child A',
  reviewTypeLabel: 'Local child safeguarding practice review (LCSPR)',
  partnershipName: 'Northbrook Safeguarding Children Partnership',
  generatedOn: '2027-04-01',
  findings: [
    {
      number: 1,
      statement: 'Accounts of injuries to babies are accepted without a second opinion',
      boardQuestions: ['How does the board know bruises are checked?', ' '],
      response: 'The partners will audit the bruising protocol by June.',
      agreedOn: '2027-03-02',
    },
    { number: 2, statement: 'Referrals go unanswered', boardQuestions: [], response: null, agreedOn: null },
  ],
};

describe('the board’s response document', () => {
  it('has a title, an introduction and a section for each finding in order', () => {
    const doc = buildBoardResponseDocument(facts);
    expect(reportDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.title).toBe('Child A: the safeguarding partners’ response');
    expect(doc.subtitle).toBe('Local child safeguarding practice review');
    const [response] = doc.sections;
    expect(response!.blocks[0]).toMatchObject({ kind: 'paragraph' });
    expect(response!.sections.map((s) => s.title)).toEqual([
      'Finding 1: Accounts of injuries to babies are accepted without a second opinion',
      'Finding 2: Referrals go unanswered',
    ]);
  });

  it('lists the issues for the board and gives the response with the date it was agreed', () => {
    const [first, second] = buildBoardResponseDocument(facts).sections[0]!.sections;
    expect(first!.blocks).toContainEqual({
      kind: 'list',
      ordered: false,
      items: ['How does the board know bruises are checked?'],
    });
    expect(first!.blocks).toContainEqual({
      kind: 'paragraph',
      text: 'The partners will audit the bruising protocol by June.',
    });
    expect(first!.blocks).toContainEqual({ kind: 'paragraph', text: 'Agreed by the board on 2 March 2027.' });
    expect(second!.blocks).toContainEqual({ kind: 'paragraph', text: noResponseYet });
  });

  it('says so when the review has no findings', () => {
    const text = documentText(buildBoardResponseDocument({ ...facts, findings: [] }));
    expect(text).toContain('The review has no findings yet.');
  });
});
