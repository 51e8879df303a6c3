import { Link } from 'react-router';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { formatDate } from './dates.ts';
import { Deadline } from './deadline.tsx';
import { intakePages, useNotifications } from './intake-api.ts';

const header = (text: string) => (
  <th scope="col" className="govuk-table__header">
    {text}
  </th>
);

/** The partnership's serious incident notifications, with their deadlines and rapid reviews. */
export function NotificationsPage() {
  const { partnershipId: pid, membership } = useMembership();
  const list = useNotifications(pid);
  if (list.isError) return <QueryProblem error={list.error} />;
  const name = membership?.partnershipName;
  const notifications = list.data?.notifications ?? [];

  return (
    <Page
      title={['Notifications', ...(name ? [name] : [])]}
      heading="Notifications"
      caption={name}
      width="full"
    >
      <p className="govuk-body">
        Serious incident notifications are due 5 working days after the local authority became aware. The
        rapid review is due 15 working days after the notification.
      </p>
      {list.data?.abilities.create ? (
        <Link className="govuk-button" to={intakePages.record(pid)}>
          Record a notification
        </Link>
      ) : null}
      {!list.data ? <Loading /> : null}
      {list.data && notifications.length === 0 ? (
        <p className="govuk-body">There are no notifications yet.</p>
      ) : null}
      {notifications.length > 0 ? (
        <ScrollableTable label="Notifications table">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {notifications.length === 1 ? '1 notification' : `${notifications.length} notifications`}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {header('Child')}
                {header('Local authority aware')}
                {header('Notification due')}
                {header('Notification')}
                {header('Rapid review')}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {notifications.map((n) => (
                <tr className="govuk-table__row" key={n.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={intakePages.notification(pid, n.id)}>
                      {n.childPseudonym}
                    </Link>
                  </td>
                  <td className="govuk-table__cell app-nowrap">{formatDate(n.awareDate)}</td>
                  <td className="govuk-table__cell">
                    <Deadline deadline={n.deadline} metLabel="Sent" />
                  </td>
                  <td className="govuk-table__cell">
                    {n.status === 'sent' ? `Sent ${formatDate(n.submittedDate)}` : n.statusLabel}
                  </td>
                  <td className="govuk-table__cell">
                    {n.rapidReview ? (
                      <>
                        <Link className="govuk-link" to={intakePages.rapidReview(pid, n.id)}>
                          {n.rapidReview.statusLabel}
                          <span className="govuk-visually-hidden">: rapid review for {n.childPseudonym}</span>
                        </Link>
                        <br />
                        <Deadline deadline={n.rapidReview.deadline} metLabel="Sent" />
                      </>
                    ) : (
                      'Not started'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      ) : null}
      {list.data?.abilities.manageCalendar ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={intakePages.calendar(pid)}>
            Non-working days used for these deadlines
          </Link>
        </p>
      ) : null}
    </Page>
  );
}
