import type { PartnershipRole } from '../user/roles.ts';

/** The roles a person can hold in one review. */
export const reviewRoles = {
  lead_reviewer: 'Lead reviewer',
  trainee_reviewer: 'Trainee reviewer',
  supervisor: 'Supervisor',
  review_team_member: 'Review team member',
  case_group_member: 'Case group member',
  family_member: 'Family member',
  business_manager: 'Business manager',
  chair: 'Chair',
  board_member: 'Board member',
} as const;
export type ReviewRole = keyof typeof reviewRoles;

export type ReviewAction =
  | 'viewReview'
  | 'viewTermsOfReference'
  | 'editReview'
  | 'transitionReview'
  | 'viewParticipants'
  | 'viewCaseGroup'
  | 'manageParticipants'
  | 'viewParallelProcesses'
  | 'manageParallelProcesses'
  | 'viewAllMeetings'
  | 'viewOwnMeetings'
  | 'scheduleMeeting'
  | 'generateLetters'
  | 'viewSignedOffOutputs'
  | 'viewDocuments'
  | 'uploadDocuments'
  | 'viewConversations'
  | 'recordConversations'
  | 'viewOwnConversation'
  | 'viewNarrative'
  | 'editNarrative'
  | 'searchEvidence'
  | 'viewAnalysis'
  | 'editAnalysis'
  | 'manageAnalysis'
  | 'viewSharedEpisodes'
  | 'commentOnEpisodes'
  | 'viewFindings'
  | 'editFindings'
  | 'agreeFindings'
  | 'viewPseudonymRegister'
  | 'editPseudonymRegister'
  | 'viewPublication'
  | 'recordPublication'
  | 'viewReportDrafts'
  | 'editReport'
  | 'checkReportIdentifiers'
  | 'circulateReport'
  | 'signOffReport'
  | 'viewQuality'
  | 'assessQuality'
  | 'viewSupervision'
  | 'addSupervisionComment'
  | 'answerSupervision'
  | 'recordSupervisionSession'
  | 'viewBoardResponse'
  | 'recordBoardResponse'
  | 'viewActions'
  | 'manageActions'
  | 'generateBriefing';

const everyone: ReviewRole[] = Object.keys(reviewRoles) as ReviewRole[];
const runners: ReviewRole[] = ['business_manager', 'lead_reviewer'];
/** Those who analyse the evidence: the review team side without the chair, who governs rather than analyses. */
const analysts: ReviewRole[] = [
  'business_manager',
  'lead_reviewer',
  'trainee_reviewer',
  'supervisor',
  'review_team_member',
];
const reviewTeamSide: ReviewRole[] = [
  'business_manager',
  'lead_reviewer',
  'trainee_reviewer',
  'supervisor',
  'review_team_member',
  'chair',
];

/**
 * What each role in a review may see and do. The review team side sees the whole review; the case
 * group and family see the review's outline, the lead reviewers and business manager, and the
 * meetings they are invited to; board members see the outline and, later, signed-off outputs.
 * Partnership admins and business managers of the partnership act as the review's business manager.
 */
