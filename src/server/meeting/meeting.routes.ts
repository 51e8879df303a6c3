import {
  meetingDto,
  meetingList,
  meetingParams,
  scheduleReviewMeetingInput,
  updateReviewMeetingInput,
} from '#domain/meeting/meeting.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { meetingAccess, meetingCtx } from './access.ts';
import { meetingCalendar } from './calendar.ts';
import { getMeeting, listMeetings, scheduleMeeting, updateMeeting } from './meeting.service.ts';

const base = '/api/partnerships/:partnershipId/reviews/:reviewId/meetings';

export const meetingRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'listMeetings',
    summary: 'The review’s meetings the person may see',
    description:
      'The review team side sees every meeting; the case group, family and board members see the meetings they are invited to.',
    tags: ['Meetings'],
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewOwnMeetings'),
    response: { status: 200, schema: meetingList, description: 'Meetings, earliest first' },
    errors: [401, 404],
    handler: async (ctx) => listMeetings(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    operationId: 'scheduleMeeting',
    summary: 'Schedule a review team, case group, joint or family meeting',
    description: 'Attendees must be active participants of the review.',
    tags: ['Meetings'],
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('scheduleMeeting', { lock: true }),
    body: scheduleReviewMeetingInput,
    response: { status: 201, schema: meetingDto, description: 'The meeting was scheduled' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => scheduleMeeting(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:meetingId`,
    operationId: 'getMeeting',
    summary: 'A meeting, with its agenda, notes, decisions and follow-ups',
    tags: ['Meetings'],
    auth: 'session',
    params: meetingParams,
    access: meetingAccess('view'),
    response: { status: 200, schema: meetingDto, description: 'The meeting' },
    errors: [401, 404],
    handler: async (ctx) => getMeeting(meetingCtx(ctx)),
  }),
  defineRoute({
    method: 'PATCH',
    url: `${base}/:meetingId`,
    operationId: 'updateMeeting',
    summary: 'Change a meeting, or record its notes, decisions and follow-ups',
    description:
      'Send the version you read; a change based on an older version is refused with 409 and the current meeting. Sending `attendeeParticipantIds` replaces the attendees.',
    tags: ['Meetings'],
    auth: 'session',
    params: meetingParams,
    access: meetingAccess('change'),
    body: updateReviewMeetingInput,
    response: { status: 200, schema: meetingDto, description: 'The meeting after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => updateMeeting(meetingCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:meetingId/calendar.ics`,
    operationId: 'downloadMeetingCalendar',
    summary: 'The meeting as a calendar file (.ics)',
    description:
      'An iCalendar file with the title, time, length and place. It leaves the system, so it never carries the agenda or notes, nor anyone’s email address.',
    tags: ['Meetings'],
    auth: 'session',
    params: meetingParams,
    access: meetingAccess('view'),
    response: { status: 200, schema: null, description: 'text/calendar, as an attachment' },
    errors: [401, 404],
    handler: async (ctx) => {
      const mctx = meetingCtx(ctx);
      const { body, fileName } = meetingCalendar(await getMeeting(mctx), mctx.review.title);
      return new Respond(body, 200, (reply) => {
        reply.type('text/calendar; charset=utf-8');
        reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
      });
    },
  }),
];
