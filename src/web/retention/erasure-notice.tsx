import { Link } from 'react-router';
import { formatDateTime } from '../components/format.ts';
import { NotificationBanner } from '../components/notification-banner.tsx';
import { type ReviewErasureDto, useReviewErasure } from './api.ts';

/** Who erased a review's personal data, when, why, and how many records of each kind. */
export function ErasureSummary({ erasure }: { erasure: ReviewErasureDto }) {
  const erased = erasure.counts.filter((c) => c.count > 0);
  return (
    <>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Erased</dt>
          <dd className="govuk-summary-list__value">
            {formatDateTime(erasure.erasedAt)}
            {erasure.erasedBy ? ` by ${erasure.erasedBy.name}` : ''}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Reason</dt>
          <dd className="govuk-summary-list__value">{erasure.reason}</dd>
        </div>
      </dl>
      {erased.length ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Records erased</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Kind of record
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Number
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {erased.map((c) => (
              <tr key={c.kind} className="govuk-table__row">
                <td className="govuk-table__cell">{c.label}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{c.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/**
 * On a review's page: a banner when its personal data has been erased, and for an admin a link to
 * erase it once the review is finished. Shows nothing while loading or if the status cannot be read.
 */
export function ErasureNotice({ partnershipId, reviewId }: { partnershipId: string; reviewId: string }) {
  const status = useReviewErasure(partnershipId, reviewId);
  const s = status.data;
  if (!s) return null;
  if (s.erasure) {
    return (
      <NotificationBanner type="important" heading="This review’s personal data has been erased">
        <p className="govuk-body">
          Erased on {formatDateTime(s.erasure.erasedAt)}
          {s.erasure.erasedBy ? ` by ${s.erasure.erasedBy.name}` : ''}. The review can no longer be changed.{' '}
          <Link
            className="govuk-notification-banner__link"
            to={`/partnerships/${partnershipId}/reviews/${reviewId}/erase`}
          >
            See what was erased
          </Link>
        </p>
      </NotificationBanner>
    );
  }
  if (!s.abilities.erase) return null;
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={`/partnerships/${partnershipId}/reviews/${reviewId}/erase`}>
        Erase personal data
      </Link>
    </p>
  );
}
