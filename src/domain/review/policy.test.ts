import { describe, expect, it } from 'vitest';
import {
  canSeeReview,
  mayCommission,
  mayInReview,
  type ReviewAction,
  type ReviewRole,
  reviewPolicy,
  reviewRoles,
} from './policy.ts';

/** The expected table, written out in full so a change to the policy is a deliberate change here too. */
const expected: Record<ReviewRole, ReviewAction[]> = {
  lead_reviewer: [
    'viewReview',
    'viewTermsOfReference',
    'editReview',
    'transitionReview',
    'viewParticipants',
    'viewCaseGroup',
    'manageParticipants',
    'viewParallelProcesses',
    'manageParallelProcesses',
    'viewAllMeetings',
    'viewOwnMeetings',
    'scheduleMeeting',
    'generateLetters',
    'viewSignedOffOutputs',
    'viewDocuments',
    'uploadDocuments',
    'viewConversations',
    'recordConversations',
    'viewNarrative',
    'editNarrative',
    'searchEvidence',
    'viewAnalysis',
    'editAnalysis',
    'manageAnalysis',
    'commentOnEpisodes',
    'viewFindings',
    'editFindings',
    'agreeFindings',
    'viewPseudonymRegister',
    'editPseudonymRegister',
    'viewPublication',
  ],
  business_manager: [
    'viewReview',
    'viewTermsOfReference',
    'editReview',
    'transitionReview',
    'viewParticipants',
    'viewCaseGroup',
    'manageParticipants',
    'viewParallelProcesses',
    'manageParallelProcesses',
    'viewAllMeetings',
    'viewOwnMeetings',
    'scheduleMeeting',
    'generateLetters',
    'viewSignedOffOutputs',
    'viewDocuments',
    'uploadDocuments',
    'viewConversations',
    'recordConversations',
    'viewNarrative',
    'editNarrative',
    'searchEvidence',
    'viewAnalysis',
    'editAnalysis',
    'manageAnalysis',
    'commentOnEpisodes',
    'viewFindings',
    'editFindings',
    'agreeFindings',
    'viewPseudonymRegister',
    'editPseudonymRegister',
    'viewPublication',
    'recordPublication',
  ],
  trainee_reviewer: [
    'viewReview',
    'viewTermsOfReference',
    'viewParticipants',
    'viewCaseGroup',
    'viewParallelProcesses',
    'viewAllMeetings',
    'viewOwnMeetings',
    'scheduleMeeting',
    'viewSignedOffOutputs',
    'viewDocuments',
    'uploadDocuments',
    'viewConversations',
    'recordConversations',
    'viewNarrative',
    'editNarrative',
    'searchEvidence',
    'viewAnalysis',
    'editAnalysis',
    'manageAnalysis',
    'commentOnEpisodes',
    'viewFindings',
    'editFindings',
    'agreeFindings',
    'viewPublication',
  ],
  supervisor: [
    'viewReview',
    'viewTermsOfReference',
    'viewParticipants',
    'viewCaseGroup',
    'viewParallelProcesses',
    'viewAllMeetings',
    'viewOwnMeetings',
    'viewSignedOffOutputs',
    'viewDocuments',
    'viewConversations',
    'viewNarrative',
    'searchEvidence',
    'viewAnalysis',
    'commentOnEpisodes',
    'viewFindings',
    'viewPublication',
  ],
  review_team_member: [
    'viewReview',
    'viewTermsOfReference',
    'viewParticipants',
    'viewCaseGroup',
    'viewParallelProcesses',
    'viewAllMeetings',
    'viewOwnMeetings',
    'viewSignedOffOutputs',
    'viewDocuments',
    'uploadDocuments',
    'viewConversations',
    'viewNarrative',
    'editNarrative',
    'searchEvidence',
    'viewAnalysis',
    'editAnalysis',
    'commentOnEpisodes',
    'viewFindings',
    'editFindings',
    'viewPublication',
  ],
  chair: [
    'viewReview',
    'viewTermsOfReference',
    'transitionReview',
    'viewParticipants',
    'viewCaseGroup',
    'viewParallelProcesses',
    'viewAllMeetings',
    'viewOwnMeetings',
    'viewSignedOffOutputs',
    'viewPublication',
    'recordPublication',
  ],
  case_group_member: [
    'viewReview',
    'viewParticipants',
    'viewOwnMeetings',
    'viewSignedOffOutputs',
    'viewOwnConversation',
    'viewSharedEpisodes',
    'commentOnEpisodes',
  ],
  family_member: [
    'viewReview',
    'viewParticipants',
    'viewOwnMeetings',
    'viewSignedOffOutputs',
    'viewOwnConversation',
  ],
  board_member: [
    'viewReview',
    'viewTermsOfReference',
    'viewParticipants',
    'viewOwnMeetings',
    'viewSignedOffOutputs',
    'viewPublication',
  ],
};

describe('review policy table', () => {
  const actions = Object.keys(reviewPolicy) as ReviewAction[];
  for (const role of Object.keys(reviewRoles) as ReviewRole[]) {
    for (const action of actions) {
      const allowed = expected[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(mayInReview({ reviewRoles: [role], partnershipRole: 'member' }, action)).toBe(allowed);
      });
    }
  }

  it('a partnership member with no role in the review cannot see it', () => {
    expect(canSeeReview({ reviewRoles: [], partnershipRole: 'member' })).toBe(false);
  });

  it('partnership admins and business managers run every review', () => {
    for (const role of ['partnership_admin', 'business_manager'] as const) {
      expect(canSeeReview({ reviewRoles: [], partnershipRole: role })).toBe(true);
      expect(mayInReview({ reviewRoles: [], partnershipRole: role }, 'manageParticipants')).toBe(true);
      expect(mayCommission(role)).toBe(true);
    }
    expect(mayCommission('member')).toBe(false);
  });

  it('several roles combine', () => {
    expect(
      mayInReview(
        { reviewRoles: ['case_group_member', 'trainee_reviewer'], partnershipRole: 'member' },
        'scheduleMeeting',
      ),
    ).toBe(true);
  });
});
