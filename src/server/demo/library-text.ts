import type { ActionStatus, ImpactEvidenceKind } from '#domain/action/action.ts';
import type { EpisodeStatus, StandardKind } from '#domain/analysis/episode.ts';
import type { FactorGroup } from '#domain/conversation/factors.ts';
import type { Currency, Polarity, PrevalenceSource, Priority } from '#domain/finding/finding.ts';
import type { LibraryTheme } from '#domain/library/library.ts';
import type { PseudonymEntryInput } from '#domain/pseudonym/register.ts';
import type { ReviewType, ReviewVariant } from '#domain/review/review.ts';
import { childPReview } from './library-text-child-p.ts';
import { childRReview } from './library-text-child-r.ts';
import { siblingsKLReview } from './library-text-siblings.ts';

/** The demo agencies, by the short names the demo seed keys them with. */
export type DemoAgencyName =
  | 'CSC'
  | 'Police'
  | 'Acute'
  | 'Community health'
  | 'GP'
  | 'Mental health'
  | 'Ambulance'
  | 'Education'
  | 'Probation'
  | 'Housing'
  | 'Family Lifeline';

/** A key practice episode of an earlier review, with the contributory factors that explain it. */
export type EarlierEpisode = {
  title: string;
  periodFrom: string;
  periodTo: string;
  agencies: DemoAgencyName[];
  roles: string[];
  whatHappened: string;
  localRationality: string;
  appraisal: 'good' | 'adequate' | 'problematic' | 'mixed';
  appraisalRationale: string;
  standardKind: StandardKind;
  standardReference: string;
  hindsight: string;
  wentWell: string;
  goodPractice: boolean;
  status: EpisodeStatus;
  factors: { group: FactorGroup; factorType: string; description: string }[];
};

/** A final finding of an earlier review: a pattern in the system, with its themes for the library. */
export type EarlierFinding = {
  statement: string;
  typologyCode: string;
  polarity: Polarity;
  themes: LibraryTheme[];
  /** The numbers of the review's episodes that show it. */
  episodes: number[];
  howItShowed: string;
  prevalenceSources: PrevalenceSource[];
  prevalenceEvidence: string;
  currency: Currency;
  currencyNote: string;
  whyItMatters: string;
  boardQuestions: string[];
  priority: Priority;
};

/** An action the partnership agreed after an earlier review, and how far it got. */
export type EarlierAction = {
  /** The number of the finding it answers. */
  finding: number;
  description: string;
  owner: DemoAgencyName;
  ownerName: string;
  dueOn: string;
  successMeasure: string;
  status: ActionStatus;
  completedOn?: string;
  progressNote?: string;
  impactEvidenceKind?: ImpactEvidenceKind;
  impactEvidence?: string;
};

/** A review Northbrook published before Sightlines, loaded whole so the library and analytics have history. */
export type EarlierReview = {
  title: string;
  type: ReviewType;
  variant: ReviewVariant;
  stage: 'closed' | 'action_monitoring';
  purposeStatement: string;
  proportionalityRationale: string;
  decisionRationale: string;
  scopeFrom: string;
  scopeTo: string;
  decisionDate: string;
  initiatedDate: string;
  publishedOn: string;
  /** When the partnership closed the review after its actions were complete. */
  closedOn: string | null;
  url: string;
  agencies: DemoAgencyName[];
  researchQuestions: string[];
  register: PseudonymEntryInput[];
  episodes: EarlierEpisode[];
  findings: EarlierFinding[];
  actions: EarlierAction[];
};

/**
 * Northbrook's three earlier reviews, oldest first: one published late, one within six months, and
 * one published late whose actions are still being monitored. All dates are fixed, and all in the past.
 */
export const earlierReviews: EarlierReview[] = [childPReview, childRReview, siblingsKLReview];
