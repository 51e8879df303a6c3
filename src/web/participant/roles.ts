import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';

/** What each role in a review is for, in a sentence; the server decides what each may do. */
export const reviewRoleHints: Record<ReviewRole, string> = {
  lead_reviewer: 'Independent of the agencies. Leads the analysis and writes the report. Usually two',
  trainee_reviewer: 'Learning to lead reviews, under supervision',
  supervisor: 'Supervises trainee reviewers and quality-assures the review',
  review_team_member: 'A senior manager from an agency involved, who was not involved in the case',
  case_group_member: 'A practitioner or first-line manager who worked with the child or family',
  family_member: 'A member of the child’s family who takes part in the review',
  business_manager: 'Runs the review as a project: people, meetings, letters and deadlines',
  chair: 'Chairs the safeguarding partnership or its case review group',
  board_member: 'Sees the review’s outline and terms of reference, and later its signed-off report',
};

export const reviewRoleChoices = (Object.keys(reviewRoles) as ReviewRole[]).map((role) => ({
  value: role,
  label: reviewRoles[role],
  hint: reviewRoleHints[role],
}));

/** How the people page groups the roles. */
export const roleGroups: { heading: string; roles: ReviewRole[]; empty: string }[] = [
  {
    heading: 'Lead reviewers',
    roles: ['lead_reviewer', 'trainee_reviewer'],
    empty: 'No lead reviewers yet.',
  },
  { heading: 'Review team', roles: ['review_team_member'], empty: 'No review team members yet.' },
  { heading: 'Case group', roles: ['case_group_member'], empty: 'No case group members yet.' },
  { heading: 'Family', roles: ['family_member'], empty: 'No family members are taking part yet.' },
  {
    heading: 'Governance',
    roles: ['chair', 'supervisor', 'board_member', 'business_manager'],
    empty: 'No one in a governance role yet.',
  },
];
