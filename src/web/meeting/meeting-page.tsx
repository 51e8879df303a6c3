import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { calendarFileUrl, type MeetingDto, meetingPage, useMeeting } from './api.ts';
import { MeetingRecordForm, MeetingRecordView, useMeetingRecord } from './meeting-record-form.tsx';
import './meeting.scss';

/** "2 hours 30 minutes", "45 minutes". */
export function formatLength(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    hours > 0 ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : null,
    rest > 0 ? `${rest} ${rest === 1 ? 'minute' : 'minutes'}` : null,
  ];
  return parts.filter(Boolean).join(' ');
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

type Ids = { partnershipId: string; reviewId: string };

function MeetingDetails({
  ids,
  meeting,
  refetch,
}: {
  ids: Ids;
  meeting: MeetingDto;
  refetch: () => Promise<unknown>;
}) {
  const record = useMeetingRecord(ids.partnershipId, ids.reviewId, meeting, refetch);
  const arrivedWith = (useLocation().state as { banner?: string } | null)?.banner;
  const banner = record.saved ? 'The record of the meeting has been saved' : arrivedWith;
  const listPath = meetingPage(ids.partnershipId, ids.reviewId);

  return (
    <Page
      title={[meeting.title, 'Meetings']}
      heading={meeting.title}
      caption={meeting.kindLabel}
      errors={record.problem?.items}
      banner={banner ? { heading: banner } : null}
    >
      <p className="govuk-body">
        <Link className="govuk-link" to={listPath}>
          All meetings of this review
        </Link>
      </p>
      <dl className="govuk-summary-list">
        <Row label="Date and time">{formatDateTime(meeting.startsAt)}</Row>
        <Row label="Length">{formatLength(meeting.durationMinutes)}</Row>
        <Row label="Location">{meeting.location ?? 'Not given'}</Row>
        <Row label="Who is invited">
          {meeting.attendees.length === 0 ? (
            'Nobody yet'
          ) : (
            <ul className="govuk-list">
              {meeting.attendees.map((a) => (
                <li key={a.participantId}>
                  {a.name} <span className="govuk-hint govuk-!-display-inline">({a.roleLabel})</span>
                </li>
              ))}
            </ul>
          )}
        </Row>
      </dl>
      <ul className="govuk-list">
        <li>
          <a
            className="govuk-link"
            href={calendarFileUrl(ids.partnershipId, ids.reviewId, meeting.id)}
            download
          >
            Download calendar file (.ics)
          </a>
        </li>
        {meeting.abilities.update ? (
          <li>
            <Link
              className="govuk-link"
              to={meetingPage(ids.partnershipId, ids.reviewId, meeting.id, 'change')}
            >
              Change the meeting’s details or who is invited
            </Link>
          </li>
        ) : null}
      </ul>
      <h2 className="govuk-heading-m">Agenda</h2>
      <p className="govuk-body app-pre-wrap">{meeting.agenda ?? 'No agenda has been added.'}</p>
      {meeting.abilities.update ? (
        <MeetingRecordForm record={record} meeting={meeting} />
      ) : (
        <MeetingRecordView meeting={meeting} />
      )}
    </Page>
  );
}

/** One meeting: when and where, who is invited, the agenda, and its record (notes, decisions, follow-ups). */
export function MeetingPage() {
  const { partnershipId = '', reviewId = '', meetingId = '' } = useParams();
  const meeting = useMeeting(partnershipId, reviewId, meetingId);
  if (meeting.isError) return <QueryProblem error={meeting.error} />;
  if (!meeting.data) return <Loading />;
  return (
    <MeetingDetails
      key={meeting.data.id}
      ids={{ partnershipId, reviewId }}
      meeting={meeting.data}
      refetch={meeting.refetch}
    />
  );
}
