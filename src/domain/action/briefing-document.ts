import type { FindingStatus } from '../finding/finding.ts';
import { reportSubtitle } from '../report/build-introduction.ts';
import type { Block, ReportDocument, Section } from '../report/document.ts';

/*
 * The learning briefing: the one-page "seven-minute briefing" partnerships circulate to frontline
 * staff after a review. Made only from findings the review team has agreed, kept short, and
 * pseudonymised afterwards like the report.
 */

/** A finding as the briefing uses it. */
export type BriefingFinding = {
  number: number;
  status: FindingStatus;
  statement: string;
  whyItMatters: string;
  boardQuestions: readonly string[];
  recommendations: readonly { text: string; addressee: string | null }[];
};

/** Everything the briefing is built from. */
export type BriefingFacts = {
  reviewTitle: string;
  reviewTypeLabel: string;
  partnershipName: string;
  generatedOn: string;
  caseSummary: string | null;
  findings: readonly BriefingFinding[];
  /** The published report's address, once it is published. */
  reportUrl: string | null;
};

/** The statuses at which a finding may go into the briefing. */
export const briefingStatuses: readonly FindingStatus[] = ['agreed_by_review_team', 'final'];

/** What "What to do next" says when the findings make no recommendations. */
export const talkAboutIt = 'Talk about these findings in your next team meeting';

/** What "What the review found" says while no finding is agreed. */
export const notAgreedYet =
  'The review team has not agreed the findings yet. This briefing will say what the review found once they have.';

/**
 * The text cut to about `limit` characters, at the end of a sentence where one ends far enough in,
 * otherwise at a word with an ellipsis.
 */
export function shorten(text: string, limit = 300): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (clean.length <= limit) return clean;
  const head = clean.slice(0, limit + 1);
  const ends = [...head.matchAll(/[.!?](?=\s|$)/gu)].map((m) => (m.index ?? 0) + 1);
  const sentenceEnd = ends.filter((i) => i <= limit).pop();
  if (sentenceEnd && sentenceEnd >= limit / 3) return clean.slice(0, sentenceEnd);
  const space = head.lastIndexOf(' ', limit - 1);
  return `${clean.slice(0, space > 0 ? space : limit - 1).replace(/[\s,;:]+$/u, '')}…`;
}

const part = (key: string, title: string, blocks: Block[]): Section => ({
  id: `briefing.${key}`,
  title,
  origin: 'generated',
  blocks,
  sections: [],
});
const list = (items: string[], ordered = false): Block => ({ kind: 'list', ordered, items });
const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
const nonEmpty = (items: readonly string[]) => items.map((i) => i.trim()).filter((i) => i !== '');

/**
 * The seven-minute briefing of a review as a document model: background, what the review found,
 * why it matters, questions for teams, what to do next and where to find out more (not yet
 * pseudonymised). Only findings agreed by the review team or final are in it.
 */
export function buildBriefingDocument(facts: BriefingFacts): ReportDocument {
  const subtitle = reportSubtitle(facts.reviewTypeLabel);
  const partners = facts.partnershipName.trim() || 'the safeguarding partnership';
  const findings = facts.findings.filter((f) => briefingStatuses.includes(f.status));
  const summary = facts.caseSummary?.trim() ? shorten(facts.caseSummary, 600) : null;
  const why = findings
    .filter((f) => f.whyItMatters.trim())
    .map((f) => `Finding ${f.number}: ${shorten(f.whyItMatters)}`);
  const questions = nonEmpty(findings.flatMap((f) => f.boardQuestions));
  const next = nonEmpty(findings.flatMap((f) => f.recommendations.map((r) => r.text)));
  return {
    schemaVersion: 1,
    title: `${facts.reviewTitle}: seven-minute briefing`,
    subtitle: 'Learning for frontline staff',
    partnershipName: facts.partnershipName,
    versionNumber: 1,
    generatedOn: facts.generatedOn,
    sections: [
      {
        id: 'briefing',
        title: 'Seven-minute briefing',
        origin: 'generated',
        blocks: [],
        sections: [
          part('background', 'Background', [
            paragraph(
              `${partners} carried out a ${subtitle.toLowerCase()} about ${facts.reviewTitle}, using the Learning Together systems model. It looked at how the system around the child worked, not at who was to blame.`,
            ),
            ...(summary ? [paragraph(summary)] : []),
          ]),
          part(
            'found',
            'What the review found',
            findings.length
              ? [
                  list(
                    findings.map((f) => f.statement.trim()),
                    true,
                  ),
                ]
              : [paragraph(notAgreedYet)],
          ),
          part(
            'why',
            'Why it matters',
            why.length ? [list(why)] : [paragraph('The review team will explain why the findings matter.')],
          ),
          part(
            'questions',
            'Questions for your team',
            questions.length
              ? [list(questions)]
              : [paragraph('What does your team recognise in this review, and what would help?')],
          ),
          part('next', 'What to do next', next.length ? [list(next)] : [paragraph(talkAboutIt)]),
          part('more', 'Find out more', [
            paragraph(
              facts.reportUrl
                ? `Read the full report: ${facts.reportUrl}`
                : `The full report will be published by ${partners}.`,
            ),
          ]),
        ],
      },
    ],
  };
}
