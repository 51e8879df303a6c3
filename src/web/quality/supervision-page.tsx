import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ReportProblem, usePageProblems } from '../analysis/episode-problems.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { reviewPage, useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type SupervisionThreadDto, supervisionPage, useSupervisionThreads } from './supervision-api.ts';
import { SupervisionSessions } from './supervision-sessions.tsx';
import { SupervisionThread } from './supervision-thread.tsx';
import './quality.scss';

type Show = 'all' | 'open' | 'resolved';
const shows: { value: Show; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
];

/** Where the thing a thread is about is shown in the web app. */
function targetHref(partnershipId: string, reviewId: string, t: SupervisionThreadDto): string | null {
  const enc = encodeURIComponent(t.targetId);
  if (t.targetType === 'episode') return reviewPage(partnershipId, reviewId, `episodes/${enc}`);
  if (t.targetType === 'finding') return reviewPage(partnershipId, reviewId, `findings/${enc}`);
  return reviewPage(partnershipId, reviewId, 'report');
}

/**
 * Supervision of a review: every supervisor's comment thread (open or resolved) on its episodes,
 * findings and report, answered where it is about; and the log of supervision sessions.
 */
export function SupervisionPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewSupervision);
  const threads = useSupervisionThreads(partnershipId, reviewId, {}, allowed);
  const [params] = useSearchParams();
  const show = (shows.find((s) => s.value === params.get('show'))?.value ?? 'all') as Show;
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
      <ForbiddenPage message="Only the supervisors, lead reviewers and business manager of this review can see its supervision." />
    );
  if (threads.isError) return <QueryProblem error={threads.error} />;
  const r = review.data;
  const all = threads.data?.threads ?? [];
  const shown = show === 'all' ? all : all.filter((t) => t.status === show);
  const count = (s: Show) => (s === 'all' ? all.length : all.filter((t) => t.status === s).length);
  const here = supervisionPage(partnershipId, reviewId);

  return (
    <Page
      title={['Supervision', r.title]}
      heading="Supervision"
      caption={r.title}
      errors={items}
      banner={done && items.length === 0 ? { heading: done } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          Supervisors comment on the key practice episodes, findings and sections of the report. The lead and
          trainee reviewers answer each comment and mark it resolved. Only the supervisors, the reviewers and
          the business manager see them.
        </p>
        <h2 className="govuk-heading-l">Comments</h2>
        <nav aria-label="Filter the comments">
          <ul className="govuk-list">
            {shows.map((s) => (
              <li key={s.value} className="govuk-!-display-inline-block govuk-!-margin-right-4">
                <Link
                  className="govuk-link govuk-link--no-visited-state"
                  to={s.value === 'all' ? here : `${here}?show=${s.value}`}
                  aria-current={s.value === show ? 'page' : undefined}
                >
                  {s.value === show ? <strong>{s.label}</strong> : s.label} ({count(s.value)})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {!threads.data ? (
          <Loading />
        ) : shown.length === 0 ? (
          <p className="govuk-body">
            {show === 'all' ? 'There are no supervision comments yet.' : `There are no ${show} comments.`}
            {threads.data.abilities.comment
              ? ' Add a comment from the page of the episode or finding it is about.'
              : null}
          </p>
        ) : (
          <ol className="govuk-list">
            {shown.map((t) => (
              <SupervisionThread
                key={t.id}
                partnershipId={partnershipId}
                reviewId={reviewId}
                thread={t}
                targetHref={targetHref(partnershipId, reviewId, t)}
                onDone={setDone}
                onProblem={report}
              />
            ))}
          </ol>
        )}
        <SupervisionSessions
          partnershipId={partnershipId}
          reviewId={reviewId}
          onDone={setDone}
          onProblem={report}
        />
      </ReviewContent>
    </Page>
  );
}
