import type { MeetingDto, ReviewMeetingKind, ScheduleReviewMeetingInput } from '#domain/meeting/meeting.ts';
import {
  type DateParts,
  isoToUkParts,
  parseClockTime,
  parseDateParts,
  ukDateTimeToIso,
} from '#domain/meeting/uk-time.ts';
import type { ParticipantDto } from '#domain/participant/participant.ts';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { ApiError } from '../api/client.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import type { Choice } from '../components/form-fields.tsx';

/** What the meeting form holds while the person fills it in. */
export type MeetingFormValues = {
  kind: ReviewMeetingKind | '';
  title: string;
  date: DateParts;
  time: string;
  durationMinutes: string;
  location: string;
  agenda: string;
  attendeeIds: string[];
};

export const meetingFieldIds = [
  'kind',
  'title',
  'startsAt',
  'time',
  'durationMinutes',
  'location',
  'agenda',
  'attendeeParticipantIds',
];

export const emptyMeeting: MeetingFormValues = {
  kind: '',
  title: '',
  date: { day: '', month: '', year: '' },
  time: '',
  durationMinutes: '120',
  location: '',
  agenda: '',
  attendeeIds: [],
};

/** The form's values for an existing meeting. */
export function meetingValues(meeting: MeetingDto): MeetingFormValues {
  const { time, ...date } = isoToUkParts(meeting.startsAt);
  return {
    kind: meeting.kind === 'rapid_review' ? '' : meeting.kind,
    title: meeting.title,
    date,
    time,
    durationMinutes: String(meeting.durationMinutes),
    location: meeting.location ?? '',
    agenda: meeting.agenda ?? '',
    attendeeIds: meeting.attendees.map((a) => a.participantId),
  };
}

type Checked =
  | { input: ScheduleReviewMeetingInput; problems: [] }
  | { input: null; problems: ErrorSummaryItem[] };

/**
 * Turns what was entered into the API's input, or the problems with the date, time and length
 * that only the form can see (the server checks everything else).
 */
export function checkMeetingForm(values: MeetingFormValues): Checked {
  const problems: ErrorSummaryItem[] = [];
  const { day, month, year } = values.date;
  const date = parseDateParts(values.date);
  if (!day.trim() && !month.trim() && !year.trim()) {
    problems.push({ field: 'startsAt', message: 'Enter the date of the meeting' });
  } else if (!date) {
    problems.push({
      field: 'startsAt',
      message: 'The date of the meeting must be a real date, like 27 3 2026',
    });
  }
  const time = parseClockTime(values.time);
  if (!values.time.trim()) problems.push({ field: 'time', message: 'Enter the time the meeting starts' });
  else if (!time)
    problems.push({ field: 'time', message: 'Enter the time in the 24-hour clock, like 14:30' });
  const minutes = values.durationMinutes.trim();
  if (!/^\d{1,4}$/.test(minutes)) {
    problems.push({
      field: 'durationMinutes',
      message: 'Enter the length of the meeting in minutes, like 120',
    });
  }
  if (problems.length > 0 || !date || !time) return { input: null, problems };
  return {
    input: {
      kind: values.kind as ReviewMeetingKind,
      title: values.title,
      startsAt: ukDateTimeToIso(date, time),
      durationMinutes: Number(minutes),
      location: values.location.trim() ? values.location : null,
      agenda: values.agenda.trim() ? values.agenda : null,
      attendeeParticipantIds: values.attendeeIds,
    },
    problems: [],
  };
}

/** The server's error with field paths like `attendeeParticipantIds.2` pointed at the question they belong to. */
export function withFieldsNamed(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((f) => ({ ...f, path: f.path.split('.')[0] ?? f.path }));
  return new ApiError(error.status, error.code, error.message, { fields });
}

const groupLabels: Record<ReviewRole, string> = {
  lead_reviewer: 'Lead reviewers',
  trainee_reviewer: 'Trainee reviewers',
  supervisor: 'Supervisors',
  review_team_member: 'Review team',
  case_group_member: 'Case group',
  family_member: 'Family',
  business_manager: 'Business managers',
  chair: 'Chair',
  board_member: 'Board members',
};

/** The review's participants as checkbox groups by role, leaving out people who have left unless already invited. */
export function attendeeGroups(
  participants: readonly ParticipantDto[],
  selected: readonly string[],
): { role: ReviewRole; legend: string; choices: Choice[] }[] {
  const roles = Object.keys(reviewRoles) as ReviewRole[];
  return roles
    .map((role) => ({
      role,
      legend: groupLabels[role],
      choices: participants
        .filter((p) => p.role === role && (p.status !== 'removed' || selected.includes(p.id)))
        .map((p) => ({
          value: p.id,
          label: p.status === 'removed' ? `${p.name} (no longer taking part)` : p.name,
          hint: [p.jobTitle, p.agencyName].filter(Boolean).join(', ') || undefined,
        })),
    }))
    .filter((group) => group.choices.length > 0);
}
