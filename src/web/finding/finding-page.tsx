import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { type ReportProblem, usePageProblems } from '../analysis/episode-problems.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { SupervisionThreads } from '../quality/supervision-threads.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { findingsPage, useFinding } from './api.ts';
import { FindingAgreement } from './finding-agreement.tsx';
import { findingName } from './finding-bits.tsx';
import { useFindingChoices } from './finding-choices.ts';
import { FindingDelete } from './finding-delete.tsx';
import { FindingForm } from './finding-form.tsx';
import { FindingRecord } from './finding-record.tsx';
import type { FindingsPageState } from './findings-page.tsx';
import './finding.scss';

/**
 * One finding. The review team writes it in the fixed block of a Learning Together finding, sees what
 * it still needs before it can be agreed, agrees it and moves it on; others who may see findings read it.
 */
export function FindingPage() {
  const params = useParams();
  const partnershipId = params.partnershipId ?? '';
  const reviewId = params.reviewId ?? '';
  const findingId = params.findingId ?? '';
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewFindings);
  const finding = useFinding(partnershipId, reviewId, allowed ? findingId : '');
  const canEdit = Boolean(finding.data?.abilities.edit);
  const choices = useFindingChoices(partnershipId, reviewId, review.data, finding.data, canEdit);
  const arrived = useLocation().state as FindingsPageState;
  const { items, report: reportProblem } = usePageProblems();
  const [done, setDone] = useState<string | null>(arrived?.banner ?? null);
  const report = useCallback<ReportProblem>(
    (source, problem) => {
      if (problem) setDone(null);
      reportProblem(source, problem);
    },
    [reportProblem],
  );
  const refetch = finding.refetch;
  const reload = useCallback(async () => (await refetch()).data, [refetch]);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (review.data && !allowed)
    return <ForbiddenPage message="You do not have permission to see the findings of this review." />;
  if (finding.isError) return <QueryProblem error={finding.error} />;
  if (!review.data || !finding.data) return <Loading />;
  const r = review.data;
  const f = finding.data;
  const heading = findingName(f);
  const back = (
    <p className="govuk-body">
      <Link className="govuk-link" to={findingsPage(partnershipId, reviewId)}>
        Back to the findings
      </Link>
    </p>
  );

  return (
    <Page
      title={[heading, 'Findings', r.title]}
      heading={heading}
      caption={r.title}
      errors={items}
      banner={
        done && items.length === 0
          ? {
              heading: done,
              children:
                done === arrived?.banner && arrived.detail ? (
                  <p className="govuk-body">{arrived.detail}</p>
                ) : null,
            }
          : null
      }
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        {back}
        {f.abilities.edit || f.abilities.agree ? (
          <FindingAgreement
            partnershipId={partnershipId}
            reviewId={reviewId}
            finding={f}
            onDone={setDone}
            onProblem={report}
          />
        ) : null}
        {f.abilities.edit ? (
          <>
            <FindingForm
              partnershipId={partnershipId}
              reviewId={reviewId}
              finding={f}
              choices={choices}
              onSaved={(message) => setDone(message)}
              onProblem={report}
              reload={reload}
            />
            <FindingDelete partnershipId={partnershipId} reviewId={reviewId} finding={f} onProblem={report} />
          </>
        ) : (
          <FindingRecord finding={f} />
        )}
        {r.abilities.viewSupervision ? (
          <SupervisionThreads
            partnershipId={partnershipId}
            reviewId={reviewId}
            targetType="finding"
            targetId={f.id}
            onDone={setDone}
            onProblem={report}
          />
        ) : null}
        {back}
      </ReviewContent>
    </Page>
  );
}
