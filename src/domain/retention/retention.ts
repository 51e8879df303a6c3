import { z } from 'zod';
import { id, requiredText, version } from '../shared/fields.ts';
import { maxRetainYears, minRetainYears } from './rules.ts';

const person = z.object({ id, name: z.string() });

export const retentionPolicyDto = z.object({
  retainYears: z.int(),
  /** True while the partnership has not chosen a period of its own. */
  isDefault: z.boolean(),
  defaultRetainYears: z.int(),
  minRetainYears: z.int(),
  maxRetainYears: z.int(),
  version: z.int(),
  updatedAt: z.string().nullable(),
  updatedBy: person.nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export type RetentionPolicyDto = z.infer<typeof retentionPolicyDto>;

export const updateRetentionPolicyInput = z.object({
  retainYears: z
    .int({ error: 'Enter the number of years as a whole number' })
    .min(minRetainYears, { error: `Enter at least ${minRetainYears} year` })
    .max(maxRetainYears, { error: `Enter ${maxRetainYears} years or fewer` }),
  version,
});
export type UpdateRetentionPolicyInput = z.infer<typeof updateRetentionPolicyInput>;

export const reviewDueForErasureDto = z.object({
  id,
  title: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  publishedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  retentionStartsOn: z.string(),
  dueOn: z.string(),
});
export type ReviewDueForErasureDto = z.infer<typeof reviewDueForErasureDto>;

export const reviewsDueForErasureList = z.object({
  retainYears: z.int(),
  today: z.string(),
  reviews: z.array(reviewDueForErasureDto),
});
export type ReviewsDueForErasureList = z.infer<typeof reviewsDueForErasureList>;

export const reviewErasureParams = z.object({ partnershipId: id, reviewId: id });

export const eraseReviewInput = z.object({
  reason: requiredText('the reason for erasing the personal data', 2000),
  confirmReference: requiredText('the review’s name to confirm', 500),
});
export type EraseReviewInput = z.infer<typeof eraseReviewInput>;

export const erasureCountDto = z.object({ kind: z.string(), label: z.string(), count: z.int() });

export const reviewErasureDto = z.object({
  reason: z.string(),
  counts: z.array(erasureCountDto),
  erasedBy: person.nullable(),
  erasedAt: z.string(),
});
export type ReviewErasureDto = z.infer<typeof reviewErasureDto>;

/** Whether a review's personal data has been erased, and whether it may be. */
export const reviewErasureStatusDto = z.object({
  reviewId: id,
  /** What must be typed again to confirm an erasure: the review's name as the partnership knows it. */
  reference: z.string(),
  erased: z.boolean(),
  erasure: reviewErasureDto.nullable(),
  retentionStartsOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** Why it may not be erased now; null when it may (or when it is already erased). */
  refusal: z.string().nullable(),
  abilities: z.object({ erase: z.boolean() }),
});
export type ReviewErasureStatusDto = z.infer<typeof reviewErasureStatusDto>;

export const subjectAccessQuery = z
  .object({
    userId: id.optional(),
    participantId: id.optional(),
  })
  .refine((q) => q.userId !== undefined || q.participantId !== undefined, {
    error: 'Choose an account or a person named in a review',
    path: ['userId'],
  });
export type SubjectAccessQuery = z.infer<typeof subjectAccessQuery>;

const rows = z.array(z.record(z.string(), z.unknown()));

/** Everything a partnership holds about one person, as downloaded for a subject access request. */
export const subjectAccessExportDto = z.object({
  exportedAt: z.string(),
  partnership: z.object({ id, name: z.string() }),
  subject: z.object({ userId: id.nullable(), participantIds: z.array(id), names: z.array(z.string()) }),
  account: z.record(z.string(), z.unknown()).nullable(),
  memberships: rows,
  participations: rows,
  conversations: rows,
  documentsUploaded: rows,
  comments: rows,
  meetingsAttended: rows,
  actionsOwned: rows,
  auditEvents: rows,
  notes: z.array(z.string()),
});
export type SubjectAccessExportDto = z.infer<typeof subjectAccessExportDto>;
