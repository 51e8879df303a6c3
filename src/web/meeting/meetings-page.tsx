import { Link, useLocation, useParams } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { ReviewNavigation } from '../review/review-navigation.tsx';
import { calendarFileUrl, type MeetingDto, meetingPage, useMeetings } from './api.ts';
import './meeting.scss';

type Props = { partnershipId: string; reviewId: string; meetings: MeetingDto[]; caption: string };

function MeetingsTable({ partnershipId, reviewId, meetings, caption }: Props) {
  return (
    <ScrollableTable label={`${caption} table`}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Date and time
            </th>
            <th scope="col" className="govuk-table__header">
              Meeting
            </th>
            <th scope="col" className="govuk-table__header">
              Kind
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Attendees
            </th>
            <th scope="col" className="govuk-table__header">
              Calendar
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {meetings.map((m) => (
            <tr className="govuk-table__row" key={m.id}>
              <td className="govuk-table__cell">{formatDateTime(m.startsAt)}</td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={meetingPage(partnershipId, reviewId, m.id)}>
                  {m.title}
                </Link>
              </td>
              <td className="govuk-table__cell">{m.kindLabel}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{m.attendees.length}</td>
              <td className="govuk-table__cell app-contains-hidden-text">
                <a className="govuk-link" href={calendarFileUrl(partnershipId, reviewId, m.id)} download>
                  Download calendar file (.ics) <span className="govuk-visually-hidden">for {m.title}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** A review's meetings, upcoming then past, with a calendar file for each and scheduling where allowed. */
export function MeetingsPage() {
  const { partnershipId = '', reviewId = '' } = useParams();
  const meetings = useMeetings(partnershipId, reviewId);
  const banner = (useLocation().state as { banner?: string } | null)?.banner;
  if (meetings.isError) return <QueryProblem error={meetings.error} />;
  const data = meetings.data;
  const title = data ? `Review ${data.review.title}` : undefined;
  const now = Date.now();
  const all = data?.meetings ?? [];
  const upcoming = all.filter((m) => new Date(m.startsAt).getTime() + m.durationMinutes * 60_000 >= now);
  const past = all.filter((m) => !upcoming.includes(m)).reverse();

  return (
    <Page
      title={['Meetings', ...(title ? [title] : [])]}
      heading="Meetings"
      caption={title}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} />
      {!data ? <Loading /> : null}
      {data ? (
        <p className="govuk-body">
          {data.abilities.viewAll
            ? 'Review team, case group, joint and family meetings of this review.'
            : 'The meetings of this review you are invited to.'}
        </p>
      ) : null}
      {data?.abilities.schedule ? (
        <Link className="govuk-button" to={meetingPage(partnershipId, reviewId, 'new')}>
          Schedule a meeting
        </Link>
      ) : null}
      {data && all.length === 0 ? <p className="govuk-body">There are no meetings yet.</p> : null}
      {upcoming.length > 0 ? (
        <MeetingsTable
          partnershipId={partnershipId}
          reviewId={reviewId}
          meetings={upcoming}
          caption="Upcoming meetings"
        />
      ) : null}
      {past.length > 0 ? (
        <MeetingsTable
          partnershipId={partnershipId}
          reviewId={reviewId}
          meetings={past}
          caption="Past meetings"
        />
      ) : null}
      {all.length > 0 ? (
        <p className="govuk-body">
          A calendar file adds the meeting to Outlook, Google Calendar or Apple Calendar. It holds the title,
          time, length and place only: never the agenda, the notes or who is invited.
        </p>
      ) : null}
    </Page>
  );
}
