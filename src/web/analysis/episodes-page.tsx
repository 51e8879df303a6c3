import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { FormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { analysisPage, type EpisodeList, useEpisodes } from './api.ts';
import { count, episodeName, episodePeriod } from './episodes-bits.tsx';
import { EpisodesShareForm } from './episodes-share-form.tsx';
import { EpisodesTable } from './episodes-table.tsx';

export type EpisodesPageState = { banner?: string; detail?: string } | null;
type Banner = { heading: string; detail?: string | undefined };

/**
 * The review's key practice episodes. The review team sees them in order with where each stands,
 * can reorder them, create one, share them with the case group and go to the causal map. A case
 * group member sees only the episodes shared with them.
 */
export function EpisodesPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const abilities = review.data?.abilities;
  const allowed = Boolean(abilities?.viewAnalysis || abilities?.viewSharedEpisodes);
  const list = useEpisodes(partnershipId, allowed ? reviewId : '');
  const state = useLocation().state as EpisodesPageState;
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [shared, setShared] = useState<Banner | null>(null);

  // A change made on this page is confirmed in the banner, which takes focus as a new page's would.
  useEffect(() => {
    if (shared) document.querySelector<HTMLElement>('.govuk-notification-banner')?.focus();
  }, [shared]);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (review.data && !allowed)
    return <ForbiddenPage message="You do not have permission to see the analysis of this review." />;
  if (list.isError) return <QueryProblem error={list.error} />;
  if (!review.data || !list.data) return <Loading />;
  const r = review.data;
  const data = list.data;
  const banner: Banner | null =
    shared ?? (state?.banner && !problem ? { heading: state.banner, detail: state.detail } : null);

  return (
    <Page
      title={['Key practice episodes', r.title]}
      heading="Key practice episodes"
      caption={r.title}
      errors={problem?.items}
      width="full"
      banner={
        banner
          ? {
              heading: banner.heading,
              children: banner.detail ? <p className="govuk-body">{banner.detail}</p> : null,
            }
          : null
      }
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      {r.abilities.viewAnalysis ? (
        <ReviewTeamView
          partnershipId={partnershipId}
          reviewId={reviewId}
          list={data}
          problem={problem}
          onProblem={setProblem}
          onShared={setShared}
        />
      ) : (
        <SharedEpisodes partnershipId={partnershipId} reviewId={reviewId} list={data} />
      )}
    </Page>
  );
}

type ViewProps = { partnershipId: string; reviewId: string; list: EpisodeList };

function ReviewTeamView({
  partnershipId,
  reviewId,
  list,
  problem,
  onProblem,
  onShared,
}: ViewProps & {
  problem: FormProblem | null;
  onProblem: (p: FormProblem | null) => void;
  onShared: (b: Banner | null) => void;
}) {
  const { episodes, abilities } = list;
  return (
    <>
      <ReviewContent>
        <p className="govuk-body">
          Key practice episodes are the moments in the case the review looks at closely. For each one,
          describe what happened and how it looked to the people involved at the time, then appraise the
          practice against what was expected then, not against what is known now.
        </p>
        <FlaggedWording partnershipId={partnershipId} reviewId={reviewId} list={list} />
        <div className="govuk-button-group">
          {abilities.create ? (
            <Link className="govuk-button" to={analysisPage(partnershipId, reviewId, 'episodes/new')}>
              Create an episode
            </Link>
          ) : null}
          <Link className="govuk-link" to={analysisPage(partnershipId, reviewId, 'causal-map')}>
            See the causal map
          </Link>
        </div>
      </ReviewContent>
      {episodes.length === 0 ? (
        <ReviewContent>
          <p className="govuk-body">There are no episodes yet.</p>
        </ReviewContent>
      ) : (
        <EpisodesTable partnershipId={partnershipId} reviewId={reviewId} list={list} onProblem={onProblem} />
      )}
      {abilities.manage && episodes.length > 0 ? (
        <ReviewContent>
          <EpisodesShareForm
            partnershipId={partnershipId}
            reviewId={reviewId}
            list={list}
            onProblem={onProblem}
            onShared={onShared}
            errors={problem?.fields ?? {}}
          />
        </ReviewContent>
      ) : null}
    </>
  );
}

/** How much flagged wording is still to be reworded or kept with a reason, and in which episodes. */
function FlaggedWording({ partnershipId, reviewId, list }: ViewProps) {
  const n = list.unresolvedLanguageFlags;
  if (n === 0) return null;
  const flagged = list.episodes.filter((e) => e.unresolvedFlags > 0);
  return (
    <div className="govuk-inset-text">
      <p className="govuk-body">
        {count(n, 'phrase')} flagged for hindsight or blame {n === 1 ? 'is' : 'are'} not yet resolved. Reword
        each one, or keep it and say why.
      </p>
      {flagged.length > 0 ? (
        <ul className="govuk-list">
          {flagged.map((e) => (
            <li key={e.id}>
              <Link className="govuk-link" to={analysisPage(partnershipId, reviewId, `episodes/${e.id}`)}>
                {episodeName(e)}
              </Link>{' '}
              ({count(e.unresolvedFlags, 'phrase')})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** What a case group member sees: the episodes shared with them, to read and comment on. */
function SharedEpisodes({ partnershipId, reviewId, list }: ViewProps) {
  return (
    <ReviewContent>
      <p className="govuk-body">
        The reviewers have shared these key practice episodes with you. Open an episode to read it. You can
        comment on each one, and the reviewers will tell you how they dealt with your comments.
      </p>
      {list.episodes.length === 0 ? (
        <p className="govuk-body">The reviewers have not shared any episodes with you yet.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {list.episodes.map((e) => (
            <li key={e.id}>
              <Link className="govuk-link" to={analysisPage(partnershipId, reviewId, `episodes/${e.id}`)}>
                {episodeName(e)}
              </Link>
              <span className="govuk-hint govuk-!-margin-bottom-0">
                {episodePeriod(e.periodFrom, e.periodTo)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </ReviewContent>
  );
}
