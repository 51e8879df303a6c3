import { z } from 'zod';
import { id, optionalText, timestamp } from '../shared/fields.ts';
import { type QualityPhase, qualityPhases } from './markers.ts';

/*
 * A review's self-assessment against the quality markers: per marker, an answer to each question,
 * a red/amber/green rating, the evidence (written, and what Sightlines already holds), and who
 * assessed it when. And the partners' monitoring of time and quality across their reviews, with the
 * written requests for a draft they may make.
 */

export const ratings = { green: 'Green', amber: 'Amber', red: 'Red' } as const;
export type Rating = keyof typeof ratings;
export const rating = z.enum(Object.keys(ratings) as [Rating, ...Rating[]], {
  error: 'Choose red, amber or green',
});

export const answers = { yes: 'Yes', partly: 'Partly', no: 'No' } as const;
export type Answer = keyof typeof answers;
export const answer = z.enum(Object.keys(answers) as [Answer, ...Answer[]], {
  error: 'Choose yes, partly or no',
});

export const qualityMarkerParams = z.object({
  partnershipId: id,
  reviewId: id,
  markerNumber: z.coerce.number({ error: 'Choose a quality marker' }).int().min(1).max(18),
});

export const assessQualityMarkerInput = z.object({
  version: z
    .int()
    .min(0)
    .describe('The version of this marker’s assessment the change was based on (0 before the first)'),
  rating: rating.nullable().describe('Null while the assessment is in progress'),
  answers: z
    .array(answer.nullable())
    .max(10)
    .describe('One answer per self-assessment question, in order; null where not answered yet'),
  evidence: optionalText('the evidence', 10_000).describe('What shows the marker is met, or why not'),
  acceptedEvidenceKeys: z
    .array(z.string().max(60))
    .max(20)
    .default([])
    .describe('Keys of the automatic evidence items the assessor relies on'),
});
export type AssessQualityMarkerInput = z.infer<typeof assessQualityMarkerInput>;

/** A fact Sightlines already holds that bears on a marker, offered to the assessor. */
export const autoEvidenceDto = z.object({
  key: z.string(),
  label: z.string().describe('What the fact is, like “Letter to the family”'),
  detail: z.string().describe('The fact itself, like “Sent on 3 March 2026”'),
  supports: z.boolean().nullable().describe('Whether it suggests the marker is met (null: neither)'),
  href: z.string().nullable().describe('Where in Sightlines to see it (a path in the web app)'),
});
export type AutoEvidenceDto = z.infer<typeof autoEvidenceDto>;

export const markerAssessmentDto = z.object({
  number: z.int(),
  phase: z.enum(Object.keys(qualityPhases) as [QualityPhase, ...QualityPhase[]]),
  phaseLabel: z.string(),
  title: z.string(),
  statement: z.string(),
  questions: z.array(z.object({ text: z.string(), answer: answer.nullable() })),
  rating: rating.nullable(),
  ratingLabel: z.string().nullable(),
  evidence: z.string(),
  autoEvidence: z.array(autoEvidenceDto),
  acceptedEvidenceKeys: z.array(z.string()),
  assessedByName: z.string().nullable(),
  assessedAt: timestamp.nullable(),
  version: z.int().describe('0 before the marker is first assessed'),
});
export type MarkerAssessmentDto = z.infer<typeof markerAssessmentDto>;

export const ratingCounts = z.object({
  green: z.int(),
  amber: z.int(),
  red: z.int(),
  notAssessed: z.int(),
});
export type RatingCounts = z.infer<typeof ratingCounts>;

export const qualitySummaryDto = z.object({
  markers: z.array(markerAssessmentDto),
  counts: ratingCounts,
  byPhase: z.array(z.object({ phase: z.string(), phaseLabel: z.string(), counts: ratingCounts })),
  abilities: z.object({ assess: z.boolean() }),
});
export type QualitySummaryDto = z.infer<typeof qualitySummaryDto>;

// ---------------------------------------------------------------------------------------------
// Monitoring across the partnership's reviews, and requests for a draft

export const recordDraftRequestInput = z.object({
  requestedOn: z.iso.date({ error: 'Enter the date of the request as a real date, like 2027-03-02' }),
  dueOn: z.iso
    .date({ error: 'Enter the date the draft is due as a real date, like 2027-03-16' })
    .nullable()
    .optional(),
  note: optionalText('the note', 2_000).describe('What was asked for and why'),
});
export const draftRequestDto = z.object({
  id,
  requestedOn: z.iso.date(),
  dueOn: z.iso.date().nullable(),
  note: z.string().nullable(),
  receivedOn: z.iso.date().nullable(),
  requestedByName: z.string().nullable(),
  createdAt: timestamp,
});
export type DraftRequestDto = z.infer<typeof draftRequestDto>;
export const draftRequestList = z.object({
  requests: z.array(draftRequestDto).describe('Newest request first'),
  abilities: z.object({
    record: z.boolean().describe('Whether the person may record requests and their arrival'),
  }),
});
export type DraftRequestList = z.infer<typeof draftRequestList>;
export const draftRequestParams = z.object({ partnershipId: id, reviewId: id, requestId: id });
export const markDraftReceivedInput = z.object({
  receivedOn: z.iso.date({ error: 'Enter the date the draft arrived as a real date, like 2027-03-10' }),
});

export const monitoringRowDto = z.object({
  reviewId: id,
  title: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  initiatedDate: z.iso.date(),
  targetPublicationDate: z.iso.date(),
  daysToTarget: z.int().describe('Negative once the target has passed'),
  overdueDeadlines: z.array(z.string()).describe('Labels of deadlines passed and not met'),
  nextDeadline: z.object({ label: z.string(), dueOn: z.iso.date() }).nullable(),
  quality: ratingCounts,
  latestDraftRequest: draftRequestDto.nullable(),
});
export type MonitoringRowDto = z.infer<typeof monitoringRowDto>;
export const monitoringDto = z.object({
  reviews: z.array(monitoringRowDto),
  totals: ratingCounts.describe('Quality marker ratings across every review'),
});
export type MonitoringDto = z.infer<typeof monitoringDto>;
