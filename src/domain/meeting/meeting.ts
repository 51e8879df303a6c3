import { z } from 'zod';
import { id, optionalText, requiredText, version } from '../shared/fields.ts';

export const meetingKinds = {
  review_team: 'Review team meeting',
  case_group: 'Case group meeting',
  joint: 'Joint meeting (review team and case group)',
  family: 'Family meeting',
  rapid_review: 'Rapid review meeting',
} as const;
export type MeetingKind = keyof typeof meetingKinds;
export const meetingKind = z.enum(Object.keys(meetingKinds) as [MeetingKind, ...MeetingKind[]], {
  error: 'Select the kind of meeting',
});

const title = requiredText('a title for the meeting', 200);
const startsAt = z.iso.datetime({ offset: true, error: 'Enter the date and time the meeting starts' });
const durationMinutes = z
  .int({ error: 'Enter the length in minutes' })
  .min(15, { error: 'A meeting lasts at least 15 minutes' })
  .max(600, { error: 'A meeting lasts at most 10 hours' });
const location = optionalText('the location', 300).nullable();
const agenda = optionalText('the agenda', 10_000).nullable();
const attendeeParticipantIds = z.array(id).max(200);

export const scheduleMeetingInput = z.object({
  kind: meetingKind,
  title,
  startsAt,
  durationMinutes,
  location,
  agenda,
  attendeeParticipantIds: attendeeParticipantIds.default([]),
});
export type ScheduleMeetingInput = z.infer<typeof scheduleMeetingInput>;

export const updateMeetingInput = z.object({
  kind: meetingKind.optional(),
  title: title.optional(),
  startsAt: startsAt.optional(),
  durationMinutes: durationMinutes.optional(),
  location,
  agenda,
  attendeeParticipantIds: attendeeParticipantIds.optional(),
  notes: optionalText('the notes', 50_000).nullable(),
  decisions: optionalText('the decisions', 20_000).nullable(),
  followUps: optionalText('the follow-ups', 20_000).nullable(),
  version,
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingInput>;

export const meetingDto = z.object({
  id,
  kind: meetingKind,
  kindLabel: z.string(),
  title: z.string(),
  startsAt: z.string(),
  durationMinutes: z.int(),
  location: z.string().nullable(),
  agenda: z.string().nullable(),
  notes: z.string().nullable(),
  decisions: z.string().nullable(),
  followUps: z.string().nullable(),
  attendees: z.array(z.object({ participantId: id, name: z.string(), roleLabel: z.string() })),
  version: z.int(),
  abilities: z.object({ update: z.boolean() }),
});
export type MeetingDto = z.infer<typeof meetingDto>;

export const meetingParams = z.object({ partnershipId: id, reviewId: id, meetingId: id });

/** The kinds of meeting a review holds (rapid review meetings belong to intake). */
export const reviewMeetingKinds = ['review_team', 'case_group', 'joint', 'family'] as const;
export type ReviewMeetingKind = (typeof reviewMeetingKinds)[number];
export const reviewMeetingKind = z.enum(reviewMeetingKinds, { error: 'Select the kind of meeting' });

export const scheduleReviewMeetingInput = scheduleMeetingInput.extend({ kind: reviewMeetingKind });
export type ScheduleReviewMeetingInput = z.infer<typeof scheduleReviewMeetingInput>;
export const updateReviewMeetingInput = updateMeetingInput.extend({ kind: reviewMeetingKind.optional() });
export type UpdateReviewMeetingInput = z.infer<typeof updateReviewMeetingInput>;

export const meetingList = z.object({
  review: z.object({ id, title: z.string() }),
  meetings: z.array(meetingDto).describe('Earliest first; only the meetings the person may see'),
  abilities: z.object({ schedule: z.boolean(), viewAll: z.boolean() }),
});
export type MeetingList = z.infer<typeof meetingList>;
