import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { formatDate } from './dates.ts';
import { Deadline } from './deadline.tsx';
import { Multiline, SummaryList } from './fields.tsx';
import { intakePages, type RapidReviewDto, useNotification, useRapidReview } from './intake-api.ts';
import type { BannerState } from './use-form-errors.ts';

/** Loads the rapid review of the notification named in the address. */
export function useRapidReviewOfNotification() {
  const { partnershipId: pid } = useMembership();
  const notificationId = useParams().notificationId ?? '';
  const notification = useNotification(pid, notificationId);
  const review = useRapidReview(pid, notification.data?.rapidReview?.id);
  const error = notification.error ?? review.error;
  const missing = notification.data && !notification.data.rapidReview;
  return { pid, notificationId, review: review.data, error, missing };
}

function Table({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <ScrollableTable label={label}>
      <table className="govuk-table">
        <caption className="govuk-visually-hidden">{label}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((cells, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are rebuilt from the server's list each time
            <tr className="govuk-table__row" key={r}>
              {cells.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells have a fixed position
                <td className="govuk-table__cell" key={c}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

function Agencies({ r, page }: { r: RapidReviewDto; page: (part: string) => string }) {
  return (
    <>
      <h2 className="govuk-heading-m">Agency summaries</h2>
      <p className="govuk-body">
        {r.agencies.asked === 0
          ? 'No agencies have been asked for a summary yet.'
          : `${r.agencies.replied} of ${r.agencies.asked} agencies have replied.`}
      </p>
      {r.agencyRequests.length > 0 ? (
        <Table
          label="Agencies asked for summaries"
          head={['Agency', 'Asked', 'Replied', 'Notes']}
          rows={r.agencyRequests.map((a) => [
            a.agencyName,
            formatDate(a.requestedDate),
            a.abilities.update ? (
              <Link key="reply" className="govuk-link" to={page(`/agencies/${a.id}`)}>
                {a.repliedDate ? formatDate(a.repliedDate) : 'Record reply'}
                <span className="govuk-visually-hidden"> from {a.agencyName}</span>
              </Link>
            ) : (
              formatDate(a.repliedDate) || 'Not yet'
            ),
            <Multiline key="notes" text={a.notes} empty="" />,
          ])}
        />
      ) : null}
      {r.abilities.askAgency ? (
        <Link className="govuk-button govuk-button--secondary" to={page('/agencies/new')}>
          Ask agencies for summaries
        </Link>
      ) : null}
    </>
  );
}

function Meetings({ r, page }: { r: RapidReviewDto; page: (part: string) => string }) {
  return (
    <>
      <h2 className="govuk-heading-m">Meetings</h2>
      {r.meetings.length === 0 ? <p className="govuk-body">No meetings have been scheduled.</p> : null}
      {r.meetings.length > 0 ? (
        <Table
          label="Rapid review meetings"
          head={['When', 'Meeting', 'Where']}
          rows={r.meetings.map((m) => [
            `${formatDateTime(m.startsAt)} (${m.durationMinutes} minutes)`,
            m.title,
            m.location ?? '',
          ])}
        />
      ) : null}
      {r.abilities.scheduleMeeting ? (
        <Link className="govuk-button govuk-button--secondary" to={page('/meetings/new')}>
          Schedule a meeting
        </Link>
      ) : null}
    </>
  );
}

/** A rapid review: its due date, the agencies asked for summaries, meetings, findings, decision and the panel. */
export function RapidReviewPage() {
  const { pid, notificationId, review: r, error, missing } = useRapidReviewOfNotification();
  const state = useLocation().state as BannerState;
  if (error) return <QueryProblem error={error} />;
  if (missing) return <NotFoundPage />;
  if (!r) return <Loading />;
  const page = (part: string) => intakePages.rapidReview(pid, notificationId, part);
  const panelReply =
    r.panelAgrees === null
      ? 'No reply recorded'
      : r.panelAgrees
        ? 'The panel agreed'
        : 'The panel did not agree';

  return (
    <Page
      title={[`Rapid review for ${r.childPseudonym}`]}
      heading={`Rapid review for ${r.childPseudonym}`}
      caption="Notifications"
      width="full"
      banner={
        state?.banner
          ? {
              heading: state.banner,
              children: state.detail ? <p className="govuk-body">{state.detail}</p> : null,
            }
          : null
      }
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              {
                key: 'Rapid review due',
                value: <Deadline deadline={r.deadline} metLabel="Sent to the panel" />,
              },
              { key: 'Status', value: r.statusLabel },
              { key: 'Started', value: formatDate(r.startedDate) },
              {
                key: 'Notification',
                value: (
                  <Link className="govuk-link" to={intakePages.notification(pid, notificationId)}>
                    {r.notification.submittedDate
                      ? `Sent ${formatDate(r.notification.submittedDate)}`
                      : 'Not sent yet'}
                    <span className="govuk-visually-hidden">: go to the notification</span>
                  </Link>
                ),
              },
            ]}
          />
          <Agencies r={r} page={page} />
          <Meetings r={r} page={page} />

          <h2 className="govuk-heading-m">Findings and decision</h2>
          <SummaryList
            rows={[
              {
                key: 'Immediate actions',
                value: <Multiline text={r.immediateActions} empty="None recorded" />,
              },
              {
                key: 'Learning identified',
                value: <Multiline text={r.learningIdentified} empty="None recorded" />,
              },
              { key: 'Decision', value: r.decisionLabel ?? 'Not decided yet' },
              {
                key: 'Reasons for the decision',
                value: <Multiline text={r.decisionRationale} empty="None recorded" />,
              },
              { key: 'Date of the decision', value: formatDate(r.decisionDate) || 'None recorded' },
            ]}
          />
          {r.reviewId ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={`/partnerships/${pid}/reviews/${r.reviewId}`}>
                Go to the review commissioned from this rapid review
              </Link>
            </p>
          ) : null}
          {r.abilities.commissionReview ? (
            <Link
              className="govuk-button govuk-button--secondary"
              to={`/partnerships/${pid}/reviews/new?rapidReviewId=${encodeURIComponent(r.id)}`}
            >
              Commission the review
            </Link>
          ) : null}
          <h2 className="govuk-heading-m">Child Safeguarding Practice Review Panel</h2>
          <SummaryList
            rows={[
              { key: 'Sent to the panel', value: formatDate(r.sentToPanelDate) || 'Not sent yet' },
              {
                key: 'Panel’s reply',
                value: r.panelResponseDate
                  ? `${panelReply} on ${formatDate(r.panelResponseDate)}`
                  : panelReply,
              },
              {
                key: 'What the panel said',
                value: <Multiline text={r.panelResponse} empty="None recorded" />,
              },
            ]}
          />
          {r.abilities.update ? (
            <Link className="govuk-button" to={page('/change')}>
              Record progress and the decision
            </Link>
          ) : null}
        </div>
      </div>
    </Page>
  );
}
