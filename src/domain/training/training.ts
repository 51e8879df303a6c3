import { z } from 'zod';
import { emailAddress, id, optionalText, requiredText, timestamp } from '../shared/fields.ts';

/*
 * The partnership's pool of reviewers (trained, accredited or lapsed, with their expertise,
 * availability and declared conflicts) and its training programme: cohorts of trainees, each with a
 * supervisor and a supervised practice review, and the milestones on the way to accreditation.
 */

export const accreditationStatuses = {
  trainee: 'Trainee',
  accredited: 'Accredited',
  lapsed: 'Lapsed',
} as const;
export type AccreditationStatus = keyof typeof accreditationStatuses;
export const accreditationStatus = z.enum(
  Object.keys(accreditationStatuses) as [AccreditationStatus, ...AccreditationStatus[]],
  { error: 'Choose trainee, accredited or lapsed' },
);

export const reviewerParams = z.object({ partnershipId: id, reviewerId: id });
export const cohortParams = z.object({ partnershipId: id, cohortId: id });

const conflict = z.object({
  agencyId: id
    .nullable()
    .optional()
    .describe('The agency the conflict is with, if it is one of the partnership’s'),
  description: requiredText('the conflict', 500),
});

const reviewerFields = {
  name: requiredText('the reviewer’s name', 200),
  email: emailAddress.nullable().optional(),
  userId: id.nullable().optional().describe('Their Sightlines account, if they have one in this partnership'),
  status: accreditationStatus,
  accreditingBody: optionalText('the accrediting body', 200).nullable(),
  accreditedOn: z.iso
    .date({ error: 'Enter the accreditation date as a real date, like 2026-03-02' })
    .nullable()
    .optional(),
  cohortId: id.nullable().optional(),
  supervisorReviewerId: id.nullable().optional().describe('For a trainee: the reviewer who supervises them'),
  practiceReviewId: id
    .nullable()
    .optional()
    .describe('For a trainee: the review they carry out as their practice review'),
  expertise: z.array(requiredText('the area of expertise', 100)).max(20).default([]),
  availability: optionalText('the availability', 500).nullable(),
  conflicts: z.array(conflict).max(20).default([]),
};
export const createReviewerInput = z.object(reviewerFields);
export type CreateReviewerInput = z.infer<typeof createReviewerInput>;
export const updateReviewerInput = z.object({ ...reviewerFields, version: z.int().min(1) });
export type UpdateReviewerInput = z.infer<typeof updateReviewerInput>;

export const listReviewersQuery = z.object({
  forReviewId: id.optional().describe('Warn about conflicts and accreditation for commissioning this review'),
  status: accreditationStatus.optional(),
});

export const reviewerWarningDto = z.object({
  code: z.enum(['lapsed', 'trainee_needs_supervisor', 'conflict', 'not_accredited']),
  message: z.string(),
});
export const reviewerDto = z.object({
  id,
  name: z.string(),
  email: z.string().nullable(),
  userId: id.nullable(),
  status: accreditationStatus,
  statusLabel: z.string(),
  accreditingBody: z.string().nullable(),
  accreditedOn: z.iso.date().nullable(),
  cohort: z.object({ id, name: z.string() }).nullable(),
  supervisor: z.object({ id, name: z.string() }).nullable(),
  practiceReview: z.object({ id, title: z.string() }).nullable(),
  expertise: z.array(z.string()),
  availability: z.string().nullable(),
  conflicts: z.array(
    z.object({ agencyId: id.nullable(), agencyName: z.string().nullable(), description: z.string() }),
  ),
  warnings: z
    .array(reviewerWarningDto)
    .describe('Only when listed for a review: what to weigh before choosing them'),
  version: z.int(),
});
export type ReviewerDto = z.infer<typeof reviewerDto>;
export const reviewerList = z.object({
  reviewers: z.array(reviewerDto),
  abilities: z.object({ manage: z.boolean() }),
});

// ---------------------------------------------------------------------------------------------
// Training programme

export const createCohortInput = z.object({
  name: requiredText('the cohort’s name, like “2027 cohort”', 120),
  startsOn: z.iso.date({ error: 'Enter the start date as a real date, like 2027-01-23' }),
  provider: optionalText('who runs the training', 200).nullable(),
  notes: optionalText('the notes', 5_000).nullable(),
});
export const cohortDto = z.object({
  id,
  name: z.string(),
  startsOn: z.iso.date(),
  provider: z.string().nullable(),
  notes: z.string().nullable(),
  trainees: z.array(z.object({ id, name: z.string(), status: accreditationStatus, milestonesDone: z.int() })),
  createdAt: timestamp,
});
export type CohortDto = z.infer<typeof cohortDto>;
export const cohortList = z.object({
  cohorts: z.array(cohortDto),
  abilities: z.object({ manage: z.boolean() }),
});

export const milestoneKinds = {
  training_day: 'Training day',
  group_supervision: 'Group supervision session',
  individual_session: 'Individual session while writing the report',
  practice_review_qa: 'Quality assurance of the practice review',
  assessment_outcome: 'Assessment outcome',
  accreditation: 'Accreditation',
} as const;
export type MilestoneKind = keyof typeof milestoneKinds;
export const milestoneKind = z.enum(Object.keys(milestoneKinds) as [MilestoneKind, ...MilestoneKind[]], {
  error: 'Choose the kind of milestone',
});
export const recordTrainingMilestoneInput = z.object({
  kind: milestoneKind,
  on: z.iso.date({ error: 'Enter the date as a real date, like 2027-02-03' }),
  outcome: optionalText('the outcome', 200)
    .nullable()
    .describe('For an assessment: passed, or not yet, and why'),
  notes: optionalText('the notes', 5_000).nullable(),
});
export const milestoneDto = z.object({
  id,
  kind: milestoneKind,
  kindLabel: z.string(),
  on: z.iso.date(),
  outcome: z.string().nullable(),
  notes: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export const trainingRecordDto = z.object({
  reviewer: reviewerDto,
  milestones: z.array(milestoneDto),
  /** Milestones the programme expects that are not recorded yet. */
  outstanding: z.array(z.string()),
  abilities: z.object({ record: z.boolean() }),
});
export type TrainingRecordDto = z.infer<typeof trainingRecordDto>;
