import { z } from 'zod';
import { scheduleMeetingInput } from '../meeting/meeting.ts';
import { id, optionalText, requiredText, version } from '../shared/fields.ts';

/** Whether the child died or was seriously harmed: half of what makes a serious child safeguarding case. */
export const incidentOutcomes = {
  death: 'The child died',
  serious_harm: 'The child was seriously harmed',
} as const;
export type IncidentOutcome = keyof typeof incidentOutcomes;

/** Whether abuse or neglect is known or suspected: the other half. */
export const abuseOrNeglectKinds = {
  known: 'Abuse or neglect is known',
  suspected: 'Abuse or neglect is suspected',
} as const;
export type AbuseOrNeglect = keyof typeof abuseOrNeglectKinds;

/** Who a serious incident notification goes to. */
export const notificationRecipients = {
  national_panel: 'Child Safeguarding Practice Review Panel',
  ofsted: 'Ofsted',
  dfe: 'Department for Education',
  safeguarding_partners: 'Local safeguarding partners',
} as const;
export type NotificationRecipient = keyof typeof notificationRecipients;

/** What the partners decided at the end of a rapid review. */
export const rapidReviewDecisions = {
  lcspr: 'Local child safeguarding practice review',
  no_further_review: 'No further review',
  national_review: 'Refer for a national review',
  other_learning: 'Other learning activity',
} as const;
export type RapidReviewDecision = keyof typeof rapidReviewDecisions;

const keys = <T extends Record<string, string>>(o: T) =>
  Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const incidentOutcome = z.enum(keys(incidentOutcomes), {
  error: 'Select whether the child died or was seriously harmed',
});
export const abuseOrNeglect = z.enum(keys(abuseOrNeglectKinds), {
  error: 'Select whether abuse or neglect is known or suspected',
});
export const notificationRecipient = z.enum(keys(notificationRecipients), {
  error: 'Select who the notification was sent to from the list',
});
export const rapidReviewDecision = z.enum(keys(rapidReviewDecisions), {
  error: 'Select the decision from the list',
});

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A calendar date as `YYYY-MM-DD`, with GOV.UK-style messages ("Enter …", "… must be a real date"). */
export const dateField = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .pipe(z.iso.date({ error: `${capitalise(label.replace(/^the /, ''))} must be a real date` }));

/** A date that may be left out or cleared (null). */
export const optionalDateField = (label: string) => dateField(label).nullable().optional();

const nullableText = (label: string, max: number) => optionalText(label, max).nullable();

/**
 * Field labels shared by the schemas, the rules and the web form, so that a message names the
 * field as the form does.
 */
export const intakeLabels = {
  incidentDate: 'the date of the incident',
  awareDate: 'the date the local authority became aware',
  submittedDate: 'the date the notification was sent',
  startedDate: 'the date the rapid review started',
  decisionDate: 'the date of the decision',
  sentToPanelDate: 'the date the rapid review was sent to the panel',
  panelResponseDate: 'the date of the panel’s reply',
  requestedDate: 'the date the agency was asked',
  repliedDate: 'the date the agency replied',
} as const;

const notificationFields = {
  childPseudonym: requiredText('a pseudonym for the child, like Child A', 60),
  summary: nullableText('the summary', 2000),
  incidentDate: dateField(intakeLabels.incidentDate),
  awareDate: dateField(intakeLabels.awareDate),
  submittedDate: optionalDateField(intakeLabels.submittedDate),
  outcome: incidentOutcome,
  abuseOrNeglect,
  lookedAfter: z.boolean({ error: 'Select whether the child was looked after by the local authority' }),
  recipients: z
    .array(notificationRecipient, { error: 'Select who the notification was sent to' })
    .max(4)
    .transform((list) => [...new Set(list)]),
  reference: nullableText('the reference', 100),
};

/** Recording a serious incident notification. The child is named only by a pseudonym. */
export const createNotificationInput = z.object({
  ...notificationFields,
  recipients: notificationFields.recipients.default([]),
});
export type CreateNotificationInput = z.infer<typeof createNotificationInput>;

/** Changing a notification: any of its fields, with the version the change is based on. */
export const updateNotificationInput = z.object(notificationFields).partial().extend({ version });
export type UpdateNotificationInput = z.infer<typeof updateNotificationInput>;

/** Starting the rapid review of a notification; the start date defaults to today. */
export const createRapidReviewInput = z.object({
  startedDate: dateField(intakeLabels.startedDate).optional(),
});
export type CreateRapidReviewInput = z.infer<typeof createRapidReviewInput>;

export const updateRapidReviewInput = z.object({
  startedDate: dateField(intakeLabels.startedDate).optional(),
  immediateActions: nullableText('the immediate actions', 10_000),
  learningIdentified: nullableText('the learning identified', 10_000),
  decision: rapidReviewDecision.nullable().optional(),
  decisionRationale: nullableText('the reasons for the decision', 10_000),
  decisionDate: optionalDateField(intakeLabels.decisionDate),
  sentToPanelDate: optionalDateField(intakeLabels.sentToPanelDate),
  panelResponseDate: optionalDateField(intakeLabels.panelResponseDate),
  panelAgrees: z
    .boolean({ error: 'Select whether the panel agreed with the decision' })
    .nullable()
    .optional(),
  panelResponse: nullableText('the panel’s reply', 10_000),
  version,
});
export type UpdateRapidReviewInput = z.infer<typeof updateRapidReviewInput>;

export const addAgencyRequestInput = z.object({
  agencyId: z.uuid({ error: 'Select an agency' }),
  requestedDate: dateField(intakeLabels.requestedDate).optional(),
  notes: nullableText('the notes', 4000),
});
export type AddAgencyRequestInput = z.infer<typeof addAgencyRequestInput>;

export const updateAgencyRequestInput = z.object({
  repliedDate: optionalDateField(intakeLabels.repliedDate),
  notes: nullableText('the notes', 4000),
  version,
});
export type UpdateAgencyRequestInput = z.infer<typeof updateAgencyRequestInput>;

const meetingShape = scheduleMeetingInput.shape;
export const scheduleRapidReviewMeetingInput = z.object({
  title: meetingShape.title,
  startsAt: meetingShape.startsAt,
  durationMinutes: meetingShape.durationMinutes.default(120),
  location: meetingShape.location,
  agenda: meetingShape.agenda,
  notes: nullableText('the notes', 50_000),
});
export type ScheduleRapidReviewMeetingInput = z.infer<typeof scheduleRapidReviewMeetingInput>;

export const addCalendarClosureInput = z.object({
  date: dateField('the date'),
  name: requiredText('a name for the day, like Substitute bank holiday', 100),
});
export type AddCalendarClosureInput = z.infer<typeof addCalendarClosureInput>;

export const notificationParams = z.object({ partnershipId: id, notificationId: id });
export const rapidReviewParams = z.object({ partnershipId: id, rapidReviewId: id });
export const agencyRequestParams = z.object({ partnershipId: id, rapidReviewId: id, requestId: id });
export const closureParams = z.object({ partnershipId: id, closureId: id });
