import { z } from 'zod';
import { meetingKind } from '../meeting/meeting.ts';
import { deadlineDto } from '../review/review.ts';
import { id } from '../shared/fields.ts';
import { abuseOrNeglect, incidentOutcome, notificationRecipient, rapidReviewDecision } from './intake.ts';

/** A deadline as the review dashboard shows one, plus what intake's working-day clocks need. */
export const intakeDeadlineDto = deadlineDto.extend({
  workingDaysLeft: z.int().describe('Working days after today up to the due date; negative when overdue'),
  doneDate: z.string().nullable().describe('When it was done (notification sent, rapid review sent)'),
  late: z.boolean().describe('Done after the due date'),
});
export type IntakeDeadlineDto = z.infer<typeof intakeDeadlineDto>;

export const rapidReviewStatuses = {
  gathering: 'Gathering information',
  decided: 'Decision made',
  sent_to_panel: 'Sent to the panel',
  panel_replied: 'Panel replied',
} as const;
export type RapidReviewStatus = keyof typeof rapidReviewStatuses;
const rapidReviewStatus = z.enum(
  Object.keys(rapidReviewStatuses) as [RapidReviewStatus, ...RapidReviewStatus[]],
);

/** Where a rapid review has got to, from what has been recorded. */
export function rapidReviewStatusOf(r: {
  decision: string | null;
  sentToPanelDate: string | null;
  panelResponseDate: string | null;
}): RapidReviewStatus {
  if (r.panelResponseDate) return 'panel_replied';
  if (r.sentToPanelDate) return 'sent_to_panel';
  if (r.decision) return 'decided';
  return 'gathering';
}

export const notificationStatuses = { not_sent: 'Not sent yet', sent: 'Sent' } as const;
export type NotificationStatus = keyof typeof notificationStatuses;

export const notificationDto = z.object({
  id,
  childPseudonym: z.string(),
  summary: z.string().nullable(),
  incidentDate: z.string(),
  awareDate: z.string(),
  submittedDate: z.string().nullable(),
  outcome: incidentOutcome,
  outcomeLabel: z.string(),
  abuseOrNeglect,
  abuseOrNeglectLabel: z.string(),
  lookedAfter: z.boolean(),
  recipients: z.array(notificationRecipient),
  recipientLabels: z.array(z.string()),
  reference: z.string().nullable(),
  status: z.enum(['not_sent', 'sent']),
  statusLabel: z.string(),
  deadline: intakeDeadlineDto,
  rapidReview: z
    .object({ id, status: rapidReviewStatus, statusLabel: z.string(), deadline: intakeDeadlineDto })
    .nullable(),
  version: z.int(),
  createdAt: z.string(),
  abilities: z.object({ update: z.boolean(), startRapidReview: z.boolean() }),
});
export type NotificationDto = z.infer<typeof notificationDto>;

export const notificationList = z.object({
  notifications: z.array(notificationDto),
  abilities: z.object({ create: z.boolean(), manageCalendar: z.boolean() }),
});
export type NotificationList = z.infer<typeof notificationList>;

export const rapidReviewSummaryDto = z.object({
  id,
  notificationId: id,
  childPseudonym: z.string(),
  startedDate: z.string(),
  deadline: intakeDeadlineDto,
  status: rapidReviewStatus,
  statusLabel: z.string(),
  decision: rapidReviewDecision.nullable(),
  decisionLabel: z.string().nullable(),
  agencies: z.object({ asked: z.int(), replied: z.int() }),
});
export type RapidReviewSummaryDto = z.infer<typeof rapidReviewSummaryDto>;

export const rapidReviewList = z.object({ rapidReviews: z.array(rapidReviewSummaryDto) });
export type RapidReviewList = z.infer<typeof rapidReviewList>;

export const agencyRequestDto = z.object({
  id,
  agencyId: id,
  agencyName: z.string(),
  requestedDate: z.string(),
  repliedDate: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.int(),
  abilities: z.object({ update: z.boolean() }),
});
export type AgencyRequestDto = z.infer<typeof agencyRequestDto>;

export const rapidReviewMeetingDto = z.object({
  id,
  kind: meetingKind,
  kindLabel: z.string(),
  title: z.string(),
  startsAt: z.string(),
  durationMinutes: z.int(),
  location: z.string().nullable(),
  agenda: z.string().nullable(),
  notes: z.string().nullable(),
  version: z.int(),
});
export type RapidReviewMeetingDto = z.infer<typeof rapidReviewMeetingDto>;

export const rapidReviewDto = rapidReviewSummaryDto.extend({
  notification: z.object({
    id,
    childPseudonym: z.string(),
    incidentDate: z.string(),
    awareDate: z.string(),
    submittedDate: z.string().nullable(),
    outcomeLabel: z.string(),
  }),
  immediateActions: z.string().nullable(),
  learningIdentified: z.string().nullable(),
  decisionRationale: z.string().nullable(),
  decisionDate: z.string().nullable(),
  sentToPanelDate: z.string().nullable(),
  panelResponseDate: z.string().nullable(),
  panelAgrees: z.boolean().nullable(),
  panelResponse: z.string().nullable(),
  agencyRequests: z.array(agencyRequestDto),
  meetings: z.array(rapidReviewMeetingDto),
  version: z.int(),
  reviewId: id.nullable().describe('The review commissioned from this rapid review, if any'),
  abilities: z.object({
    update: z.boolean(),
    askAgency: z.boolean(),
    scheduleMeeting: z.boolean(),
    commissionReview: z
      .boolean()
      .describe('A local or other learning review was decided and none is commissioned yet'),
  }),
});
export type RapidReviewDto = z.infer<typeof rapidReviewDto>;

export const calendarClosureDto = z.object({ id, date: z.string(), name: z.string() });
export type CalendarClosureDto = z.infer<typeof calendarClosureDto>;

export const calendarClosureList = z.object({
  closures: z.array(calendarClosureDto),
  bankHolidays: z
    .array(z.object({ date: z.string(), name: z.string() }))
    .describe('England and Wales bank holidays this year and next, for reference'),
  abilities: z.object({ add: z.boolean(), remove: z.boolean() }),
});
export type CalendarClosureList = z.infer<typeof calendarClosureList>;
