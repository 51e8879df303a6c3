import { formatISO, parseISO, subDays } from 'date-fns';
import { addWorkingDays, type IsoDate } from '#domain/calendar/working-days.ts';
import { londonDate, notificationDueDate, rapidReviewDueDate } from '#domain/intake/deadlines.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { meetings, notifications, rapidReviewAgencyRequests, rapidReviews } from '../db/schema/index.ts';
import { partnershipCalendar } from './calendar.service.ts';

const iso = (d: Date): IsoDate => formatISO(d, { representation: 'date' });
const min = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/**
 * Loads the demo partnership's intake: a notification the local authority became aware of a week
 * ago, sent on time, with its rapid review under way (the first two agencies asked for summaries,
 * the first has replied) and a rapid review meeting booked. Fictional throughout.
 */
export async function seedDemoIntake(
  tx: Queryable,
  partnershipId: string,
  agencyIds: readonly string[],
  today: Date | IsoDate,
): Promise<{ notificationId: string; rapidReviewId: string }> {
  const todayIso = typeof today === 'string' ? today : londonDate(today);
  const calendar = await partnershipCalendar(tx, partnershipId);
  const awareDate = iso(subDays(parseISO(todayIso), 7));
  const submittedDate = min(addWorkingDays(calendar, awareDate, 2), todayIso);
  const audit = async (
    action: Parameters<typeof recordAudit>[1]['action'],
    entityType: string,
    entityId: string,
  ) =>
    recordAudit(tx, {
      partnershipId,
      actorUserId: null,
      action,
      entityType,
      entityId,
      details: { via: 'demo seed' },
    });

  const [notification] = await tx
    .insert(notifications)
    .values({
      partnershipId,
      childPseudonym: 'Child M',
      summary:
        'A 14-month-old was admitted to hospital with a head injury that is not explained by the account given.',
      incidentDate: iso(subDays(parseISO(awareDate), 1)),
      awareDate,
      dueDate: notificationDueDate(calendar, awareDate),
      submittedDate,
      outcome: 'serious_harm',
      abuseOrNeglect: 'suspected',
      lookedAfter: false,
      recipients: ['national_panel', 'ofsted', 'dfe', 'safeguarding_partners'],
      reference: 'SIN-DEMO-0001',
    })
    .returning();
  if (!notification) throw new Error('insert returned nothing');
  await audit('notification.created', 'notification', notification.id);

  const [review] = await tx
    .insert(rapidReviews)
    .values({
      partnershipId,
      notificationId: notification.id,
      startedDate: submittedDate,
      dueDate: rapidReviewDueDate(calendar, notification),
      immediateActions:
        'Siblings seen and safety plan agreed. Strategy discussion held; section 47 enquiries under way.',
    })
    .returning();
  if (!review) throw new Error('insert returned nothing');
  await audit('rapid_review.started', 'rapid_review', review.id);

  for (const [index, agencyId] of agencyIds.slice(0, 2).entries()) {
    const [request] = await tx
      .insert(rapidReviewAgencyRequests)
      .values({
        partnershipId,
        rapidReviewId: review.id,
        agencyId,
        requestedDate: submittedDate,
        repliedDate: index === 0 ? todayIso : null,
        notes: index === 0 ? 'Summary received; chronology of contacts attached to the secure folder.' : null,
      })
      .returning();
    if (!request) throw new Error('insert returned nothing');
    await audit('rapid_review.agency_asked', 'rapid_review_agency_request', request.id);
  }

  const meetingDay = addWorkingDays(calendar, todayIso, 3);
  const [meeting] = await tx
    .insert(meetings)
    .values({
      partnershipId,
      rapidReviewId: review.id,
      kind: 'rapid_review',
      title: 'Rapid review meeting: Child M',
      startsAt: new Date(`${meetingDay}T10:00:00Z`),
      durationMinutes: 120,
      location: 'Online (Teams)',
      agenda: 'Agency summaries; immediate safety; learning; decision on a local review.',
    })
    .returning();
  if (!meeting) throw new Error('insert returned nothing');
  await audit('rapid_review.meeting_scheduled', 'meeting', meeting.id);
  return { notificationId: notification.id, rapidReviewId: review.id };
}
