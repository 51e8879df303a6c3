import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageProblems } from '../analysis/episode-problems.ts';
import { ApiError } from '../api/client.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type ReportComparisonDto, reportPage, useReport, useReportComparison } from './api.ts';
import { CompareForm } from './compare-form.tsx';
import { versionName } from './report-bits.tsx';

type ComparedSection = ReportComparisonDto['sections'][number];

const statusTags: Record<ComparedSection['status'], { label: string; colour: string }> = {
  changed: { label: 'Changed', colour: 'govuk-tag--blue' },
  added: { label: 'Added', colour: 'govuk-tag--green' },
  removed: { label: 'Removed', colour: 'govuk-tag--red' },
  unchanged: { label: 'Unchanged', colour: 'govuk-tag--grey' },
};

const versionNumber = (text: string | null) => (text && /^\d{1,5}$/.test(text) ? Number(text) : 0);

/** What changed between two versions of the report, section by section and word by word. */
export function ComparePage() {
  const { partnershipId, reviewId } = useReviewParams();
  const [params] = useSearchParams();
  const from = versionNumber(params.get('from'));
  const to = versionNumber(params.get('to'));
  const review = useReview(partnershipId, reviewId);
  const ready = Boolean(review.data);
  const report = useReport(partnershipId, ready ? reviewId : '');
  const comparison = useReportComparison(partnershipId, ready ? reviewId : '', from, to);
  const { items, report: onProblem } = usePageProblems();
  // A comparison the server cannot make (the same version twice) is said above the form, not as a broken page.
  const refused =
    comparison.error instanceof ApiError && comparison.error.status === 400 ? comparison.error : null;
  const errors = useMemo(
    () => (refused ? [...items, { message: refused.message }] : items),
    [items, refused],
  );

  if (review.isError) return <QueryProblem error={review.error} />;
  if (report.isError) return <QueryProblem error={report.error} />;
  if (comparison.isError && !refused) return <QueryProblem error={comparison.error} />;
  if (!review.data || !report.data) return <Loading />;
  const r = review.data;
  const chosen = from > 0 && to > 0;
  const heading = chosen
    ? `Compare ${versionName(from).toLowerCase()} with ${versionName(to).toLowerCase()}`
    : 'Compare versions';

  return (
    <Page
      title={[heading, 'Report', r.title]}
      heading={heading}
      caption={`${r.title}: report`}
      errors={errors}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          <Link className="govuk-link" to={reportPage(partnershipId, reviewId)}>
            Back to the report
          </Link>
        </p>
        {!chosen || refused ? null : !comparison.data ? (
          <Loading />
        ) : (
          <Comparison comparison={comparison.data} />
        )}
        <CompareForm
          key={`${from}:${to}`}
          partnershipId={partnershipId}
          reviewId={reviewId}
          numbers={report.data.versions.map((v) => v.number)}
          from={from || undefined}
          to={to || undefined}
          onProblem={onProblem}
        />
      </ReviewContent>
    </Page>
  );
}

function Comparison({ comparison: c }: { comparison: ReportComparisonDto }) {
  const differing = c.sections.filter((s) => s.status !== 'unchanged');
  return (
    <>
      <p className="govuk-body">
        {differing.length === 0
          ? 'Nothing changed between these versions.'
          : `${differing.length} of ${c.sections.length} sections changed. Added words are underlined and removed words are struck through.`}
      </p>
      {c.sections.map((s) => (
        <ComparedSectionItem key={s.id} section={s} />
      ))}
    </>
  );
}

function ComparedSectionItem({ section: s }: { section: ComparedSection }) {
  const tag = statusTags[s.status];
  const Heading = s.id.includes('.') ? 'h3' : 'h2';
  return (
    <section className="govuk-!-margin-bottom-6" aria-labelledby={`compare-${s.id}`}>
      <Heading className="govuk-heading-s govuk-!-margin-bottom-2">
        <span id={`compare-${s.id}`}>{s.title}</span>{' '}
        <strong className={`govuk-tag ${tag.colour}`}>{tag.label}</strong>
      </Heading>
      {s.changes.length === 0 ? (
        s.status === 'unchanged' ? null : (
          <p className="govuk-body">No text.</p>
        )
      ) : (
        <p className="govuk-body app-report-changes">
          {s.changes.map((part, i) =>
            part.added ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the changes are in reading order and never move
              <ins key={i}>
                <span className="govuk-visually-hidden">[added: </span>
                {part.value}
                <span className="govuk-visually-hidden">]</span>
              </ins>
            ) : part.removed ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the changes are in reading order and never move
              <del key={i}>
                <span className="govuk-visually-hidden">[removed: </span>
                {part.value}
                <span className="govuk-visually-hidden">]</span>
              </del>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the changes are in reading order and never move
              <span key={i}>{part.value}</span>
            ),
          )}
        </p>
      )}
    </section>
  );
}
