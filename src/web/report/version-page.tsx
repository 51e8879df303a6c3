import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { type ReportProblem, usePageProblems } from '../analysis/episode-problems.ts';
import { Page } from '../components/page.tsx';
import { Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type ReportVersionDto, reportPage, useReport, useReportVersion } from './api.ts';
import { Circulations } from './circulations.tsx';
import { DocumentPreview } from './document-preview.tsx';
import { IdentifierScan, Publishable } from './identifier-scan.tsx';
import { type ReportPageState, roundIsOpen, versionName } from './report-bits.tsx';
import { ReportSupervision } from './report-supervision.tsx';
import { SignOff } from './sign-off.tsx';
import { VersionDownloads, VersionSummary, VersionWarnings } from './version-summary.tsx';

/**
 * One version of the report: where it stands, its files, the identifier scan and what it found, its
 * rounds of circulation with their comments, the sign-off chain, the supervisor's comments on the
 * report's sections (for those who see supervision), and a preview of the document.
 */
export function VersionPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const raw = useParams().versionNumber ?? '';
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : 0;
  const review = useReview(partnershipId, reviewId);
  const version = useReportVersion(partnershipId, review.data ? reviewId : '', n);
  const report = useReport(partnershipId, review.data ? reviewId : '');
  const arrived = useLocation().state as ReportPageState;
  const { items, report: reportProblem } = usePageProblems();
  const [done, setDone] = useState<string | null>(arrived?.banner ?? null);
  const onProblem = useCallback<ReportProblem>(
    (source, problem) => {
      if (problem) setDone(null);
      reportProblem(source, problem);
    },
    [reportProblem],
  );

  if (n < 1) return <NotFoundPage />;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (version.isError) return <QueryProblem error={version.error} />;
  if (!review.data || !version.data) return <Loading />;
  const r = review.data;
  const v = version.data;
  const readsDrafts = Boolean(r.abilities.viewReportDrafts);
  const versionRef = { partnershipId, reviewId, n };
  const parts = { versionRef, version: v, onDone: setDone, onProblem };
  const heading = versionName(v.number);
  const back = (
    <p className="govuk-body">
      <Link className="govuk-link" to={reportPage(partnershipId, reviewId)}>
        Back to the report
      </Link>
    </p>
  );
  const compare =
    readsDrafts && v.number > 1 ? (
      <p className="govuk-body">
        <Link
          className="govuk-link"
          to={reportPage(partnershipId, reviewId, `compare?from=${v.number - 1}&to=${v.number}`)}
        >
          Compare with version {v.number - 1}
        </Link>
      </p>
    ) : null;
  const circulations = <Circulations {...parts} readsDrafts={readsDrafts} />;
  const preview = <DocumentPreview document={v.document} showOrigin={readsDrafts} />;

  return (
    <Page
      title={[heading, 'Report', r.title]}
      heading={heading}
      caption={`${r.title}: report`}
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
        {readsDrafts ? null : <ReaderNotice version={v} />}
        <VersionSummary version={v} showScan={readsDrafts} />
        {compare}
        {v.abilities.download ? (
          <VersionDownloads partnershipId={partnershipId} reviewId={reviewId} version={v} />
        ) : null}
        {readsDrafts ? <VersionWarnings version={v} /> : null}
        {readsDrafts || v.abilities.scan || v.abilities.acknowledge ? <IdentifierScan {...parts} /> : null}
        <Publishable {...parts} />
        {readsDrafts ? circulations : null}
        {readsDrafts || v.abilities.signOff ? <SignOff {...parts} chain={report.data?.signOffChain} /> : null}
        {r.abilities.viewSupervision ? (
          <ReportSupervision
            partnershipId={partnershipId}
            reviewId={reviewId}
            document={v.document}
            onDone={setDone}
            onProblem={onProblem}
          />
        ) : null}
        {preview}
        {readsDrafts ? null : circulations}
        {back}
      </ReviewContent>
    </Page>
  );
}

/** For someone outside the review team: what this version is, and what the review is not about. */
function ReaderNotice({ version: v }: { version: ReportVersionDto }) {
  if (v.signOffStatus === 'signed_off')
    return <p className="govuk-body">This is the report as signed off.</p>;
  const canComment = v.circulations.some((c) => roundIsOpen(c) && c.abilities.comment);
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">
        This is a draft, shared with you for comment. It is not final, and it is not to be passed on.
      </p>
      <p className="govuk-body">
        The review looks at how the whole system worked, not at who was to blame. Practitioners are shown by
        their role, not their name, and the family by pseudonyms.
      </p>
      {canComment ? (
        <p className="govuk-body govuk-!-margin-bottom-0">
          <a className="govuk-link" href="#circulation-heading">
            Comment on the draft
          </a>
        </p>
      ) : null}
    </div>
  );
}
