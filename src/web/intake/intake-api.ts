import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgencyRequestDto,
  CalendarClosureDto,
  CalendarClosureList,
  NotificationDto,
  NotificationList,
  RapidReviewDto,
  RapidReviewMeetingDto,
} from '#domain/intake/intake-dto.ts';
import { api } from '../api/client.ts';
import { partnershipPath } from '../api/partnership.ts';
import { renameField } from './dates.ts';

export type { AgencyRequestDto, CalendarClosureList, NotificationDto, RapidReviewDto };

/** What the web sends: the API's input with dates as `YYYY-MM-DD` (or null to clear). */
export type NotificationInput = {
  childPseudonym: string;
  summary: string | null;
  incidentDate: string | null;
  awareDate: string | null;
  submittedDate: string | null;
  outcome: string | undefined;
  abuseOrNeglect: string | undefined;
  lookedAfter: boolean | undefined;
  recipients: string[];
  reference: string | null;
};
export type RapidReviewInput = {
  immediateActions: string | null;
  learningIdentified: string | null;
  decision: string | null;
  decisionRationale: string | null;
  decisionDate: string | null;
  sentToPanelDate: string | null;
  panelResponseDate: string | null;
  panelAgrees: boolean | null;
  panelResponse: string | null;
};
export type MeetingInput = {
  title: string;
  startsAt: string;
  durationMinutes: number;
  location: string | null;
  agenda: string | null;
};

const keys = {
  all: (pid: string) => ['partnership', pid, 'intake'] as const,
  notifications: (pid: string) => ['partnership', pid, 'intake', 'notifications'] as const,
  notification: (pid: string, id: string) => ['partnership', pid, 'intake', 'notification', id] as const,
  rapidReview: (pid: string, id: string) => ['partnership', pid, 'intake', 'rapid-review', id] as const,
  calendar: (pid: string) => ['partnership', pid, 'intake', 'calendar'] as const,
};
const base = (pid: string) => partnershipPath(pid);
const seg = encodeURIComponent;

/** The addresses of the intake pages in the web app. */
export const intakePages = {
  list: (pid: string) => `/partnerships/${pid}/notifications`,
  record: (pid: string) => `/partnerships/${pid}/notifications/new`,
  notification: (pid: string, id: string) => `/partnerships/${pid}/notifications/${id}`,
  rapidReview: (pid: string, id: string, part = '') =>
    `/partnerships/${pid}/notifications/${id}/rapid-review${part}`,
  calendar: (pid: string) => `/partnerships/${pid}/calendar`,
};

/** Refreshes everything intake shows after a change, since deadlines and statuses show on several pages. */
function useRefresh(pid: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all(pid) });
}

/** The partnership's serious incident notifications with their deadlines. */
export function useNotifications(pid: string) {
  return useQuery({
    queryKey: keys.notifications(pid),
    queryFn: () => api.get<NotificationList>(`${base(pid)}/notifications`),
  });
}

/** One notification, with its rapid review if it has started. */
export function useNotification(pid: string, id: string) {
  return useQuery({
    queryKey: keys.notification(pid, id),
    queryFn: () => api.get<NotificationDto>(`${base(pid)}/notifications/${seg(id)}`),
    enabled: Boolean(id),
  });
}

/** Records a serious incident notification. */
export function useRecordNotification(pid: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: (input: NotificationInput) => api.post<NotificationDto>(`${base(pid)}/notifications`, input),
    onSuccess: refresh,
  });
}

/** Changes a notification, based on the version the person was looking at. */
export function useChangeNotification(pid: string, id: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: (input: NotificationInput & { version: number }) =>
      api.patch<NotificationDto>(`${base(pid)}/notifications/${seg(id)}`, input),
    onSettled: refresh,
  });
}

/** Starts the rapid review of a notification. */
export function useStartRapidReview(pid: string, notificationId: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: () =>
      api.post<RapidReviewDto>(`${base(pid)}/notifications/${seg(notificationId)}/rapid-review`, {}),
    onSettled: refresh,
  });
}

/** One rapid review with its agency requests and meetings. */
export function useRapidReview(pid: string, id: string | undefined) {
  return useQuery({
    queryKey: keys.rapidReview(pid, id ?? ''),
    queryFn: () => api.get<RapidReviewDto>(`${base(pid)}/rapid-reviews/${seg(id ?? '')}`),
    enabled: Boolean(id),
  });
}

/** Records the rapid review's progress, decision and the panel's reply. */
export function useChangeRapidReview(pid: string, id: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: (input: RapidReviewInput & { version: number }) =>
      api.patch<RapidReviewDto>(`${base(pid)}/rapid-reviews/${seg(id)}`, input),
    onSettled: refresh,
  });
}

/** Asks agencies for summaries, one request each; stops at the first that is refused. */
export function useAskAgencies(pid: string, id: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: async (input: { agencyIds: string[]; requestedDate: string | null }) => {
      const asked: AgencyRequestDto[] = [];
      try {
        for (const agencyId of input.agencyIds) {
          asked.push(
            await api.post<AgencyRequestDto>(`${base(pid)}/rapid-reviews/${seg(id)}/agency-requests`, {
              agencyId,
              ...(input.requestedDate ? { requestedDate: input.requestedDate } : {}),
            }),
          );
        }
      } catch (error) {
        // The API asks one agency at a time (agencyId); the form's boxes are agencyIds.
        throw renameField(error, 'agencyId', 'agencyIds');
      }
      return asked;
    },
    onSettled: refresh,
  });
}

/** Records an agency's reply. */
export function useRecordReply(pid: string, id: string, requestId: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: (input: { repliedDate: string | null; notes: string | null; version: number }) =>
      api.patch<AgencyRequestDto>(
        `${base(pid)}/rapid-reviews/${seg(id)}/agency-requests/${seg(requestId)}`,
        input,
      ),
    onSettled: refresh,
  });
}

/** Schedules a rapid review meeting. */
export function useScheduleMeeting(pid: string, id: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: (input: MeetingInput) =>
      api.post<RapidReviewMeetingDto>(`${base(pid)}/rapid-reviews/${seg(id)}/meetings`, input),
    onSuccess: refresh,
  });
}

/** The non-working days the partnership added, with the bank holidays. */
export function useCalendarClosures(pid: string) {
  return useQuery({
    queryKey: keys.calendar(pid),
    queryFn: () => api.get<CalendarClosureList>(`${base(pid)}/calendar-closures`),
  });
}

/** Adds a non-working day; open deadlines move with it. */
export function useAddClosure(pid: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: (input: { date: string | null; name: string }) =>
      api.post<CalendarClosureDto>(`${base(pid)}/calendar-closures`, input),
    onSuccess: refresh,
  });
}

/** Removes a non-working day the partnership added. */
export function useRemoveClosure(pid: string) {
  const refresh = useRefresh(pid);
  return useMutation({
    mutationFn: (closureId: string) => api.delete(`${base(pid)}/calendar-closures/${seg(closureId)}`),
    onSettled: refresh,
  });
}
