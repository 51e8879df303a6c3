import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { qualityPage, useAssessMarker, useQualitySummary } from './api.ts';
import { MarkerForm, MarkerRecord, markerFieldIds } from './marker-form.tsx';
import { assessedInWords, RatingTag } from './quality-bits.tsx';
import type { QualityPageState } from './quality-markers-page.tsx';
import './quality.scss';

/**
 * One quality marker: its statement and, for those who assess the review, its questions to answer,
 * the evidence Sightlines already holds, the written evidence and the rating. Everyone else who may
 * see the self-assessment reads it.
 */
export function MarkerPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const number = Number(useParams().markerNumber);
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewQuality);
  const summary = useQualitySummary(partnershipId, reviewId, allowed);
  const save = useAssessMarker(partnershipId, reviewId, number);
  const problem = useFormProblem(save.error, markerFieldIds);
  const navigate = useNavigate();
  const marker = summary.data?.markers.find((m) => m.number === number);
  // The version the form's values came from: a newer one means someone else saved meanwhile.
  const [startedFrom, setStartedFrom] = useState<number | null>(null);
  if (marker && startedFrom === null) setStartedFrom(marker.version);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (!review.data) return <Loading />;
  if (!allowed)
    return <ForbiddenPage message="You do not have permission to see the quality markers of this review." />;
  if (summary.isError) return <QueryProblem error={summary.error} />;
  if (!summary.data) return <Loading />;
  if (!marker) return <NotFoundPage />;
  const r = review.data;
  const heading = `${marker.number}. ${marker.title}`;
  const list = qualityPage(partnershipId, reviewId);
  const back = (
    <p className="govuk-body">
      <Link className="govuk-link" to={list}>
        Back to the quality markers
      </Link>
    </p>
  );

  return (
    <Page
      title={[heading, 'Quality markers', r.title]}
      heading={heading}
      caption={`${r.title}: ${marker.phaseLabel.toLowerCase()}`}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        {back}
        <div className="govuk-inset-text">
          <p className="govuk-body govuk-!-margin-bottom-0">{marker.statement}</p>
        </div>
        <p className="govuk-body">
          <RatingTag rating={marker.rating} />{' '}
          {assessedInWords(marker.assessedByName, marker.assessedAt, formatDateTime)}.
        </p>
        {summary.data.abilities.assess ? (
          <MarkerForm
            marker={marker}
            startedFrom={startedFrom ?? marker.version}
            pending={save.isPending}
            problem={problem}
            onSubmit={(body) =>
              save.mutate(body, {
                onSuccess: (saved) => {
                  const state: QualityPageState = {
                    banner: `Marker ${saved.number}, ${saved.title}, has been saved${
                      saved.ratingLabel ? ` as ${saved.ratingLabel.toLowerCase()}` : ''
                    }`,
                  };
                  navigate(list, { state });
                },
              })
            }
          />
        ) : (
          <MarkerRecord marker={marker} />
        )}
        {back}
      </ReviewContent>
    </Page>
  );
}
