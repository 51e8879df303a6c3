/** The stages of a review, in order, with the words business managers use. */
export const reviewStages = {
  referral_decision: 'Referral and decision',
  commissioning: 'Commissioning and set-up',
  data_collection: 'Data collection',
  analysis: 'Analysis',
  findings: 'Findings',
  drafting: 'Drafting the report',
  factual_accuracy: 'Factual accuracy and family feedback',
  quality_assurance: 'Quality assurance and sign-off',
  publication: 'Publication',
  action_monitoring: 'Action monitoring',
  closed: 'Closed',
  paused: 'Paused',
} as const;

export type ReviewStage = keyof typeof reviewStages;
export type ActiveStage = Exclude<ReviewStage, 'paused' | 'closed'>;

/** The stages a review moves through, in order (paused sits outside the sequence). */
export const stageOrder: readonly Exclude<ReviewStage, 'paused'>[] = [
  'referral_decision',
  'commissioning',
  'data_collection',
  'analysis',
  'findings',
  'drafting',
  'factual_accuracy',
  'quality_assurance',
  'publication',
  'action_monitoring',
  'closed',
];

/** What Sightlines knows about a review when deciding whether it may move on. */
export type ReviewFacts = {
  decisionRationale: string | null;
  purposeStatement: string | null;
  scopeFrom: string | null;
  scopeTo: string | null;
  agenciesInScope: number;
  researchQuestions: number;
  leadReviewers: number;
  reviewTeamMembers: number;
  caseGroupMembers: number;
  signOffChain: number;
  qualityAssurer: boolean;
  /** Parallel processes whose constraint forbids publication now. */
  publicationEmbargoes: number;
  /** Parallel processes whose constraint forbids conversations now. */
  conversationBans: number;
};

export type StageCheck = { id: string; label: string; met: boolean };

type CheckRule = { id: string; label: string; met: (f: ReviewFacts) => boolean };

/** What is still needed before a review may enter each stage. */
const entryChecks: Partial<Record<ReviewStage, CheckRule[]>> = {
  commissioning: [
    {
      id: 'decision_rationale',
      label: 'Record the decision to review and its rationale',
      met: (f) => Boolean(f.decisionRationale?.trim()),
    },
  ],
  data_collection: [
    { id: 'purpose', label: 'Write the purpose statement', met: (f) => Boolean(f.purposeStatement?.trim()) },
    { id: 'scope_period', label: 'Set the scope period', met: (f) => Boolean(f.scopeFrom && f.scopeTo) },
    {
      id: 'agencies_in_scope',
      label: 'Choose at least one agency in scope',
      met: (f) => f.agenciesInScope >= 1,
    },
    {
      id: 'research_question',
      label: 'Add at least one research question',
      met: (f) => f.researchQuestions >= 1,
    },
    { id: 'two_lead_reviewers', label: 'Add two lead reviewers', met: (f) => f.leadReviewers >= 2 },
    { id: 'review_team', label: 'Add at least one review team member', met: (f) => f.reviewTeamMembers >= 1 },
  ],
  analysis: [
    {
      id: 'case_group',
      label: 'Add the case group (at least one member)',
      met: (f) => f.caseGroupMembers >= 1,
    },
  ],
  quality_assurance: [
    { id: 'quality_assurer', label: 'Name who quality-assures the review', met: (f) => f.qualityAssurer },
    { id: 'sign_off_chain', label: 'Set the sign-off chain', met: (f) => f.signOffChain >= 1 },
  ],
  publication: [
    {
      id: 'no_embargo',
      label: 'No parallel process forbids publication',
      met: (f) => f.publicationEmbargoes === 0,
    },
  ],
};

/** The checks for entering a stage, each marked met or not. */
export function checksFor(stage: ReviewStage, facts: ReviewFacts): StageCheck[] {
  return (entryChecks[stage] ?? []).map((c) => ({ id: c.id, label: c.label, met: c.met(facts) }));
}

export type TransitionAction =
  | { kind: 'advance' }
  | { kind: 'return'; to: ActiveStage }
  | { kind: 'pause' }
  | { kind: 'resume' };

export type TransitionPlan =
  | { ok: true; from: ReviewStage; to: ReviewStage; resumeStage: ActiveStage | null }
  | {
      ok: false;
      reason: 'not_allowed' | 'checks_failed' | 'reason_required';
      message: string;
      unmet: StageCheck[];
    };

const refuse = (message: string): TransitionPlan => ({
  ok: false,
  reason: 'not_allowed',
  message,
  unmet: [],
});

/**
 * Decides whether a review may make a transition. Moving forward goes one stage at a time and must
 * pass that stage's checks; going back to an earlier stage and pausing need a reason; a paused
 * review resumes where it stopped; a closed review stays closed.
 */
export function planTransition(
  current: { stage: ReviewStage; resumeStage: ActiveStage | null },
  action: TransitionAction,
  facts: ReviewFacts,
  reason: string | null | undefined,
): TransitionPlan {
  const hasReason = Boolean(reason?.trim());
  if (current.stage === 'closed') return refuse('The review is closed.');
  if (current.stage === 'paused') {
    if (action.kind !== 'resume') return refuse('The review is paused. Resume it first.');
    const to = current.resumeStage ?? 'commissioning';
    return { ok: true, from: 'paused', to, resumeStage: null };
  }
  switch (action.kind) {
    case 'resume':
      return refuse('The review is not paused.');
    case 'pause':
      if (!hasReason)
        return {
          ok: false,
          reason: 'reason_required',
          message: 'Give the reason for pausing the review.',
          unmet: [],
        };
      return { ok: true, from: current.stage, to: 'paused', resumeStage: current.stage };
    case 'return': {
      const here = stageOrder.indexOf(current.stage);
      const there = stageOrder.indexOf(action.to);
      if (there < 0 || there >= here)
        return refuse(`The review can only go back to an earlier stage than ${current.stage}.`);
      if (!hasReason)
        return {
          ok: false,
          reason: 'reason_required',
          message: 'Give the reason for going back a stage.',
          unmet: [],
        };
      return { ok: true, from: current.stage, to: action.to, resumeStage: null };
    }
    case 'advance': {
      const next = stageOrder[stageOrder.indexOf(current.stage) + 1];
      if (!next) return refuse('There is no later stage.');
      const unmet = checksFor(next, facts).filter((c) => !c.met);
      if (unmet.length > 0) {
        return {
          ok: false,
          reason: 'checks_failed',
          message: `Before moving to “${reviewStages[next]}”: ${unmet.map((c) => c.label.toLowerCase()).join('; ')}.`,
          unmet,
        };
      }
      return { ok: true, from: current.stage, to: next, resumeStage: null };
    }
  }
}

/** The next stage in the sequence, or null at the end or while paused. */
export function nextStage(stage: ReviewStage): ReviewStage | null {
  if (stage === 'paused') return null;
  return stageOrder[stageOrder.indexOf(stage) + 1] ?? null;
}
