import { useCallback, useState } from 'react';
import { type ReportProblem, usePageProblems } from '../analysis/episode-problems.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { hasRole } from '../review/review-bits.tsx';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type ReportDto, useReport } from './api.ts';
import { CompareForm } from './compare-form.tsx';
import { GenerateForm } from './generate-form.tsx';
import { NarrativeForm } from './narrative-form.tsx';
import { VersionsTable } from './versions-table.tsx';

/**
 * The review's report. The lead reviewers write their sections, generate versions and compare them;
 * everyone in the review sees the versions they may read: the review team every draft, others a draft
 * circulated to them and the final report once it is signed off.
 */
export function ReportPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const report = useReport(partnershipId, review.data ? reviewId : '');
  const { items, report: reportProblem } = usePageProblems();
  const [done, setDone] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const onProblem = useCallback<ReportProblem>(
    (source, problem) => {
      if (problem) setDone(null);
      reportProblem(source, problem);
    },
    [reportProblem],
  );
  const refetch = report.refetch;
  const reload = useCallback(async () => (await refetch()).data, [refetch]);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (report.isError) return <QueryProblem error={report.error} />;
  if (!review.data || !report.data) return <Loading />;
  const r = review.data;
  const data = report.data;
  const readsDrafts = Boolean(r.abilities.viewReportDrafts);
  // Board members are in no audience of a circulation, so they never see a draft.
  const boardOnly =
    !readsDrafts && r.myRoles.length > 0 && r.myRoles.every((role) => hasRole([role], 'board_member'));

  return (
    <Page
      title={['Report', r.title]}
      heading="Report"
      caption={r.title}
      errors={items}
      banner={done && items.length === 0 ? { heading: done } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        {data.abilities.edit ? <OnThisPage generate={data.abilities.generate} /> : null}
        <Versions
          report={data}
          partnershipId={partnershipId}
          reviewId={reviewId}
          readsDrafts={readsDrafts}
          boardOnly={boardOnly}
        />
        {readsDrafts && data.versions.length >= 2 ? (
          <CompareForm
            partnershipId={partnershipId}
            reviewId={reviewId}
            numbers={data.versions.map((v) => v.number)}
            onProblem={onProblem}
          />
        ) : null}
        {data.abilities.edit ? (
          <div className="govuk-!-margin-top-8">
            <NarrativeForm
              partnershipId={partnershipId}
              reviewId={reviewId}
              report={data}
              onSaved={setDone}
              onProblem={onProblem}
              onDirty={setDirty}
              reload={reload}
            />
          </div>
        ) : null}
        {data.abilities.generate ? (
          <GenerateForm
            partnershipId={partnershipId}
            reviewId={reviewId}
            dirty={dirty}
            onProblem={onProblem}
          />
        ) : null}
      </ReviewContent>
    </Page>
  );
}

/** Links to the parts of a long page, for those who write the report. */
function OnThisPage({ generate }: { generate: boolean }) {
  return (
    <nav aria-label="On this page" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href="#versions-heading">
            Versions
          </a>
        </li>
        <li>
          <a className="govuk-link" href="#narrative-heading">
            The sections you write
          </a>
        </li>
        {generate ? (
          <li>
            <a className="govuk-link" href="#generate-heading">
              Generate a new version
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

type VersionsProps = {
  report: ReportDto;
  partnershipId: string;
  reviewId: string;
  readsDrafts: boolean;
  /** Whether the person's only role in the review is board member. */
  boardOnly: boolean;
};

/** The versions the person may read, or what they will see here and when. */
function Versions({ report, partnershipId, reviewId, readsDrafts, boardOnly }: VersionsProps) {
  return (
    <section aria-labelledby="versions-heading">
      <h2 className="govuk-heading-m" id="versions-heading">
        Versions
      </h2>
      {readsDrafts ? null : boardOnly ? (
        <p className="govuk-body">
          The report appears here once it is signed off by the safeguarding partners. Drafts are not shared
          with board members.
        </p>
      ) : (
        <p className="govuk-body">
          Drafts of the report appear here when the lead reviewers circulate them to you for comment. The
          final report appears here once it is signed off.
        </p>
      )}
      {report.versions.length === 0 ? (
        <p className="govuk-body">
          {readsDrafts ? 'No version has been generated yet.' : 'There is nothing for you to read yet.'}
        </p>
      ) : (
        <VersionsTable
          partnershipId={partnershipId}
          reviewId={reviewId}
          versions={report.versions}
          showScan={readsDrafts}
        />
      )}
    </section>
  );
}
