import { formatLongDate } from '../publication/rules.ts';
import { reportSubtitle } from '../report/build-introduction.ts';
import type { Block, ReportDocument } from '../report/document.ts';

/*
 * The board's response as a publishable document, to sit beside the report: for each finding, the
 * issues it raised for the board and what the safeguarding partners say in answer. Built from the
 * review's records in words; the pseudonym register is applied afterwards, as for the report.
 */

/** One finding with the board's response to it, as the document shows it. */
export type BoardResponseFinding = {
  number: number;
  statement: string;
  boardQuestions: readonly string[];
  response: string | null;
  agreedOn: string | null;
};

/** Everything the board's response document is built from. */
export type BoardResponseFacts = {
  reviewTitle: string;
  reviewTypeLabel: string;
  partnershipName: string;
  generatedOn: string;
  findings: readonly BoardResponseFinding[];
};

/** What the document says where the board has not yet recorded a response to a finding. */
export const noResponseYet = 'No response recorded yet';

const responseTitle = (reviewTitle: string) => `${reviewTitle}: the safeguarding partners’ response`;

function findingBlocks(f: BoardResponseFinding): Block[] {
  const questions = f.boardQuestions.map((q) => q.trim()).filter((q) => q !== '');
  const response = f.response?.trim();
  return [
    { kind: 'heading', text: 'Issues for the board' },
    questions.length
      ? { kind: 'list', ordered: false, items: questions }
      : { kind: 'paragraph', text: 'The review raised no issues for the board under this finding.' },
    { kind: 'heading', text: 'The board’s response' },
    { kind: 'paragraph', text: response || noResponseYet },
    ...(response && f.agreedOn
      ? [{ kind: 'paragraph' as const, text: `Agreed by the board on ${formatLongDate(f.agreedOn)}.` }]
      : []),
  ];
}

/**
 * The board's response to a review's findings as a document model: an introduction, then a
 * section for each finding in order with its issues for the board and the response (not yet
 * pseudonymised).
 */
export function buildBoardResponseDocument(facts: BoardResponseFacts): ReportDocument {
  const subtitle = reportSubtitle(facts.reviewTypeLabel);
  const partners = facts.partnershipName.trim() || 'the safeguarding partners';
  const introduction =
    `This is the response of ${partners} to the findings of the ${subtitle.toLowerCase()} about ${facts.reviewTitle}. ` +
    'For each finding it sets out the issues the review asked the board to consider, and what the safeguarding partners will do about them. ' +
    'It is published beside the report; the action plan that follows from it is monitored by the board.';
  return {
    schemaVersion: 1,
    title: responseTitle(facts.reviewTitle),
    subtitle,
    partnershipName: facts.partnershipName,
    versionNumber: 1,
    generatedOn: facts.generatedOn,
    sections: [
      {
        id: 'response',
        title: 'The response to the findings',
        origin: 'mixed',
        blocks: [
          { kind: 'paragraph', text: introduction },
          ...(facts.findings.length
            ? []
            : [{ kind: 'paragraph' as const, text: 'The review has no findings yet.' }]),
        ],
        sections: facts.findings.map((f) => ({
          id: `response.finding-${f.number}`,
          title: `Finding ${f.number}: ${f.statement.trim()}`,
          origin: 'mixed' as const,
          blocks: findingBlocks(f),
          sections: [],
        })),
      },
    ],
  };
}
