import type { ReviewDto } from './api.ts';

export const reviewId = '7d5b1c1e-2f4a-4c3b-9e8d-1a2b3c4d5e6f';

/** A review as the server sends it, for tests: at commissioning, as its business manager sees it. */
export function reviewBody(overrides: Partial<ReviewDto> = {}): ReviewDto {
  return {
    id: reviewId,
    title: 'Child A',
    type: 'lcspr',
    typeLabel: 'Local child safeguarding practice review (LCSPR)',
    variant: 'full',
    variantLabel: 'Full',
    stage: 'commissioning',
    stageLabel: 'Commissioning and set-up',
    pauseReason: null,
    resumeStage: null,
    nextStage: 'data_collection',
    nextStageLabel: 'Data collection',
    checklist: [
      { id: 'purpose', label: 'Write the purpose statement', met: true },
      { id: 'two_lead_reviewers', label: 'Add two lead reviewers', met: false },
    ],
    rapidReviewId: null,
    initiatedDate: '2026-03-02',
    targetPublicationDate: '2026-09-02',
    deadlines: [{ label: 'Publication', date: '2026-09-02', overdue: false, daysLeft: 120 }],
    termsOfReference: {
      purposeStatement: 'To learn how agencies share information about babies.',
      scopeFrom: null,
      scopeTo: null,
      proportionalityRationale: null,
      decisionRationale: 'Serious harm; learning for several agencies.',
      decisionDate: '2026-03-01',
      qualityAssurer: null,
      signOffChain: [],
      agencies: [],
      researchQuestions: [],
      plannedReviewTeamMeetings: 5,
      plannedJointMeetings: 2,
    },
    people: { leadReviewers: 1, reviewTeam: 0, caseGroup: 0 },
    transitions: [
      {
        fromStage: null,
        toStage: 'commissioning',
        toStageLabel: 'Commissioning and set-up',
        action: 'commission',
        reason: null,
        actorName: 'Morgan Manager',
        at: '2026-03-02T09:00:00.000Z',
      },
    ],
    myRoles: [],
    version: 3,
    abilities: {
      viewReview: true,
      viewTermsOfReference: true,
      editReview: true,
      transitionReview: true,
      viewParticipants: true,
      viewCaseGroup: true,
      manageParticipants: true,
      viewParallelProcesses: true,
      manageParallelProcesses: true,
      viewAllMeetings: true,
      viewOwnMeetings: true,
      scheduleMeeting: true,
      generateLetters: true,
      viewSignedOffOutputs: true,
    },
    ...overrides,
  };
}
