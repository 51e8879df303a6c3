import type { FindingStatus } from './finding.ts';

/** What a finding needs before the review team can agree it; the server names what is missing. */
export type FindingFacts = {
  status: FindingStatus;
  statement: string;
  typologyCode: string | null;
  episodeCount: number;
  prevalenceSources: readonly string[];
  prevalenceEvidence: string;
  boardQuestions: readonly string[];
};

/** The checks before a finding may move to a status; an empty list means it may. */
export function unmetForFindingStatus(f: FindingFacts, to: FindingStatus): string[] {
  if (to === 'emerging' || to === 'tested_with_case_group') return [];
  const unmet: string[] = [];
  if (!f.statement.trim()) unmet.push('Write the finding');
  if (!f.typologyCode) unmet.push('Choose the typology category');
  if (f.episodeCount === 0) unmet.push('Link at least one key practice episode that shows it');
  if (f.prevalenceSources.length === 0 || !f.prevalenceEvidence.trim())
    unmet.push('Give the evidence that it is not a quirk of this case, and where it comes from');
  if (!f.boardQuestions.some((q) => q.trim())) unmet.push('Add at least one issue for the board');
  if (to === 'final' && f.status !== 'agreed_by_review_team' && f.status !== 'final')
    unmet.push('The review team must agree the finding first');
  return unmet;
}

/** A change to what an agreed or final finding says takes it back to emerging, to be agreed again. */
export const findingFieldsThatReopen = [
  'statement',
  'typologyCode',
  'polarity',
  'episodeIds',
  'howItShowed',
  'prevalenceSources',
  'prevalenceEvidence',
  'whyItMatters',
  'boardQuestions',
  'recommendations',
] as const;
