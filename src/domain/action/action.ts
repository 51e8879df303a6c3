import { z } from 'zod';
import { id, optionalText, requiredText, timestamp } from '../shared/fields.ts';

/*
 * After the review: the board's written response to each finding and its issues, published beside
 * the report; the action plan that follows (actions owned by an agency, with a due date, a measure
 * of success and, at the end, evidence that practice actually improved); and the one-page learning
 * briefing for frontline staff.
 */

// ---------------------------------------------------------------------------------------------
// The board's response

export const boardResponseParams = z.object({ partnershipId: id, reviewId: id, findingId: id });

export const recordBoardResponseInput = z.object({
  version: z
    .int()
    .min(0)
    .describe('The version of this finding’s response the change was based on (0 before the first)'),
  response: requiredText('the board’s response', 20_000),
  agreedOn: z.iso
    .date({ error: 'Enter the date the board agreed it as a real date, like 2027-03-02' })
    .nullable()
    .optional()
    .describe('Empty while the response is a draft'),
});
export type RecordBoardResponseInput = z.infer<typeof recordBoardResponseInput>;

export const findingResponseDto = z.object({
  findingId: id,
  findingNumber: z.int(),
  statement: z.string(),
  boardQuestions: z.array(z.string()),
  recommendations: z.array(z.object({ text: z.string(), addressee: z.string().nullable() })),
  response: z.string().nullable(),
  agreedOn: z.iso.date().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: timestamp.nullable(),
  version: z.int().describe('0 before a response is recorded'),
  actionCount: z.int(),
});
export type FindingResponseDto = z.infer<typeof findingResponseDto>;

export const boardResponseDto = z.object({
  findings: z.array(findingResponseDto),
  agreedCount: z.int(),
  abilities: z.object({ record: z.boolean(), download: z.boolean() }),
});
export type BoardResponseDto = z.infer<typeof boardResponseDto>;

export const documentFormatParams = z.object({
  partnershipId: id,
  reviewId: id,
  format: z.enum(['docx', 'pdf'], { error: 'Choose docx or pdf' }),
});

// ---------------------------------------------------------------------------------------------
// Actions

export const actionStatuses = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  impact_verified: 'Impact verified',
} as const;
export type ActionStatus = keyof typeof actionStatuses;
export const actionStatus = z.enum(Object.keys(actionStatuses) as [ActionStatus, ...ActionStatus[]], {
  error: 'Choose the action’s status',
});

export const impactEvidenceKinds = {
  audit: 'An audit',
  data: 'Data',
  feedback: 'Feedback from practitioners or families',
  other: 'Other evidence',
} as const;
export type ImpactEvidenceKind = keyof typeof impactEvidenceKinds;
export const impactEvidenceKind = z.enum(
  Object.keys(impactEvidenceKinds) as [ImpactEvidenceKind, ...ImpactEvidenceKind[]],
  { error: 'Choose what kind of evidence shows the impact' },
);

/** What an action answers: the finding as a whole, one of its issues for the board, or one of its recommendations. */
export const actionTargets = {
  finding: 'The finding',
  question: 'An issue for the board',
  recommendation: 'A recommendation',
} as const;
export type ActionTarget = keyof typeof actionTargets;
export const actionTarget = z.enum(Object.keys(actionTargets) as [ActionTarget, ...ActionTarget[]], {
  error: 'Choose what the action answers',
});

export const actionParams = z.object({ partnershipId: id, reviewId: id, actionId: id });

const actionFields = {
  findingId: id,
  target: actionTarget.default('finding'),
  targetIndex: z
    .int()
    .min(0)
    .nullable()
    .optional()
    .describe('For an issue for the board or a recommendation: its position in the finding (0 is the first)'),
  description: requiredText('what will be done', 2_000),
  ownerAgencyId: id.nullable().optional(),
  ownerName: optionalText('who owns it', 200).nullable().describe('The person or role accountable'),
  dueOn: z.iso.date({ error: 'Enter the due date as a real date, like 2027-06-30' }).nullable().optional(),
  successMeasure: optionalText('the measure of success', 2_000).nullable(),
};
export const createActionInput = z.object(actionFields);
export type CreateActionInput = z.infer<typeof createActionInput>;
export const updateActionInput = z.object({
  ...actionFields,
  status: actionStatus,
  completedOn: z.iso
    .date({ error: 'Enter the date it was done as a real date, like 2027-06-30' })
    .nullable()
    .optional(),
  impactEvidenceKind: impactEvidenceKind.nullable().optional(),
  impactEvidence: optionalText('the evidence of impact', 5_000).nullable(),
  progressNote: optionalText('the progress note', 5_000).nullable(),
  version: z.int().min(1),
});
export type UpdateActionInput = z.infer<typeof updateActionInput>;

export const listActionsQuery = z.object({
  status: actionStatus.optional(),
  reviewId: id.optional(),
  agencyId: id.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('Only actions past their due date and not done'),
});

export const actionDto = z.object({
  id,
  reviewId: id,
  reviewTitle: z.string(),
  findingId: id,
  findingNumber: z.int(),
  findingStatement: z.string(),
  target: actionTarget,
  targetIndex: z.int().nullable(),
  targetText: z.string().describe('The finding, issue for the board or recommendation it answers'),
  description: z.string(),
  ownerAgency: z.object({ id, name: z.string() }).nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.iso.date().nullable(),
  successMeasure: z.string().nullable(),
  status: actionStatus,
  statusLabel: z.string(),
  completedOn: z.iso.date().nullable(),
  impactEvidenceKind: impactEvidenceKind.nullable(),
  impactEvidence: z.string().nullable(),
  progressNote: z.string().nullable(),
  overdue: z.boolean(),
  dueSoon: z.boolean().describe('Due within the next 14 days and not done'),
  version: z.int(),
  updatedAt: timestamp,
  abilities: z.object({ edit: z.boolean() }),
});
export type ActionDto = z.infer<typeof actionDto>;

export const actionList = z.object({
  actions: z.array(actionDto),
  counts: z.object({
    open: z.int(),
    in_progress: z.int(),
    done: z.int(),
    impact_verified: z.int(),
    overdue: z.int(),
  }),
  abilities: z.object({ export: z.boolean() }),
});
export type ActionList = z.infer<typeof actionList>;
