import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { meetingPage, useAttendeeChoices, useMeeting, useUpdateMeeting } from './api.ts';
import { MeetingForm } from './meeting-form.tsx';
import {
  checkMeetingForm,
  type MeetingFormValues,
  meetingFieldIds,
  meetingValues,
  withFieldsNamed,
} from './meeting-form-values.ts';

/**
 * Change a meeting's details or who is invited. The save carries the version the person started
 * from; if someone else changed the meeting meanwhile, the server's message is shown and the form
 * reloads with the current details.
 */
export function ChangeMeetingPage() {
  const { partnershipId = '', reviewId = '', meetingId = '' } = useParams();
  const navigate = useNavigate();
  const meeting = useMeeting(partnershipId, reviewId, meetingId);
  const choices = useAttendeeChoices(partnershipId, reviewId);
  const change = useUpdateMeeting(partnershipId, reviewId, meetingId);
  const [formProblems, setFormProblems] = useState<ErrorSummaryItem[]>([]);
  const serverProblem = useFormProblem(withFieldsNamed(change.error), meetingFieldIds);
  const backTo = meetingPage(partnershipId, reviewId, meetingId);

  if (meeting.isError) return <QueryProblem error={meeting.error} />;
  if (!meeting.data || choices.isPending) return <Loading />;
  const current = meeting.data;
  if (!current.abilities.update)
    return <ForbiddenPage message="You do not have permission to change this meeting." />;

  const onSubmit = (values: MeetingFormValues) => {
    const checked = checkMeetingForm(values);
    setFormProblems(checked.problems);
    if (!checked.input) {
      change.reset();
      return;
    }
    change.mutate(
      { ...checked.input, version: current.version },
      {
        onSuccess: (saved) => navigate(backTo, { state: { banner: `${saved.title} has been changed` } }),
        onError: () => meeting.refetch(),
      },
    );
  };
  const items = formProblems.length > 0 ? formProblems : (serverProblem?.items ?? []);
  const fields =
    formProblems.length > 0
      ? Object.fromEntries(formProblems.map((p) => [p.field ?? '', p.message]))
      : serverProblem?.fields;

  return (
    <Page
      title={[`Change ${current.title}`, 'Meetings']}
      heading={`Change ${current.title}`}
      caption="Meetings"
      errors={items}
    >
      <MeetingForm
        key={`${current.id}:${current.version}`}
        initial={meetingValues(current)}
        participants={choices.data?.participants ?? null}
        submitLabel="Save changes"
        cancelTo={backTo}
        pending={change.isPending}
        fieldErrors={fields}
        onSubmit={onSubmit}
      />
    </Page>
  );
}
