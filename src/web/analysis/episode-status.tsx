import { useMemo } from 'react';
import { episodeStatuses, type EpisodeStatus as Status } from '#domain/analysis/episode.ts';
import { nextStatus } from '#domain/analysis/rules.ts';
import { ApiError } from '../api/client.ts';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { type EpisodeDto, useChangeEpisodeStatus } from './api.ts';
import { type ReportProblem, useReportProblem } from './episode-problems.ts';

const colours: Record<Status, string> = {
  draft: 'govuk-tag--grey',
  review_team_agreed: 'govuk-tag--blue',
  case_group_checked: 'govuk-tag--green',
};

/** Where an episode stands, as a GOV.UK tag. */
export function EpisodeStatusTag({ status, label }: { status: Status; label: string }) {
  return <strong className={`govuk-tag ${colours[status] ?? 'govuk-tag--grey'}`}>{label}</strong>;
}

type Props = {
  partnershipId: string;
  reviewId: string;
  episode: EpisodeDto;
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/**
 * What is still needed before the episode's next status, and (for those who manage the analysis) the
 * button to move it on, or back to draft. A refused move lists its reasons in the error summary.
 */
export function EpisodeStatusSection({ partnershipId, reviewId, episode, onDone, onProblem }: Props) {
  const change = useChangeEpisodeStatus(partnershipId, reviewId, episode.id);
  const next = nextStatus(episode.status);
  const serverProblem = useFormProblem(change.error, []);
  const problem = useMemo<FormProblem | null>(() => {
    if (!serverProblem) return null;
    // A refusal without field errors lists what is still needed, as the episode last showed it.
    const error = change.error;
    if (!(error instanceof ApiError) || error.code !== 'conflict' || error.fields.length > 0)
      return serverProblem;
    return {
      ...serverProblem,
      items: [...serverProblem.items, ...episode.unmetForNextStatus.map((message) => ({ message }))],
    };
  }, [serverProblem, change.error, episode.unmetForNextStatus]);
  useReportProblem(onProblem, 'status', problem);
  const move = (status: Status) =>
    change.mutate(
      { status, version: episode.version },
      { onSuccess: (after) => onDone(`The episode is now ${after.statusLabel.toLowerCase()}`) },
    );
  const manage = episode.abilities.manage;

  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="status-heading">
      <h2 className="govuk-heading-m" id="status-heading">
        Agreeing the episode
      </h2>
      {next === null ? (
        <p className="govuk-body">
          The review team has agreed this episode and the case group has checked it.
        </p>
      ) : episode.unmetForNextStatus.length > 0 ? (
        <>
          <p className="govuk-body">Before it can be marked ‘{episodeStatuses[next].toLowerCase()}’:</p>
          <ul className="govuk-list govuk-list--bullet">
            {episode.unmetForNextStatus.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="govuk-body">
          Everything needed before it can be marked ‘{episodeStatuses[next].toLowerCase()}’ is done.
        </p>
      )}
      {manage ? (
        <div className="govuk-button-group">
          {next ? (
            <button
              type="button"
              className="govuk-button"
              disabled={change.isPending}
              aria-disabled={change.isPending}
              onClick={() => move(next)}
            >
              Mark as {episodeStatuses[next].toLowerCase()}
            </button>
          ) : null}
          {episode.status !== 'draft' ? (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={change.isPending}
              aria-disabled={change.isPending}
              onClick={() => move('draft')}
            >
              Return to draft
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
