import { Link } from 'react-router';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { formatDate } from '../review/dates.ts';
import { useReviewsDueForErasure } from './api.ts';

/** The reviews whose personal data has been kept for the whole retention period. */
export function ReviewsDueForErasurePage() {
  const { partnershipId, membership } = useMembership();
  const due = useReviewsDueForErasure(partnershipId);
  if (due.isError) return <QueryProblem error={due.error} />;
  if (!due.data) return <Loading />;
  const { reviews, retainYears } = due.data;
  const home = `/partnerships/${partnershipId}`;

  return (
    <Page
      title={['Reviews due for erasure', membership?.partnershipName ?? 'Partnership']}
      caption={membership?.partnershipName}
      heading="Reviews due for erasure"
      width="full"
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            Reviews published, or closed without publication, more than {retainYears} years ago whose personal
            data has not been erased.{' '}
            <Link className="govuk-link" to={`${home}/retention`}>
              Change the retention period
            </Link>
          </p>
        </div>
      </div>
      {reviews.length === 0 ? (
        <p className="govuk-body">No reviews are due for erasure.</p>
      ) : (
        <ScrollableTable label="Reviews due for erasure">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Reviews due for erasure</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Review
                </th>
                <th scope="col" className="govuk-table__header">
                  Stage
                </th>
                <th scope="col" className="govuk-table__header">
                  Published or closed
                </th>
                <th scope="col" className="govuk-table__header">
                  Due for erasure
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {reviews.map((r) => (
                <tr key={r.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`${home}/reviews/${r.id}`}>
                      {r.title}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{r.stageLabel}</td>
                  <td className="govuk-table__cell">
                    {r.publishedOn
                      ? `Published ${formatDate(r.publishedOn)}`
                      : `Closed ${formatDate(r.closedOn)}`}
                  </td>
                  <td className="govuk-table__cell">{formatDate(r.dueOn)}</td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`${home}/reviews/${r.id}/erase`}>
                      Erase personal data<span className="govuk-visually-hidden"> of {r.title}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </Page>
  );
}