export const reviewPolicy: Record<ReviewAction, readonly ReviewRole[]> = {
  viewReview: everyone,
  viewTermsOfReference: [...reviewTeamSide, 'board_member'],
  editReview: runners,
  transitionReview: [...runners, 'chair'],
  viewParticipants: everyone,
  viewCaseGroup: reviewTeamSide,
  manageParticipants: runners,
  viewParallelProcesses: reviewTeamSide,
  manageParallelProcesses: runners,
  viewAllMeetings: reviewTeamSide,
  viewOwnMeetings: everyone,
  scheduleMeeting: [...runners, 'trainee_reviewer'],
  generateLetters: runners,
  viewSignedOffOutputs: everyone,
  viewDocuments: analysts,
  uploadDocuments: [...runners, 'trainee_reviewer', 'review_team_member'],
  viewConversations: analysts,
  recordConversations: ['business_manager', 'lead_reviewer', 'trainee_reviewer'],
  viewOwnConversation: ['case_group_member', 'family_member'],
  viewNarrative: analysts,
  editNarrative: [...runners, 'trainee_reviewer', 'review_team_member'],
  searchEvidence: analysts,
  viewAnalysis: analysts,
  editAnalysis: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  manageAnalysis: ['business_manager', 'lead_reviewer', 'trainee_reviewer'],
  viewSharedEpisodes: ['case_group_member'],
  commentOnEpisodes: [...analysts, 'case_group_member'],
  viewFindings: analysts,
  editFindings: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  agreeFindings: ['business_manager', 'lead_reviewer', 'trainee_reviewer'],
  // The most sensitive record of a review: the real names behind its pseudonyms.
  viewPseudonymRegister: runners,
  editPseudonymRegister: runners,
  // Whether, how and where the report is published: the board sees it; the chair and business manager record it.
  viewPublication: [...reviewTeamSide, 'board_member'],
  recordPublication: ['business_manager', 'chair'],
  // Drafts of the report: the review team side reads every version; the case group, agencies and the
  // family read a version circulated to them, and everyone in the review a signed-off one (see
  // src/domain/report/rules.ts).
  viewReportDrafts: reviewTeamSide,
  editReport: ['business_manager', 'lead_reviewer', 'trainee_reviewer'],
  // Scanning a version, acknowledging what it finds and marking it publishable: those who hold the register.
  checkReportIdentifiers: runners,
  circulateReport: runners,
  signOffReport: [...runners, 'chair'],
  // The quality-marker self-assessment: the board sees it; the business manager, lead reviewers and chair assess.
  viewQuality: [...reviewTeamSide, 'board_member'],
  assessQuality: ['business_manager', 'lead_reviewer', 'chair'],
  // Supervision of the lead reviewers: between the supervisor and the reviewers of this review only.
  viewSupervision: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'supervisor'],
  addSupervisionComment: ['supervisor'],
  answerSupervision: ['lead_reviewer', 'trainee_reviewer', 'supervisor'],
  recordSupervisionSession: ['lead_reviewer', 'trainee_reviewer', 'supervisor'],
  // After the review: the board's response and the action plan are the partnership's; the board sees them.
  viewBoardResponse: [...reviewTeamSide, 'board_member'],
  recordBoardResponse: ['business_manager', 'chair'],
  viewActions: [...reviewTeamSide, 'board_member'],
  manageActions: ['business_manager', 'chair'],
  // The learning briefing for frontline staff: made from the findings by those who run the review.
  generateBriefing: [...runners, 'chair'],
};

/** A person as the review policy sees them: their roles in the review and their partnership role. */
export type ReviewActor = { reviewRoles: readonly ReviewRole[]; partnershipRole: PartnershipRole | null };

/** Partnership roles that run every review of their partnership. */
const runsAllReviews: readonly PartnershipRole[] = ['partnership_admin', 'business_manager'];

/** Whether the person can see the review at all (otherwise it does not exist for them: 404). */
export function canSeeReview(actor: ReviewActor): boolean {
  return (
    actor.reviewRoles.length > 0 ||
    (actor.partnershipRole !== null && runsAllReviews.includes(actor.partnershipRole))
  );
}

/** Whether the person may take an action in the review. */
export function mayInReview(actor: ReviewActor, action: ReviewAction): boolean {
  if (actor.partnershipRole && runsAllReviews.includes(actor.partnershipRole)) return true;
  return actor.reviewRoles.some((role) => reviewPolicy[action].includes(role));
}

/** Every action the person may take, for the presenter's `abilities`. */
export function reviewAbilities(actor: ReviewActor): Record<ReviewAction, boolean> {
  return Object.fromEntries(
    (Object.keys(reviewPolicy) as ReviewAction[]).map((a) => [a, mayInReview(actor, a)]),
  ) as Record<ReviewAction, boolean>;
}

/** Whether a partnership role may commission reviews and see the partnership's dashboard of all reviews. */
export function mayCommission(role: PartnershipRole): boolean {
  return runsAllReviews.includes(role);
}
