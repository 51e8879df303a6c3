import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Choice } from '../components/form-fields.tsx';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { SupervisionThreads } from '../quality/supervision-threads.tsx';
import { type ReviewDto, useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { analysisPage, type EpisodeDto, useEpisode, useReviewReference } from './api.ts';
import { EpisodeComments } from './episode-comments.tsx';
import { EpisodeFactors } from './episode-factors.tsx';
import { EpisodeForm } from './episode-form.tsx';
import { type ReportProblem, usePageProblems } from './episode-problems.ts';
import { EpisodeRecord } from './episode-record.tsx';
import { EpisodeStatusSection, EpisodeStatusTag } from './episode-status.tsx';
import './episode.scss';

/** The agencies an episode may involve: the review's agencies, and any the episode already has. */
function agencyChoices(review: ReviewDto, episode: EpisodeDto): Choice[] {
  const all = new Map<string, string>();
  for (const a of review.termsOfReference?.agencies ?? []) all.set(a.id, a.name);
  for (const a of episode.agencies) all.set(a.id, a.name);
  return [...all].map(([value, label]) => ({ value, label }));
}

function EpisodeFacts({ episode: e }: { episode: EpisodeDto }) {
  const rows: [string, string][] = [
    [
      'Period',
      e.periodFrom === e.periodTo
        ? formatDate(e.periodFrom)
        : `${formatDate(e.periodFrom)} to ${formatDate(e.periodTo)}`,
    ],
    ['Agencies', e.agencies.map((a) => a.name).join(', ') || 'None linked yet'],
    ['Roles', e.roles.join(', ') || 'None given yet'],
  ];
  return (
    <dl className="govuk-summary-list govuk-!-margin-bottom-6">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Status</dt>
        <dd className="govuk-summary-list__value">
          <EpisodeStatusTag status={e.status} label={e.statusLabel} />
          {e.abilities.edit ? (
            <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
              {e.sharedWithCaseGroupAt
                ? `Shared with the case group on ${formatDate(e.sharedWithCaseGroupAt)}`
                : 'Not shared with the case group'}
            </span>
          ) : null}
        </dd>
      </div>
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The workbench of one key practice episode. Reviewers write what happened, how it looked at the
 * time, the appraisal (with the view from the tunnel beside it), what hindsight shows, the
 * contributory factors and its status; the case group reads the shared analysis and comments on it.
 */
export function EpisodePage() {
  const params = useParams();
  const partnershipId = params.partnershipId ?? '';
  const reviewId = params.reviewId ?? '';
  const episodeId = params.episodeId ?? '';
  const review = useReview(partnershipId, reviewId);
  const episode = useEpisode(partnershipId, reviewId, episodeId);
  const canEdit = Boolean(episode.data?.abilities.edit);
  const reference = useReviewReference(partnershipId, canEdit ? reviewId : '');
  const { items, report: reportProblem } = usePageProblems();
  const [done, setDone] = useState<string | null>(null);
  const report = useCallback<ReportProblem>(
    (source, problem) => {
      if (problem) setDone(null);
      reportProblem(source, problem);
    },
    [reportProblem],
  );
  const refetch = episode.refetch;
  const reload = useCallback(async () => (await refetch()).data, [refetch]);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (episode.isError) return <QueryProblem error={episode.error} />;
  if (!review.data || !episode.data) return <Loading />;
  const r = review.data;
  const e = episode.data;
  const heading = `Episode ${e.number}: ${e.title}`;
  const caseGroup = !e.abilities.edit && !r.abilities.viewAnalysis;
  const onDone = (message: string) => setDone(message);
  const back = (
    <p className="govuk-body">
      <Link className="govuk-link" to={analysisPage(partnershipId, reviewId)}>
        Back to the key practice episodes
      </Link>
    </p>
  );

  return (
    <Page
      title={[heading, r.title]}
      heading={heading}
      caption={r.title}
      errors={items}
      banner={done && items.length === 0 ? { heading: done } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        {back}
        <EpisodeFacts episode={e} />
        {caseGroup ? (
          <div className="govuk-inset-text">
            This review looks at how the system shaped what happened, not at blaming individuals. It asks why
            things made sense at the time. If something here is wrong, missing or unfair, tell the reviewers
            in a comment below.
          </div>
        ) : null}
        {e.abilities.edit || e.abilities.manage ? (
          <EpisodeStatusSection
            partnershipId={partnershipId}
            reviewId={reviewId}
            episode={e}
            onDone={onDone}
            onProblem={report}
          />
        ) : null}
        {e.abilities.edit ? (
          <EpisodeForm
            partnershipId={partnershipId}
            reviewId={reviewId}
            episode={e}
            reference={reference.data}
            agencyChoices={agencyChoices(r, e)}
            showTunnel={Boolean(r.abilities.viewNarrative)}
            onSaved={onDone}
            onProblem={report}
            reload={reload}
          />
        ) : (
          <EpisodeRecord partnershipId={partnershipId} reviewId={reviewId} episode={e} />
        )}
        <EpisodeFactors
          partnershipId={partnershipId}
          reviewId={reviewId}
          episode={e}
          reference={reference.data}
          onDone={onDone}
          onProblem={report}
        />
        <EpisodeComments
          partnershipId={partnershipId}
          reviewId={reviewId}
          episode={e}
          caseGroup={caseGroup}
          onDone={onDone}
          onProblem={report}
        />
        {r.abilities.viewSupervision ? (
          <SupervisionThreads
            partnershipId={partnershipId}
            reviewId={reviewId}
            targetType="episode"
            targetId={e.id}
            onDone={onDone}
            onProblem={report}
          />
        ) : null}
        {back}
      </ReviewContent>
    </Page>
  );
}
