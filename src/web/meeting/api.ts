import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MeetingDto,
  MeetingList,
  ScheduleReviewMeetingInput,
  UpdateReviewMeetingInput,
} from '#domain/meeting/meeting.ts';
import type { ParticipantDto } from '#domain/participant/participant.ts';
import { api } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';

export type { MeetingDto, MeetingList };

const reviewPath = (partnershipId: string, reviewId: string) =>
  `${partnershipPath(partnershipId)}/reviews/${encodeURIComponent(reviewId)}`;
const meetingsPath = (partnershipId: string, reviewId: string) =>
  `${reviewPath(partnershipId, reviewId)}/meetings`;

export const meetingKeys = {
  meetings: (partnershipId: string, reviewId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'meetings'] as const,
  meeting: (partnershipId: string, reviewId: string, meetingId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'meetings', meetingId] as const,
  attendeeChoices: (partnershipId: string, reviewId: string) =>
    ['partnership', partnershipId, 'review', reviewId, 'meeting-attendee-choices'] as const,
};

/** The address of a meeting page in the web app (the list when no meeting is given). */
export const meetingPage = (partnershipId: string, reviewId: string, meetingId?: string, section?: string) =>
  `/partnerships/${partnershipId}/reviews/${reviewId}/meetings${meetingId ? `/${meetingId}` : ''}${section ? `/${section}` : ''}`;

/** Where the meeting's calendar file downloads from. */
export const calendarFileUrl = (partnershipId: string, reviewId: string, meetingId: string) =>
  `${meetingsPath(partnershipId, reviewId)}/${encodeURIComponent(meetingId)}/calendar.ics`;

/** The review's meetings the person may see, and whether they may schedule one. */
export function useMeetings(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: meetingKeys.meetings(partnershipId, reviewId),
    queryFn: () => api.get<MeetingList>(meetingsPath(partnershipId, reviewId)),
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** One meeting, with its record and what the person may do with it. */
export function useMeeting(partnershipId: string, reviewId: string, meetingId: string) {
  return useQuery({
    queryKey: meetingKeys.meeting(partnershipId, reviewId, meetingId),
    queryFn: () =>
      api.get<MeetingDto>(`${meetingsPath(partnershipId, reviewId)}/${encodeURIComponent(meetingId)}`),
    enabled: Boolean(partnershipId && reviewId && meetingId),
  });
}

/** The people taking part in the review, to choose attendees from. */
export function useAttendeeChoices(partnershipId: string, reviewId: string) {
  return useQuery({
    queryKey: meetingKeys.attendeeChoices(partnershipId, reviewId),
    queryFn: () =>
      api.get<{ participants: ParticipantDto[] }>(`${reviewPath(partnershipId, reviewId)}/participants`),
    enabled: Boolean(partnershipId && reviewId),
  });
}

/** Schedules a meeting of the review. */
export function useScheduleMeeting(partnershipId: string, reviewId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleReviewMeetingInput) =>
      api.post<MeetingDto>(meetingsPath(partnershipId, reviewId), input),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingKeys.meetings(partnershipId, reviewId) }),
  });
}

/** Changes a meeting or its record, based on the version the person was looking at. */
export function useUpdateMeeting(partnershipId: string, reviewId: string, meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReviewMeetingInput) =>
      api.patch<MeetingDto>(
        `${meetingsPath(partnershipId, reviewId)}/${encodeURIComponent(meetingId)}`,
        input,
      ),
    onSuccess: (meeting) => {
      client.setQueryData(meetingKeys.meeting(partnershipId, reviewId, meetingId), meeting);
      return client.invalidateQueries({
        queryKey: meetingKeys.meetings(partnershipId, reviewId),
        exact: true,
      });
    },
  });
}
