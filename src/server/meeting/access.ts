import { and, eq, inArray } from 'drizzle-orm';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { meetingAttendees, meetings } from '../db/schema/index.ts';
import type { Ctx } from '../http/context.ts';
import { type ReviewCtx, reviewAccess } from '../review/access.ts';

export type MeetingRow = typeof meetings.$inferSelect;

/** A request about one meeting of a review: the review context and the meeting row. */
export type MeetingCtx = ReviewCtx & { meeting: MeetingRow };

/** Whether the person sees every meeting of the review, not only those they are invited to. */
export const seesAllMeetings = (ctx: ReviewCtx) => mayInReview(ctx.actor, 'viewAllMeetings');

/**
 * Route access for one meeting: a meeting of another review, or one the person is neither allowed
 * to see all meetings nor invited to, is not found (404); changing it needs the right to schedule
 * meetings (403 otherwise). The meeting row is locked for a change.
 */
export function meetingAccess(intent: 'view' | 'change') {
  const review = reviewAccess('viewOwnMeetings');
  return async (
    ctx: Ctx,
    params: { partnershipId: string; reviewId: string; meetingId: string },
  ): Promise<MeetingCtx> => {
    const rctx = await review(ctx, params);
    const query = rctx.tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, params.meetingId), eq(meetings.reviewId, rctx.review.id)));
    const [meeting] = intent === 'change' ? await query.for('update') : await query;
    if (!meeting || !(await isVisible(rctx, meeting.id))) throw AppError.notFound('meeting');
    if (intent === 'change' && !mayInReview(rctx.actor, 'scheduleMeeting')) throw AppError.forbidden();
    return { ...rctx, meeting };
  };
}

async function isVisible(ctx: ReviewCtx, meetingId: string): Promise<boolean> {
  if (seesAllMeetings(ctx)) return true;
  if (ctx.participantIds.length === 0) return false;
  const [invited] = await ctx.tx
    .select({ id: meetingAttendees.participantId })
    .from(meetingAttendees)
    .where(
      and(
        eq(meetingAttendees.meetingId, meetingId),
        inArray(meetingAttendees.participantId, ctx.participantIds),
      ),
    )
    .limit(1);
  return Boolean(invited);
}

/** The meeting context a route's access step produced. */
export function meetingCtx(ctx: Ctx): MeetingCtx {
  const m = ctx as Partial<MeetingCtx>;
  if (!m.meeting || !m.review) throw new Error('route has no meeting access step');
  return m as MeetingCtx;
}
