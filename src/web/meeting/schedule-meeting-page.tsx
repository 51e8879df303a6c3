import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { meetingPage, useAttendeeChoices, useMeetings, useScheduleMeeting } from './api.ts';
import { MeetingForm } from './meeting-form.tsx';
import {
  checkMeetingForm,
  emptyMeeting,
  type MeetingFormValues,
  meetingFieldIds,
  withFieldsNamed,
} from './meeting-form-values.ts';

/** Schedule a meeting of the review: kind, title, when and where, agenda, and who is invited. */
export function ScheduleMeetingPage() {
  const { partnershipId = '', reviewId = '' } = useParams();
  const navigate = useNavigate();
  const meetings = useMeetings(partnershipId, reviewId);
  const choices = useAttendeeChoices(partnershipId, reviewId);
  const schedule = useScheduleMeeting(partnershipId, reviewId);
  const [formProblems, setFormProblems] = useState<ErrorSummaryItem[]>([]);
  const serverProblem = useFormProblem(withFieldsNamed(schedule.error), meetingFieldIds);
  const listPath = meetingPage(partnershipId, reviewId);

  if (meetings.isError) return <QueryProblem error={meetings.error} />;
  if (!meetings.data || choices.isPending) return <Loading />;
  if (!meetings.data.abilities.schedule) {
    return <ForbiddenPage message="You do not have permission to schedule meetings for this review." />;
  }
  const reviewTitle = meetings.data.review.title;

  const onSubmit = (values: MeetingFormValues) => {
    const checked = checkMeetingForm(values);
    setFormProblems(checked.problems);
    if (!checked.input) {
      schedule.reset();
      return;
    }
    schedule.mutate(checked.input, {
      onSuccess: (meeting) =>
        navigate(meetingPage(partnershipId, reviewId, meeting.id), {
          state: { banner: `${meeting.title} has been scheduled` },
        }),
    });
  };
  const items = formProblems.length > 0 ? formProblems : (serverProblem?.items ?? []);
  const fields =
    formProblems.length > 0
      ? Object.fromEntries(formProblems.map((p) => [p.field ?? '', p.message]))
      : serverProblem?.fields;

  return (
    <Page
      title={['Schedule a meeting', `Review ${reviewTitle}`]}
      heading="Schedule a meeting"
      caption={`Review ${reviewTitle}`}
      errors={items}
    >
      <MeetingForm
        initial={emptyMeeting}
        participants={choices.data?.participants ?? null}
        submitLabel="Schedule meeting"
        cancelTo={listPath}
        pending={schedule.isPending}
        fieldErrors={fields}
        onSubmit={onSubmit}
      />
    </Page>
  );
}
