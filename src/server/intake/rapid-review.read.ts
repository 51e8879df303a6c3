import { and, asc, eq } from 'drizzle-orm';
import { type IncidentOutcome, incidentOutcomes } from '#domain/intake/intake.ts';
import type { RapidReviewDto } from '#domain/intake/intake-dto.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import {
  agencies,
  meetings,
  notifications,
  rapidReviewAgencyRequests,
  rapidReviews,
  reviews,
} from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import {
  mayManage,
  type NotificationRow,
  type PresentCtx,
  presentAgencyRequest,
  presentMeeting,
  presentRapidReviewSummary,
  type RapidReviewRow,
} from './intake.presenter.ts';

/** Loads a rapid review of the partnership with its notification; anything else is not found. */
export async function loadRapidReview(ctx: MemberCtx, rapidReviewId: string, lock = false) {
  const query = ctx.tx
    .select({ review: rapidReviews, notification: notifications })
    .from(rapidReviews)
    .innerJoin(notifications, eq(notifications.id, rapidReviews.notificationId))
    .where(
      and(eq(rapidReviews.id, rapidReviewId), eq(rapidReviews.partnershipId, ctx.membership.partnershipId)),
    );
  const [row] = lock ? await query.for('update', { of: rapidReviews }) : await query;
  if (!row) throw AppError.notFound('rapid review');
  return row;
}

/** Presents a rapid review in full: its agency requests, meetings, any review commissioned from it, and abilities. */
export async function presentRapidReview(
  p: PresentCtx,
  review: RapidReviewRow,
  notification: NotificationRow,
): Promise<RapidReviewDto> {
  const { tx } = p.ctx;
  const requests = await tx
    .select({ request: rapidReviewAgencyRequests, agencyName: agencies.name })
    .from(rapidReviewAgencyRequests)
    .innerJoin(agencies, eq(agencies.id, rapidReviewAgencyRequests.agencyId))
    .where(eq(rapidReviewAgencyRequests.rapidReviewId, review.id))
    .orderBy(asc(agencies.name));
  const meetingRows = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.rapidReviewId, review.id), eq(meetings.partnershipId, review.partnershipId)))
    .orderBy(asc(meetings.startsAt));
  const agencyRequests = requests.map((r) => presentAgencyRequest(p, r.request, r.agencyName));
  const [commissioned] = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.rapidReviewId, review.id), eq(reviews.partnershipId, review.partnershipId)));
  const may = mayManage(p.ctx);
  const mayCommission =
    mayInPartnership({ userId: p.ctx.principal.userId, role: p.ctx.membership.role }, 'commissionReviews') &&
    (review.decision === 'lcspr' || review.decision === 'other_learning') &&
    !commissioned;
  return {
    ...presentRapidReviewSummary(p, review, notification.childPseudonym, {
      asked: agencyRequests.length,
      replied: agencyRequests.filter((r) => r.repliedDate).length,
    }),
    notification: {
      id: notification.id,
      childPseudonym: notification.childPseudonym,
      incidentDate: notification.incidentDate,
      awareDate: notification.awareDate,
      submittedDate: notification.submittedDate,
      outcomeLabel: incidentOutcomes[notification.outcome as IncidentOutcome] ?? notification.outcome,
    },
    immediateActions: review.immediateActions,
    learningIdentified: review.learningIdentified,
    decisionRationale: review.decisionRationale,
    decisionDate: review.decisionDate,
    sentToPanelDate: review.sentToPanelDate,
    panelResponseDate: review.panelResponseDate,
    panelAgrees: review.panelAgrees,
    panelResponse: review.panelResponse,
    agencyRequests,
    meetings: meetingRows.map(presentMeeting),
    version: review.version,
    reviewId: commissioned?.id ?? null,
    abilities: { update: may, askAgency: may, scheduleMeeting: may, commissionReview: mayCommission },
  };
}
