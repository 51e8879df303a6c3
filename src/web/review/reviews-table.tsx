import { Link } from 'react-router';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { type ReviewSummaryDto, reviewPage } from './api.ts';
import { formatDate } from './dates.ts';
import { Deadline, plural, rolesInWords, StageTag } from './review-bits.tsx';
import './review.scss';

type Props = {
  partnershipId: string;
  reviews: ReviewSummaryDto[];
  caption: string;
  /** Whether to show the person's own role in each review (on "My reviews"). */
  showMyRoles?: boolean;
};

/** Reviews as a table: title (with type and variant), stage, next deadline and target publication date. */
export function ReviewsTable({ partnershipId, reviews, caption, showMyRoles }: Props) {
  const headers = [
    'Review',
    'Stage',
    'Next deadline',
    'Target publication',
    ...(showMyRoles ? ['Your role'] : []),
  ];
  return (
    <ScrollableTable label={caption}>
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {caption}{' '}
          <span className="govuk-caption-m govuk-!-display-inline">
            ({plural(reviews.length, 'review', 'reviews')})
          </span>
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
          {reviews.map((review) => (
            <tr className="govuk-table__row" key={review.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={reviewPage(partnershipId, review.id)}>
                  {review.title}
                </Link>
                <span className="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-font-weight-regular govuk-!-margin-bottom-0">
                  {review.typeLabel}, {review.variantLabel.toLowerCase()} variant
                </span>
              </th>
              <td className="govuk-table__cell">
                <StageTag stage={review.stage} label={review.stageLabel} />
              </td>
              <td className="govuk-table__cell">
                <Deadline deadline={review.nextDeadline} />
              </td>
              <td className="govuk-table__cell app-nowrap">{formatDate(review.targetPublicationDate)}</td>
              {showMyRoles ? (
                <td className="govuk-table__cell">{rolesInWords(review.myRoles) || 'None'}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** Puts reviews with an overdue deadline first, then by their next deadline. */
export function byUrgency(reviews: ReviewSummaryDto[]): ReviewSummaryDto[] {
  const rank = (r: ReviewSummaryDto) => (r.nextDeadline ? (r.nextDeadline.overdue ? 0 : 1) : 2);
  return [...reviews].sort(
    (a, b) =>
      rank(a) - rank(b) || (a.nextDeadline?.date ?? '9999').localeCompare(b.nextDeadline?.date ?? '9999'),
  );
}
