import { z } from 'zod';
import { id, optionalText, requiredText, version } from '../shared/fields.ts';
import { type ReviewStage, reviewStages } from './stages.ts';

export const reviewTypes = {
  lcspr: 'Local child safeguarding practice review (LCSPR)',
  scr: 'Serious case review (legacy)',
  learning_review: 'Learning review',
  themed_review: 'Themed review',
} as const;
export type ReviewType = keyof typeof reviewTypes;

/** Review variants of the Learning Together model, with their usual shape. */
export const reviewVariants = {
  full: {
    label: 'Full',
    reviewTeamMeetings: 5,
    jointMeetings: 2,
    months: 6,
    hint: 'Conversations with the whole case group, about five review team meetings and two joint meetings over about six months.',
  },
  intensive: {
    label: 'Intensive',
    reviewTeamMeetings: 5,
    jointMeetings: 2,
    months: 4,
    hint: 'Everything in a full review, packed into two blocks of activity.',
  },
  speed_plus: {
    label: 'Speed+',
    reviewTeamMeetings: 2,
    jointMeetings: 1,
    months: 3,
    hint: 'The whole process in one week, then report writing. Needs significant lead-in.',
  },
  mid_range: {
    label: 'Mid-range',
    reviewTeamMeetings: 3,
    jointMeetings: 1,
    months: 4,
    hint: 'Six or fewer conversations and fewer meetings.',
  },
  focused: {
    label: 'Focused',
    reviewTeamMeetings: 2,
    jointMeetings: 1,
    months: 3,
    hint: 'Built around a one-day event for all involved staff; no individual conversations.',
  },
  themed: {
    label: 'Themed',
    reviewTeamMeetings: 3,
    jointMeetings: 1,
    months: 6,
    hint: 'Case-file audit first, then review.',
  },
} as const;
export type ReviewVariant = keyof typeof reviewVariants;

export const reviewType = z.enum(Object.keys(reviewTypes) as [ReviewType, ...ReviewType[]], {
  error: 'Select the type of review',
});
export const reviewVariant = z.enum(Object.keys(reviewVariants) as [ReviewVariant, ...ReviewVariant[]], {
  error: 'Select the review variant',
});
export const reviewStage = z.enum(Object.keys(reviewStages) as [ReviewStage, ...ReviewStage[]]);

const isoDate = (label: string) => z.iso.date({ error: `Enter ${label} as a real date, like 2026-03-27` });
const optionalDate = (label: string) => isoDate(label).nullable().optional();

export const researchQuestionsInput = z
  .array(requiredText('the research question', 600), { error: 'Give the research questions as a list' })
  .max(20, { error: 'A review can have up to 20 research questions' });

/** Terms of reference fields that can be set when commissioning and changed later. */
const termsFields = {
  purposeStatement: optionalText('the purpose statement', 4000).nullable(),
  scopeFrom: optionalDate('the start of the scope period'),
  scopeTo: optionalDate('the end of the scope period'),
  proportionalityRationale: optionalText('the proportionality rationale', 4000).nullable(),
  decisionRationale: optionalText('the decision rationale', 4000).nullable(),
  decisionDate: optionalDate('the decision date'),
  qualityAssurer: optionalText('who quality-assures the review', 200).nullable(),
  signOffChain: z.array(requiredText('each step of the sign-off chain', 200)).max(10).optional(),
  agencyIds: z.array(id).max(50).optional(),
  researchQuestions: researchQuestionsInput.optional(),
  plannedReviewTeamMeetings: z.int().min(0).max(30).optional(),
  plannedJointMeetings: z.int().min(0).max(30).optional(),
  targetPublicationDate: optionalDate('the target publication date'),
};

export const commissionReviewInput = z
  .object({
    title: requiredText('the review’s pseudonymous title, like Child A', 120),
    type: reviewType,
    variant: reviewVariant,
    rapidReviewId: id.nullable().optional(),
    initiatedDate: isoDate('the date the review was initiated'),
    ...termsFields,
  })
  .refine((v) => !v.scopeFrom || !v.scopeTo || v.scopeFrom <= v.scopeTo, {
    error: 'The end of the scope period must be on or after its start',
    path: ['scopeTo'],
  });
export type CommissionReviewInput = z.infer<typeof commissionReviewInput>;

export const updateReviewInput = z
  .object({
    title: requiredText('the review’s pseudonymous title', 120).optional(),
    type: reviewType.optional(),
    variant: reviewVariant.optional(),
    ...termsFields,
    version,
  })
  .refine((v) => !v.scopeFrom || !v.scopeTo || v.scopeFrom <= v.scopeTo, {
    error: 'The end of the scope period must be on or after its start',
    path: ['scopeTo'],
  });
export type UpdateReviewInput = z.infer<typeof updateReviewInput>;

export const transitionReviewInput = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('advance'), reason: optionalText('the note', 2000), version }),
    z.object({
      action: z.literal('return'),
      to: reviewStage,
      reason: optionalText('the reason', 2000),
      version,
    }),
    z.object({ action: z.literal('pause'), reason: optionalText('the reason', 2000), version }),
    z.object({ action: z.literal('resume'), reason: optionalText('the note', 2000), version }),
  ],
  { error: 'Choose what to do: advance, return, pause or resume' },
);
export type TransitionReviewInput = z.infer<typeof transitionReviewInput>;

