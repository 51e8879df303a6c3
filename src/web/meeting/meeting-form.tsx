import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { meetingKinds, reviewMeetingKinds } from '#domain/meeting/meeting.ts';
import type { ParticipantDto } from '#domain/participant/participant.ts';
import { CheckboxGroup } from '../components/checkboxes-field.tsx';
import { DateInputField } from '../components/date-input-field.tsx';
import { describedBy, ErrorMessage, TextField } from '../components/form-fields.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';
import { attendeeGroups, type MeetingFormValues } from './meeting-form-values.ts';

const kindChoices = reviewMeetingKinds.map((kind) => ({ value: kind, label: meetingKinds[kind] }));

type Props = {
  initial: MeetingFormValues;
  /** The review's participants; null while they cannot be loaded. */
  participants: readonly ParticipantDto[] | null;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  fieldErrors: Record<string, string> | undefined;
  onSubmit: (values: MeetingFormValues) => void;
};

/** The questions about a meeting: kind, title, when, how long, where, agenda and who is invited. */
export function MeetingForm({
  initial,
  participants,
  submitLabel,
  cancelTo,
  pending,
  fieldErrors,
  onSubmit,
}: Props) {
  const [values, set] = useFormValues<MeetingFormValues>(initial);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };
  const groups = participants ? attendeeGroups(participants, values.attendeeIds) : [];
  const attendeesError = fieldErrors?.attendeeParticipantIds;

  return (
    <form noValidate onSubmit={submit}>
      <RadiosField
        id="kind"
        legend="Kind of meeting"
        value={values.kind}
        onChange={(value) => set('kind')(value as MeetingFormValues['kind'])}
        choices={kindChoices}
        error={fieldErrors?.kind}
      />
      <TextField
        id="title"
        label="Title"
        hint="For example, Review team meeting 2. It appears in calendars, so do not use anyone’s real name."
        value={values.title}
        onChange={set('title')}
        error={fieldErrors?.title}
      />
      <DateInputField
        id="startsAt"
        legend="Date"
        hint="For example, 27 3 2026"
        value={values.date}
        onChange={set('date')}
        error={fieldErrors?.startsAt}
      />
      <TextField
        id="time"
        label="Start time"
        hint="For example, 14:30"
        widthClass="govuk-input--width-5"
        value={values.time}
        onChange={set('time')}
        error={fieldErrors?.time}
      />
      <TextField
        id="durationMinutes"
        label="Length in minutes"
        hint="For example, 120 for a two-hour meeting"
        widthClass="govuk-input--width-4"
        value={values.durationMinutes}
        onChange={set('durationMinutes')}
        error={fieldErrors?.durationMinutes}
      />
      <TextField
        id="location"
        label="Location (optional)"
        hint="A room and building, or the video call service"
        value={values.location}
        onChange={set('location')}
        error={fieldErrors?.location}
      />
      <TextareaField
        id="agenda"
        label="Agenda (optional)"
        hint="Only people who can see this meeting in Sightlines see the agenda. It is not put in calendar files."
        value={values.agenda}
        onChange={set('agenda')}
        error={fieldErrors?.agenda}
        rows={6}
      />
      <div className={`govuk-form-group${attendeesError ? ' govuk-form-group--error' : ''}`}>
        <h2 className="govuk-heading-m" id="attendees-heading">
          Who is invited
        </h2>
        <div id="attendeeParticipantIds-hint" className="govuk-hint">
          Invited people see the meeting, its agenda and its record in Sightlines.
        </div>
        {attendeesError ? (
          <ErrorMessage id="attendeeParticipantIds-error">{attendeesError}</ErrorMessage>
        ) : null}
        {participants === null ? (
          <div className="govuk-inset-text">
            The people taking part in this review could not be loaded, so nobody can be invited yet. You can
            schedule the meeting now and invite people later.
          </div>
        ) : groups.length === 0 ? (
          <div className="govuk-inset-text">Nobody has been added to this review yet.</div>
        ) : (
          <section
            aria-labelledby="attendees-heading"
            aria-describedby={describedBy('attendeeParticipantIds', true, attendeesError)}
          >
            {groups.map((group, index) => (
              <CheckboxGroup
                key={group.role}
                idPrefix={`attendee-${group.role}`}
                firstId={index === 0 ? 'attendeeParticipantIds' : undefined}
                legend={group.legend}
                choices={group.choices}
                selected={values.attendeeIds}
                onChange={set('attendeeIds')}
              />
            ))}
          </section>
        )}
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          {submitLabel}
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
