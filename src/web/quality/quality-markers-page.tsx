import { Link, useLocation } from 'react-router';
import { type QualityPhase, qualityPhases } from '#domain/quality/markers.ts';
import type { RatingCounts } from '#domain/quality/quality.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { draftRequestsPage, type MarkerAssessmentDto, qualityPage, useQualitySummary } from './api.ts';
import { RatingTag, ratingMeanings } from './quality-bits.tsx';

/** What a marker's page passes back after a save, for the banner here. */
export type QualityPageState = { banner?: string } | null;

/**
 * A review's self-assessment against the 18 quality markers, in their three phases: each marker's
 * rating (or that it is not assessed yet), with counts for each phase and the whole review. Each
 * marker opens its own page, where those who assess it answer its questions and rate it.
 */
export function QualityMarkersPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewQuality);
  const summary = useQualitySummary(partnershipId, reviewId, allowed);
  const arrived = useLocation().state as QualityPageState;

  if (review.isError) return <QueryProblem error={review.error} />;
  if (!review.data) return <Loading />;
  if (!allowed)
    return <ForbiddenPage message="You do not have permission to see the quality markers of this review." />;
  if (summary.isError) return <QueryProblem error={summary.error} />;
  const r = review.data;
  const s = summary.data;

  return (
    <Page
      title={['Quality markers', r.title]}
      heading="Quality markers"
      caption={r.title}
      banner={arrived?.banner ? { heading: arrived.banner } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          How this review measures up against the 18 quality markers for case reviews (NSPCC and SCIE, 2016).
          They prompt discussion and judgement rather than set a pass mark.
          {s?.abilities.assess ? ' Choose a marker to answer its questions and rate it.' : null}
        </p>
        <RatingsExplained />
        <p className="govuk-body">
          <Link className="govuk-link" to={draftRequestsPage(partnershipId, reviewId)}>
            Requests for a draft of the report
          </Link>
        </p>
        {!s ? (
          <Loading />
        ) : (
          <>
            <CountsTable byPhase={s.byPhase} total={s.counts} />
            {(Object.keys(qualityPhases) as QualityPhase[]).map((phase) => (
              <PhaseMarkers
                key={phase}
                heading={qualityPhases[phase]}
                markers={s.markers.filter((m) => m.phase === phase)}
                to={(n) => qualityPage(partnershipId, reviewId, n)}
              />
            ))}
          </>
        )}
      </ReviewContent>
    </Page>
  );
}

/** What red, amber and green mean, in words. */
export function RatingsExplained() {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">What the ratings mean</span>
      </summary>
      <div className="govuk-details__text">
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          {Object.values(ratingMeanings).map((m) => (
            <div className="govuk-summary-list__row" key={m.label}>
              <dt className="govuk-summary-list__key">{m.label}</dt>
              <dd className="govuk-summary-list__value">{m.hint}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

type PhaseCounts = { phase: string; phaseLabel: string; counts: RatingCounts };

/** The number of markers with each rating, for each phase and in all. */
function CountsTable({ byPhase, total }: { byPhase: PhaseCounts[]; total: RatingCounts }) {
  const cells = (c: RatingCounts) =>
    [c.green, c.amber, c.red, c.notAssessed].map((n, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: the four columns are fixed
      <td className="govuk-table__cell govuk-table__cell--numeric" key={i}>
        {n}
      </td>
    ));
  return (
    <ScrollableTable label="Ratings by phase">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Ratings by phase</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Phase
            </th>
            {['Green', 'Amber', 'Red', 'Not assessed'].map((h) => (
              <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {byPhase.map((row) => (
            <tr className="govuk-table__row" key={row.phase}>
              <th scope="row" className="govuk-table__header">
                {row.phaseLabel}
              </th>
              {cells(row.counts)}
            </tr>
          ))}
          <tr className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              All markers
            </th>
            {cells(total)}
          </tr>
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** One phase's markers as a GOV.UK task list, each linking to its page with its rating beside it. */
function PhaseMarkers({
  heading,
  markers,
  to,
}: {
  heading: string;
  markers: MarkerAssessmentDto[];
  to: (n: number) => string;
}) {
  return (
    <>
      <h2 className="govuk-heading-m govuk-!-margin-top-6">{heading}</h2>
      <ul className="govuk-task-list">
        {markers.map((m) => {
          const statusId = `marker-${m.number}-status`;
          return (
            <li className="govuk-task-list__item govuk-task-list__item--with-link" key={m.number}>
              <div className="govuk-task-list__name-and-hint">
                <Link
                  className="govuk-link govuk-task-list__link"
                  to={to(m.number)}
                  aria-describedby={statusId}
                >
                  {m.number}. {m.title}
                </Link>
              </div>
              <div className="govuk-task-list__status" id={statusId}>
                <RatingTag rating={m.rating} />
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
