import { and, eq } from 'drizzle-orm';
import type {
  AddAgencyRequestInput,
  ScheduleRapidReviewMeetingInput,
  UpdateAgencyRequestInput,
} from '#domain/intake/intake.ts';
import type { AgencyRequestDto, RapidReviewMeetingDto } from '#domain/intake/intake-dto.ts';
import { agencyRequestProblems } from '#domain/intake/rules.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { agencies, meetings, rapidReviewAgencyRequests } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertVersion } from '../review/access.ts';
import { partnershipCalendar } from './calendar.service.ts';
import { presentAgencyRequest, presentCtx, presentMeeting } from './intake.presenter.ts';
import { loadRapidReview } from './rapid-review.read.ts';

const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** Asks an agency of the partnership for a summary of its involvement, once per rapid review. */
export async function addAgencyRequest(
  ctx: MemberCtx,
  rapidReviewId: string,
  input: AddAgencyRequestInput,
): Promise<AgencyRequestDto> {
  const partnershipId = ctx.membership.partnershipId;
  // Locking the rapid review makes two requests for the same agency queue, so the second is refused.
  const { review, notification } = await loadRapidReview(ctx, rapidReviewId, true);
  const [agency] = await ctx.tx
    .select()
    .from(agencies)
    .where(and(eq(agencies.id, input.agencyId), eq(agencies.partnershipId, partnershipId)));
  if (!agency)
    throw AppError.invalid([{ path: 'agencyId', message: 'Select an agency in this partnership' }]);
  if (!agency.active)
    throw AppError.invalid([
      { path: 'agencyId', message: `${agency.name} is inactive: select an active agency` },
    ]);
  const [asked] = await ctx.tx
    .select({ id: rapidReviewAgencyRequests.id })
    .from(rapidReviewAgencyRequests)
    .where(
      and(
        eq(rapidReviewAgencyRequests.rapidReviewId, review.id),
        eq(rapidReviewAgencyRequests.agencyId, agency.id),
      ),
    );
  if (asked)
    throw AppError.invalid([
      { path: 'agencyId', message: `${agency.name} has already been asked for a summary` },
    ]);
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  const requestedDate = input.requestedDate ?? p.today;
  const problems = agencyRequestProblems(
    { awareDate: notification.awareDate, requestedDate, repliedDate: null },
    p.today,
  );
  if (problems.length > 0) throw AppError.invalid(problems);
  const [row] = await ctx.tx
    .insert(rapidReviewAgencyRequests)
    .values({
      partnershipId,
      rapidReviewId: review.id,
      agencyId: agency.id,
      requestedDate,
      notes: blankToNull(input.notes),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await auditAction(ctx, {
    action: 'rapid_review.agency_asked',
    entityType: 'rapid_review_agency_request',
    entityId: row.id,
    details: { rapidReviewId: review.id, agencyId: agency.id },
  });
  return presentAgencyRequest(p, row, agency.name);
}

/** Records when an agency replied with its summary, and notes about it. */
export async function updateAgencyRequest(
  ctx: MemberCtx,
  rapidReviewId: string,
  requestId: string,
  input: UpdateAgencyRequestInput,
): Promise<AgencyRequestDto> {
  const partnershipId = ctx.membership.partnershipId;
  const { notification } = await loadRapidReview(ctx, rapidReviewId);
  const [found] = await ctx.tx
    .select({ request: rapidReviewAgencyRequests, agencyName: agencies.name })
    .from(rapidReviewAgencyRequests)
    .innerJoin(agencies, eq(agencies.id, rapidReviewAgencyRequests.agencyId))
    .where(
      and(
        eq(rapidReviewAgencyRequests.id, requestId),
        eq(rapidReviewAgencyRequests.rapidReviewId, rapidReviewId),
        eq(rapidReviewAgencyRequests.partnershipId, partnershipId),
      ),
    )
    .for('update', { of: rapidReviewAgencyRequests });
  if (!found) throw AppError.notFound('agency request');
  const current = found.request;
  const p = presentCtx(ctx, await partnershipCalendar(ctx.tx, partnershipId));
  assertVersion(current, input.version, 'agency’s request', () =>
    presentAgencyRequest(p, current, found.agencyName),
  );
  const changes = {
    ...(input.repliedDate !== undefined ? { repliedDate: input.repliedDate } : {}),
    ...(input.notes !== undefined ? { notes: blankToNull(input.notes) } : {}),
  };
  const problems = agencyRequestProblems(
    {
      awareDate: notification.awareDate,
      requestedDate: current.requestedDate,
      repliedDate: changes.repliedDate !== undefined ? changes.repliedDate : current.repliedDate,
    },
    p.today,
  );
  if (problems.length > 0) throw AppError.invalid(problems);
  const [row] = await ctx.tx
    .update(rapidReviewAgencyRequests)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(rapidReviewAgencyRequests.id, current.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  await auditAction(ctx, {
    action: 'rapid_review.agency_request_updated',
    entityType: 'rapid_review_agency_request',
    entityId: row.id,
    details: {
      rapidReviewId,
      changed: Object.keys(changes),
      replied: Boolean(row.repliedDate),
      version: row.version,
    },
  });
  return presentAgencyRequest(p, row, found.agencyName);
}

/** Schedules a meeting of the rapid review (for example the partners' decision meeting). */
export async function scheduleRapidReviewMeeting(
  ctx: MemberCtx,
  rapidReviewId: string,
  input: ScheduleRapidReviewMeetingInput,
): Promise<RapidReviewMeetingDto> {
  const partnershipId = ctx.membership.partnershipId;
  const { review } = await loadRapidReview(ctx, rapidReviewId);
  const [row] = await ctx.tx
    .insert(meetings)
    .values({
      partnershipId,
      rapidReviewId: review.id,
      kind: 'rapid_review',
      title: input.title,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
      location: blankToNull(input.location),
      agenda: blankToNull(input.agenda),
      notes: blankToNull(input.notes),
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await auditAction(ctx, {
    action: 'rapid_review.meeting_scheduled',
    entityType: 'meeting',
    entityId: row.id,
    details: { rapidReviewId: review.id, startsAt: row.startsAt.toISOString() },
  });
  return presentMeeting(row);
}