export const reviewParams = z.object({ partnershipId: id, reviewId: id });

export const deadlineDto = z.object({
  label: z.string(),
  date: z.string(),
  overdue: z.boolean(),
  daysLeft: z.int().describe('Calendar days from today; negative when overdue'),
});
export type DeadlineDto = z.infer<typeof deadlineDto>;

export const reviewSummaryDto = z.object({
  id,
  title: z.string(),
  type: reviewType,
  typeLabel: z.string(),
  variant: reviewVariant,
  variantLabel: z.string(),
  stage: reviewStage,
  stageLabel: z.string(),
  initiatedDate: z.string(),
  targetPublicationDate: z.string(),
  nextDeadline: deadlineDto.nullable(),
  myRoles: z.array(z.string()),
});
export type ReviewSummaryDto = z.infer<typeof reviewSummaryDto>;

export const reviewList = z.object({
  reviews: z.array(reviewSummaryDto),
  abilities: z.object({ commission: z.boolean() }),
});

export const parallelProcessKinds = {
  criminal: 'Criminal investigation or trial',
  inquest: 'Inquest',
  family_court: 'Family court proceedings',
  hr_disciplinary: 'HR or disciplinary process',
  other_review: 'Another review (DHR, SAR or other)',
  other: 'Other',
} as const;
export type ParallelProcessKind = keyof typeof parallelProcessKinds;
export const parallelProcessKind = z.enum(
  Object.keys(parallelProcessKinds) as [ParallelProcessKind, ...ParallelProcessKind[]],
  {
    error: 'Select the kind of process',
  },
);

export const parallelProcessInput = z.object({
  kind: parallelProcessKind,
  description: requiredText('a short description', 2000),
  contact: optionalText('the contact', 300).nullable(),
  status: z
    .enum(['active', 'concluded'], { error: 'Select whether it is active or concluded' })
    .default('active'),
  noConversations: z
    .boolean()
    .default(false)
    .describe('No conversations with the case group until it concludes'),
  publicationEmbargo: z.boolean().default(false).describe('Nothing may be published until it concludes'),
  expectedEndDate: optionalDate('the expected end date'),
  notes: optionalText('the notes', 4000).nullable(),
});
export const updateParallelProcessInput = parallelProcessInput.partial().extend({ version });

export const parallelProcessDto = z.object({
  id,
  kind: parallelProcessKind,
  kindLabel: z.string(),
  description: z.string(),
  contact: z.string().nullable(),
  status: z.enum(['active', 'concluded']),
  noConversations: z.boolean(),
  publicationEmbargo: z.boolean(),
  expectedEndDate: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.int(),
});
export type ParallelProcessDto = z.infer<typeof parallelProcessDto>;
export const parallelProcessParams = z.object({ partnershipId: id, reviewId: id, processId: id });

export const stageCheckDto = z.object({ id: z.string(), label: z.string(), met: z.boolean() });

export const reviewDto = z.object({
  id,
  title: z.string(),
  type: reviewType,
  typeLabel: z.string(),
  variant: reviewVariant,
  variantLabel: z.string(),
  stage: reviewStage,
  stageLabel: z.string(),
  pauseReason: z.string().nullable(),
  resumeStage: reviewStage.nullable(),
  nextStage: reviewStage.nullable(),
  nextStageLabel: z.string().nullable(),
  /** What is still needed before the next stage: the same checks the server enforces. */
  checklist: z.array(stageCheckDto),
  rapidReviewId: id.nullable(),
  initiatedDate: z.string(),
  targetPublicationDate: z.string(),
  deadlines: z.array(deadlineDto),
  termsOfReference: z
    .object({
      purposeStatement: z.string().nullable(),
      scopeFrom: z.string().nullable(),
      scopeTo: z.string().nullable(),
      proportionalityRationale: z.string().nullable(),
      decisionRationale: z.string().nullable(),
      decisionDate: z.string().nullable(),
      qualityAssurer: z.string().nullable(),
      signOffChain: z.array(z.string()),
      agencies: z.array(z.object({ id, name: z.string() })),
      researchQuestions: z.array(z.object({ id, position: z.int(), text: z.string() })),
      plannedReviewTeamMeetings: z.int(),
      plannedJointMeetings: z.int(),
    })
    .nullable()
    .describe('Null for people whose role does not show the terms of reference'),
  people: z.object({
    leadReviewers: z.int(),
    reviewTeam: z.int(),
    caseGroup: z.int(),
  }),
  transitions: z.array(
    z.object({
      fromStage: z.string().nullable(),
      toStage: z.string(),
      toStageLabel: z.string(),
      action: z.string(),
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  myRoles: z.array(z.string()),
  version: z.int(),
  abilities: z.record(z.string(), z.boolean()),
});
export type ReviewDto = z.infer<typeof reviewDto>;

export const parallelProcessList = z.object({
  processes: z.array(parallelProcessDto),
  abilities: z.object({ manage: z.boolean() }),
});

export const listReviewsQuery = z.object({
  scope: z.enum(['all', 'mine'], { error: 'Choose all or mine' }).optional(),
});
