import { Link } from 'react-router';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { reviewPage } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { plural, StageTag } from '../review/review-bits.tsx';
import {
  type DraftRequestDto,
  draftRequestsPage,
  type MonitoringDto,
  qualityPage,
  useMonitoring,
} from './api.ts';
import { countsInWords } from './quality-bits.tsx';

type Row = MonitoringDto['reviews'][number];

/**
 * The partners' view of time and quality across the partnership's open reviews: each review's stage,
 * how far it is from its target publication date, the deadlines it has missed and the next one, its
 * quality-marker ratings and the latest request for a draft, with a way to record requests.
 */
export function MonitoringPage() {
  const { partnershipId, membership } = useMembership();
  // Someone outside the partnership asks all the same, and is told it is not found.
  const allowed = membership ? Boolean(membership.abilities.monitorReviews) : true;
  const monitoring = useMonitoring(partnershipId, allowed);
  const name = membership?.partnershipName;

  if (membership && !allowed)
    return (
      <ForbiddenPage message="Only the partnership’s admins and business managers can see the monitoring of reviews." />
    );
  if (monitoring.isError) return <QueryProblem error={monitoring.error} />;
  const data = monitoring.data;
  const late = data?.reviews.filter((r) => r.overdueDeadlines.length > 0).length ?? 0;

  return (
    <Page title={['Monitoring', ...(name ? [name] : [])]} heading="Monitoring" caption={name} width="full">
      <p className="govuk-body">
        Every open review’s progress against its dates, and how it measures up against the quality markers.
        Reviews closest to their target publication date come first.
      </p>
      {!data ? (
        <Loading />
      ) : data.reviews.length === 0 ? (
        <p className="govuk-body">There are no open reviews to monitor.</p>
      ) : (
        <>
          {late > 0 ? (
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {late === 1 ? '1 review has' : `${late} reviews have`} missed a deadline.
              </strong>
            </div>
          ) : null}
          <p className="govuk-body">Quality markers across these reviews: {countsInWords(data.totals)}.</p>
          <MonitoringTable partnershipId={partnershipId} rows={data.reviews} />
        </>
      )}
    </Page>
  );
}

const headers = [
  'Review',
  'Stage',
  'Target publication',
  'Missed deadlines',
  'Next deadline',
  'Quality markers',
  'Request for a draft',
];

function MonitoringTable({ partnershipId, rows }: { partnershipId: string; rows: Row[] }) {
  return (
    <ScrollableTable label="Reviews being monitored">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {plural(rows.length, 'open review', 'open reviews')}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {headers.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row) => (
            <tr className="govuk-table__row" key={row.reviewId}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={reviewPage(partnershipId, row.reviewId)}>
                  {row.title}
                </Link>
              </th>
              <td className="govuk-table__cell">
                <StageTag stage={row.stage} label={row.stageLabel} />
              </td>
              <td className="govuk-table__cell">
                <span className="app-nowrap">{formatDate(row.targetPublicationDate)}</span>
                <br />
                <DaysToTarget days={row.daysToTarget} />
              </td>
              <td className="govuk-table__cell">
                {row.overdueDeadlines.length === 0 ? (
                  'None'
                ) : (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {row.overdueDeadlines.map((label) => (
                      <li key={label}>
                        <strong className="govuk-tag govuk-tag--red">Overdue</strong> {label}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="govuk-table__cell">
                {row.nextDeadline
                  ? `${row.nextDeadline.label}: ${formatDate(row.nextDeadline.dueOn)}`
                  : 'None to come'}
              </td>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={qualityPage(partnershipId, row.reviewId)}>
                  {countsInWords(row.quality)} <span className="govuk-visually-hidden">for {row.title}</span>
                </Link>
              </td>
              <td className="govuk-table__cell">
                <DraftRequestSummary request={row.latestDraftRequest} />
                <Link className="govuk-link" to={draftRequestsPage(partnershipId, row.reviewId)}>
                  Record a request <span className="govuk-visually-hidden">for {row.title}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Days to the target publication date as a tag: red once passed, orange today, yellow within a month. */
export function DaysToTarget({ days }: { days: number }) {
  if (days < 0)
    return <strong className="govuk-tag govuk-tag--red">Overdue by {plural(-days, 'day', 'days')}</strong>;
  if (days === 0) return <strong className="govuk-tag govuk-tag--orange">Due today</strong>;
  if (days <= 30)
    return <strong className="govuk-tag govuk-tag--yellow">{plural(days, 'day', 'days')} left</strong>;
  return <span>{plural(days, 'day', 'days')} left</span>;
}

/** The latest request for a draft in a few words, or that there is none. */
function DraftRequestSummary({ request }: { request: DraftRequestDto | null }) {
  if (!request) return <p className="govuk-body-s govuk-!-margin-bottom-1">None requested</p>;
  return (
    <p className="govuk-body-s govuk-!-margin-bottom-1">
      Requested {formatDate(request.requestedOn)}
      {request.receivedOn
        ? `, received ${formatDate(request.receivedOn)}`
        : request.dueOn
          ? `, due ${formatDate(request.dueOn)}`
          : ', not received yet'}
    </p>
  );
}
