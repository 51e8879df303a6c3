import { Link } from 'react-router';
import type { FormProblem } from '../components/form-problem.ts';
import { MoveAnnouncement, MoveButtons, useReorder } from '../components/reorder.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { analysisKeys, analysisPage, type EpisodeList, useReorderEpisodes } from './api.ts';
import { EpisodeStatusTag, episodePeriod } from './episodes-bits.tsx';

type Props = {
  partnershipId: string;
  reviewId: string;
  list: EpisodeList;
  /** A failed change of order, for the page's error summary; null clears it. */
  onProblem: (problem: FormProblem | null) => void;
};

/**
 * The review's episodes in order, one row each. Those who manage the analysis can move an episode
 * up or down with buttons; focus stays on the moved episode and the new place is announced.
 */
export function EpisodesTable({ partnershipId, reviewId, list, onProblem }: Props) {
  const reorder = useReorderEpisodes(partnershipId, reviewId);
  const { shown, numberOf, move, announcement } = useReorder({
    items: list.episodes,
    queryKey: analysisKeys.list(partnershipId, reviewId),
    save: (episodeIds, callbacks) => reorder.mutate({ episodeIds }, callbacks),
    savedOrder: (result: EpisodeList) => result.episodes.map((e) => e.id),
    moving: (episode, place) => `Moving “${episode.title}” to number ${place}…`,
    moved: (episode, place) => `“${episode.title}” is now number ${place}`,
    onProblem,
  });
  const canMove = list.abilities.manage && list.episodes.length > 1;

  return (
    <>
      <ScrollableTable label="Key practice episodes table">
        <table className="govuk-table" id="episodes-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Episodes in order</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {[
                'Number',
                'Episode',
                'Period',
                'Agencies',
                'Appraisal',
                'Status',
                'Factors',
                'Open comments',
                'Shared with case group',
              ].map((h) => (
                <th scope="col" className="govuk-table__header" key={h}>
                  {h}
                </th>
              ))}
              {canMove ? (
                <th scope="col" className="govuk-table__header">
                  Change order
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {shown.map((e, index) => (
              <tr className="govuk-table__row" key={e.id}>
                <td className="govuk-table__cell">{numberOf(e, index)}</td>
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={analysisPage(partnershipId, reviewId, `episodes/${e.id}`)}>
                    {e.title}
                  </Link>
                  {e.unresolvedFlags > 0 ? (
                    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                      {e.unresolvedFlags === 1
                        ? '1 flagged phrase to resolve'
                        : `${e.unresolvedFlags} flagged phrases to resolve`}
                    </span>
                  ) : null}
                </td>
                <td className="govuk-table__cell">{episodePeriod(e.periodFrom, e.periodTo)}</td>
                <td className="govuk-table__cell">
                  {e.agencies.length > 0 ? e.agencies.map((a) => a.name).join(', ') : 'None yet'}
                </td>
                <td className="govuk-table__cell">
                  {e.appraisal ? e.appraisal.label : 'Not appraised yet'}
                  {e.goodPractice ? (
                    <strong className="govuk-tag govuk-tag--green govuk-!-display-block govuk-!-margin-top-1">
                      Good practice
                    </strong>
                  ) : null}
                </td>
                <td className="govuk-table__cell">
                  <EpisodeStatusTag status={e.status} label={e.statusLabel} />
                </td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{e.factorCount}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{e.openComments}</td>
                <td className="govuk-table__cell">{e.sharedWithCaseGroup ? 'Yes' : 'No'}</td>
                {canMove ? (
                  <td className="govuk-table__cell">
                    <MoveButtons
                      id={e.id}
                      name={`“${e.title}”`}
                      first={index === 0}
                      last={index === shown.length - 1}
                      onMove={(dir) => move(e, dir)}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <MoveAnnouncement text={announcement} />
    </>
  );
}
