import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  type MeetingDto,
  type MeetingKind,
  type MeetingList,
  meetingKinds,
  type ScheduleReviewMeetingInput,
  type UpdateReviewMeetingInput,
} from '#domain/meeting/meeting.ts';
import { mayInReview, type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { meetingAttendees, meetings, participants } from '../db/schema/index.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { type MeetingCtx, type MeetingRow, seesAllMeetings } from './access.ts';

type Attendee = MeetingDto['attendees'][number];

/** Presents a meeting with its attendees and what the person may do with it. */
export function presentMeeting(ctx: ReviewCtx, row: MeetingRow, attendees: Attendee[]): MeetingDto {
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
    decisions: row.decisions,
    followUps: row.followUps,
    attendees,
    version: row.version,
    abilities: { update: mayInReview(ctx.actor, 'scheduleMeeting') },
  };
}

/** The attendees of each of the meetings, by meeting id, in name order. */
async function attendeesOf(ctx: ReviewCtx, meetingIds: string[]): Promise<Map<string, Attendee[]>> {
  const byMeeting = new Map<string, Attendee[]>(meetingIds.map((id) => [id, []]));
  if (meetingIds.length === 0) return byMeeting;
  const rows = await ctx.tx
    .select({
      meetingId: meetingAttendees.meetingId,
      participantId: participants.id,
      name: participants.name,
      role: participants.role,
    })
    .from(meetingAttendees)
    .innerJoin(participants, eq(participants.id, meetingAttendees.participantId))
    .where(inArray(meetingAttendees.meetingId, meetingIds))
    .orderBy(asc(participants.name));
  for (const r of rows) {
    byMeeting.get(r.meetingId)?.push({
      participantId: r.participantId,
      name: r.name,
      roleLabel: reviewRoles[r.role as ReviewRole] ?? r.role,
    });
  }
  return byMeeting;
}

/** Lists the review's meetings the person may see: all of them, or those they are invited to. */
export async function listMeetings(ctx: ReviewCtx): Promise<MeetingList> {
  const where = [eq(meetings.reviewId, ctx.review.id), eq(meetings.partnershipId, ctx.review.partnershipId)];
  const all = seesAllMeetings(ctx);
  let rows: MeetingRow[] = [];
  if (all) {
    rows = await ctx.tx
      .select()
      .from(meetings)
      .where(and(...where))
      .orderBy(asc(meetings.startsAt));
  } else if (ctx.participantIds.length > 0) {
    const invited = ctx.tx
      .selectDistinct({ id: meetingAttendees.meetingId })
      .from(meetingAttendees)
      .where(inArray(meetingAttendees.participantId, ctx.participantIds));
    rows = await ctx.tx
      .select()
      .from(meetings)
      .where(and(...where, inArray(meetings.id, invited)))
      .orderBy(asc(meetings.startsAt));
  }
  const attendees = await attendeesOf(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    review: { id: ctx.review.id, title: ctx.review.title },
    meetings: rows.map((r) => presentMeeting(ctx, r, attendees.get(r.id) ?? [])),
    abilities: { schedule: mayInReview(ctx.actor, 'scheduleMeeting'), viewAll: all },
  };
}

/** The meeting the person asked for, with its attendees. */
export async function getMeeting(ctx: MeetingCtx): Promise<MeetingDto> {
  const attendees = await attendeesOf(ctx, [ctx.meeting.id]);
  return presentMeeting(ctx, ctx.meeting, attendees.get(ctx.meeting.id) ?? []);
}

/**
 * Checks that every attendee is an active participant of this review (or, when changing a meeting,
 * already one of its attendees), refusing the request with a 400 naming the field otherwise.
 */
async function checkAttendees(
  ctx: ReviewCtx,
  ids: string[],
  alreadyInvited: string[] = [],
): Promise<string[]> {
  const wanted = [...new Set(ids)];
  const toCheck = wanted.filter((id) => !alreadyInvited.includes(id));
  if (toCheck.length === 0) return wanted;
  const found = await ctx.tx
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(
        inArray(participants.id, toCheck),
        eq(participants.reviewId, ctx.review.id),
        eq(participants.active, true),
      ),
    );
  if (found.length !== toCheck.length) {
    throw AppError.invalid([
      {
        path: 'attendeeParticipantIds',
        message: 'Choose attendees from the people taking part in this review',
      },
    ]);
  }
  return wanted;
}

async function setAttendees(ctx: ReviewCtx, meetingId: string, ids: string[]): Promise<void> {
  await ctx.tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
  if (ids.length === 0) return;
  await ctx.tx
    .insert(meetingAttendees)
    .values(
      ids.map((participantId) => ({ meetingId, participantId, partnershipId: ctx.review.partnershipId })),
    );
}

const blankToNull = (value: string | null | undefined) => (value ? value : null);

/** Schedules a meeting of the review with the chosen participants invited. */
export async function scheduleMeeting(
  ctx: ReviewCtx,
  input: ScheduleReviewMeetingInput,
): Promise<MeetingDto> {
  const attendeeIds = await checkAttendees(ctx, input.attendeeParticipantIds);
  const [row] = await ctx.tx
    .insert(meetings)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      kind: input.kind,
      title: input.title,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
      location: blankToNull(input.location),
      agenda: blankToNull(input.agenda),
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await setAttendees(ctx, row.id, attendeeIds);
  await auditAction(ctx, {
    action: 'meeting.scheduled',
    entityType: 'meeting',
    entityId: row.id,
    details: { reviewId: ctx.review.id, kind: row.kind, attendees: attendeeIds.length },
  });
  return getMeeting({ ...ctx, meeting: row });
}

const textFields = ['location', 'agenda', 'notes', 'decisions', 'followUps'] as const;

/** Changes a meeting (its details, attendees or record), refusing a change based on an old version. */
export async function updateMeeting(ctx: MeetingCtx, input: UpdateReviewMeetingInput): Promise<MeetingDto> {
  const current = ctx.meeting;
  const invited = await attendeesOf(ctx, [current.id]);
  const invitedIds = (invited.get(current.id) ?? []).map((a) => a.participantId);
  assertVersion(current, input.version, 'meeting', () =>
    presentMeeting(ctx, current, invited.get(current.id) ?? []),
  );
  const changes: Partial<typeof meetings.$inferInsert> = {};
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.title !== undefined) changes.title = input.title;
  if (input.startsAt !== undefined) changes.startsAt = new Date(input.startsAt);
  if (input.durationMinutes !== undefined) changes.durationMinutes = input.durationMinutes;
  for (const field of textFields) {
    if (input[field] !== undefined) changes[field] = blankToNull(input[field]);
  }
  const changed: string[] = Object.keys(changes);
  if (input.attendeeParticipantIds !== undefined) {
    const ids = await checkAttendees(ctx, input.attendeeParticipantIds, invitedIds);
    await setAttendees(ctx, current.id, ids);
    changed.push('attendeeParticipantIds');
  }
  const [row] = await ctx.tx
    .update(meetings)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(meetings.id, current.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await auditAction(ctx, {
    action: 'meeting.updated',
    entityType: 'meeting',
    entityId: row.id,
    details: { reviewId: ctx.review.id, changed, version: row.version },
  });
  return getMeeting({ ...ctx, meeting: row });
}
