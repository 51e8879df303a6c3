import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { parseClockTime, ukDateTimeToIso } from '#domain/meeting/uk-time.ts';
import type { FieldError } from '#domain/shared/app-error.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { type DateParts, fieldProblems, noDate, readDate } from './dates.ts';
import { intakePages, useScheduleMeeting } from './intake-api.ts';
import { useRapidReviewOfNotification } from './rapid-review-page.tsx';
import { type BannerState, useFormErrors } from './use-form-errors.ts';

// The API's startsAt is the date and time together; the form asks for them apart.
const fieldIds = ['title', 'startsAt', 'time', 'durationMinutes', 'location', 'agenda'] as const;

/** Schedule a rapid review meeting, such as the partners' decision meeting. */
export function ScheduleMeetingPage() {
  const { pid, notificationId, review: r, error, missing } = useRapidReviewOfNotification();
  const navigate = useNavigate();
  const schedule = useScheduleMeeting(pid, r?.id ?? '');
  const { problem, onInvalid, sending } = useFormErrors(schedule, fieldIds);
  const [title, setTitle] = useState('Rapid review meeting');
  const [date, setDate] = useState<DateParts>(noDate);
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState('120');
  const [location, setLocation] = useState('');
  const [agenda, setAgenda] = useState('');
  if (error) return <QueryProblem error={error} />;
  if (missing) return <NotFoundPage />;
  if (!r) return <Loading />;
  if (!r.abilities.scheduleMeeting)
    return <ForbiddenPage message="You do not have permission to schedule meetings for this rapid review." />;
  const back = intakePages.rapidReview(pid, notificationId);
  const e = problem?.fields ?? {};

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    const day = readDate(date, 'the date of the meeting');
    if ('message' in day) problems.push({ path: 'startsAt', message: day.message });
    else if (!day.iso) problems.push({ path: 'startsAt', message: 'Enter the date of the meeting' });
    const clock = parseClockTime(time);
    if (!clock) problems.push({ path: 'time', message: 'Enter the start time, like 10am or 14:30' });
    const minutes = Number(duration.trim());
    if (!/^\d+$/.test(duration.trim()))
      problems.push({ path: 'durationMinutes', message: 'Enter the length in minutes, like 90' });
    if (problems.length > 0 || !('iso' in day) || !day.iso || !clock)
      return onInvalid(fieldProblems(problems));
    const [y, m, d] = day.iso.split('-').map(Number) as [number, number, number];
    sending();
    schedule.mutate(
      {
        title,
        startsAt: ukDateTimeToIso({ year: y, month: m, day: d }, clock),
        durationMinutes: minutes,
        location: location.trim() || null,
        agenda: agenda.trim() || null,
      },
      {
        onSuccess: (meeting) =>
          navigate(back, { state: { banner: `${meeting.title} scheduled` } satisfies BannerState }),
      },
    );
  };

  return (
    <Page
      title={[`Schedule a meeting: rapid review for ${r.childPseudonym}`]}
      heading="Schedule a meeting"
      caption={`Rapid review for ${r.childPseudonym}`}
      errors={problem?.items}
    >
      <form noValidate onSubmit={submit}>
        <TextField id="title" label="Meeting title" value={title} onChange={setTitle} error={e.title} />
        <DateInputField
          id="startsAt"
          legend="Date of the meeting"
          hint="For example, 27 3 2026"
          value={date}
          onChange={setDate}
          error={e.startsAt}
        />
        <TextField
          id="time"
          label="Start time"
          hint="UK time, for example 10am or 14:30"
          widthClass="govuk-input--width-5"
          value={time}
          onChange={setTime}
          error={e.time}
        />
        <TextField
          id="durationMinutes"
          label="Length in minutes"
          widthClass="govuk-input--width-3"
          value={duration}
          onChange={setDuration}
          error={e.durationMinutes}
        />
        <TextField
          id="location"
          label="Where (optional)"
          hint="A room, or Online"
          value={location}
          onChange={setLocation}
          error={e.location}
        />
        <TextareaField
          id="agenda"
          label="Agenda (optional)"
          value={agenda}
          onChange={setAgenda}
          error={e.agenda}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={schedule.isPending}>
            Schedule meeting
          </button>
          <Link className="govuk-link" to={back}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
