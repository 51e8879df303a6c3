import type { WorkingDayCalendar } from '#domain/calendar/working-days.ts';
import { intakeDeadline, londonDate } from '#domain/intake/deadlines.ts';
import {
  type AbuseOrNeglect,
  abuseOrNeglectKinds,
  type IncidentOutcome,
  incidentOutcomes,
  type NotificationRecipient,
  notificationRecipients,
  type RapidReviewDecision,
  rapidReviewDecisions,
} from '#domain/intake/intake.ts';
import {
  type AgencyRequestDto,
  type NotificationDto,
  notificationStatuses,
  type RapidReviewMeetingDto,
  type RapidReviewSummaryDto,
  rapidReviewStatuses,
  rapidReviewStatusOf,
} from '#domain/intake/intake-dto.ts';
import { type MeetingKind, meetingKinds } from '#domain/meeting/meeting.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import type { meetings, notifications, rapidReviewAgencyRequests, rapidReviews } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type RapidReviewRow = typeof rapidReviews.$inferSelect;
export type AgencyRequestRow = typeof rapidReviewAgencyRequests.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;

/** What presenting needs besides the rows: who is asking, the partnership's calendar and today. */
export type PresentCtx = { ctx: MemberCtx; calendar: WorkingDayCalendar; today: string };

/** What presenting needs for a request, with today's date in England. */
export const presentCtx = (ctx: MemberCtx, calendar: WorkingDayCalendar): PresentCtx => ({
  ctx,
  calendar,
  today: londonDate(ctx.now),
});

/** Whether the person may manage intake (record and change notifications and rapid reviews). */
export const mayManage = (ctx: MemberCtx) =>
  mayInPartnership({ userId: ctx.principal.userId, role: ctx.membership.role }, 'manageIntake');

/** The rapid review's deadline: due 15 working days after the notification, met when sent to the panel. */
export const rapidReviewDeadline = (p: PresentCtx, r: RapidReviewRow) =>
  intakeDeadline(p.calendar, 'Rapid review due', r.dueDate, r.sentToPanelDate, p.today);

/** Presents a notification with its deadline, its rapid review if started, and what the person may do. */
export function presentNotification(
  p: PresentCtx,
  row: NotificationRow,
  rapidReview: RapidReviewRow | null,
): NotificationDto {
  const status = row.submittedDate ? 'sent' : 'not_sent';
  const may = mayManage(p.ctx);
  return {
    id: row.id,
    childPseudonym: row.childPseudonym,
    summary: row.summary,
    incidentDate: row.incidentDate,
    awareDate: row.awareDate,
    submittedDate: row.submittedDate,
    outcome: row.outcome as IncidentOutcome,
    outcomeLabel: incidentOutcomes[row.outcome as IncidentOutcome] ?? row.outcome,
    abuseOrNeglect: row.abuseOrNeglect as AbuseOrNeglect,
    abuseOrNeglectLabel: abuseOrNeglectKinds[row.abuseOrNeglect as AbuseOrNeglect] ?? row.abuseOrNeglect,
    lookedAfter: row.lookedAfter,
    recipients: row.recipients as NotificationRecipient[],
    recipientLabels: row.recipients.map((r) => notificationRecipients[r as NotificationRecipient] ?? r),
    reference: row.reference,
    status,
    statusLabel: notificationStatuses[status],
    deadline: intakeDeadline(p.calendar, 'Notification due', row.dueDate, row.submittedDate, p.today),
    rapidReview: rapidReview
      ? {
          id: rapidReview.id,
          status: rapidReviewStatusOf(rapidReview),
          statusLabel: rapidReviewStatuses[rapidReviewStatusOf(rapidReview)],
          deadline: rapidReviewDeadline(p, rapidReview),
        }
      : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    abilities: { update: may, startRapidReview: may && !rapidReview },
  };
}

/** Presents a rapid review for a list: its deadline, status, decision and how many agencies replied. */
export function presentRapidReviewSummary(
  p: PresentCtx,
  row: RapidReviewRow,
  childPseudonym: string,
  agencies: { asked: number; replied: number },
): RapidReviewSummaryDto {
  const status = rapidReviewStatusOf(row);
  const decision = row.decision as RapidReviewDecision | null;
  return {
    id: row.id,
    notificationId: row.notificationId,
    childPseudonym,
    startedDate: row.startedDate,
    deadline: rapidReviewDeadline(p, row),
    status,
    statusLabel: rapidReviewStatuses[status],
    decision,
    decisionLabel: decision ? (rapidReviewDecisions[decision] ?? decision) : null,
    agencies,
  };
}

/** Presents an agency's summary request. */
export function presentAgencyRequest(
  p: PresentCtx,
  row: AgencyRequestRow,
  agencyName: string,
): AgencyRequestDto {
  return {
    id: row.id,
    agencyId: row.agencyId,
    agencyName,
    requestedDate: row.requestedDate,
    repliedDate: row.repliedDate,
    notes: row.notes,
    version: row.version,
    abilities: { update: mayManage(p.ctx) },
  };
}

/** Presents a rapid review meeting. */
export function presentMeeting(row: MeetingRow): RapidReviewMeetingDto {
  return {
    id: row.id,
    kind: row.kind as MeetingKind,
    kindLabel: meetingKinds[row.kind as MeetingKind] ?? row.kind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    durationMinutes: row.durationMinutes,
    location: row.location,
    agenda: row.agenda,
    notes: row.notes,
    version: row.version,
  };
}
