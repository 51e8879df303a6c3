import { type ReactNode, useCallback, useState } from 'react';
import { Link } from 'react-router';
import { type ReportProblem, usePageProblems } from '../analysis/episode-problems.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { SummaryRow, useReviewParams } from '../review/review-overview-page.tsx';
import { type DraftRequestDto, monitoringPage, qualityPage, useDraftRequests } from './api.ts';
import { DraftReceivedForm, DraftRequestForm } from './draft-request-forms.tsx';
import './quality.scss';

/**
 * A review's requests for a draft of its report: the partners ask in writing to see progress and
 * quality, and record when each draft arrives. Those who may see the quality markers read them; the
 * partnership's admins and business managers record them.
 */
export function DraftRequestsPage() {
  const { partnershipId, reviewId, membership } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewQuality);
  const requests = useDraftRequests(partnershipId, reviewId, allowed);
  const { items, report: reportProblem } = usePageProblems();
  const [done, setDone] = useState<string | null>(null);
  const report = useCallback<ReportProblem>(
    (source, problem) => {
      if (problem) setDone(null);
      reportProblem(source, problem);
    },
    [reportProblem],
  );

  if (review.isError) return <QueryProblem error={review.error} />;
  if (!review.data) return <Loading />;
  if (!allowed)
    return (
      <ForbiddenPage message="You do not have permission to see the requests for a draft of this review." />
    );
  if (requests.isError) return <QueryProblem error={requests.error} />;
  const r = review.data;
  const list = requests.data;
  const forms = { partnershipId, reviewId, onDone: setDone, onProblem: report };

  return (
    <Page
      title={['Requests for a draft', r.title]}
      heading="Requests for a draft"
      caption={r.title}
      errors={items}
      banner={done && items.length === 0 ? { heading: done } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          The safeguarding partners may ask the lead reviewers in writing for a draft of the report, to check
          its progress and quality. Record each request and the day the draft arrives.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={qualityPage(partnershipId, reviewId)}>
            Back to the quality markers
          </Link>
          {membership?.abilities.monitorReviews ? (
            <>
              {' '}
              or{' '}
              <Link className="govuk-link" to={monitoringPage(partnershipId)}>
                go to the monitoring of all reviews
              </Link>
            </>
          ) : null}
        </p>
        {!list ? (
          <Loading />
        ) : (
          <>
            <h2 className="govuk-heading-m">Requests made</h2>
            {list.requests.length === 0 ? (
              <p className="govuk-body">No requests for a draft have been recorded.</p>
            ) : (
              list.requests.map((request) => (
                <RequestCard key={request.id} request={request}>
                  {list.abilities.record ? (
                    <RecordReceipt request={request}>
                      <DraftReceivedForm
                        {...forms}
                        request={request}
                        name={formatDate(request.requestedOn)}
                      />
                    </RecordReceipt>
                  ) : null}
                </RequestCard>
              ))
            )}
            {list.abilities.record ? <DraftRequestForm {...forms} /> : null}
          </>
        )}
      </ReviewContent>
    </Page>
  );
}

/** One request as a GOV.UK summary card. */
function RequestCard({ request: q, children }: { request: DraftRequestDto; children: ReactNode }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">Requested on {formatDate(q.requestedOn)}</h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <SummaryRow label="Due">{q.dueOn ? formatDate(q.dueOn) : 'No date given'}</SummaryRow>
          <SummaryRow label="Received">
            {q.receivedOn ? (
              formatDate(q.receivedOn)
            ) : (
              <strong className="govuk-tag govuk-tag--yellow">Not received yet</strong>
            )}
          </SummaryRow>
          <SummaryRow label="Note">
            <span className="app-quality-text">{q.note || 'None'}</span>
          </SummaryRow>
          <SummaryRow label="Recorded by">{q.requestedByName ?? 'Not known'}</SummaryRow>
        </dl>
        {children}
      </div>
    </div>
  );
}

/** The form to mark a draft received: open while it is awaited, tucked away once it has arrived. */
function RecordReceipt({ request, children }: { request: DraftRequestDto; children: ReactNode }) {
  if (!request.receivedOn) return <>{children}</>;
  return (
    <details className="govuk-details govuk-!-margin-bottom-0">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Correct the date it arrived</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
