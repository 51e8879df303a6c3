import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { moveToRank } from '#domain/analysis/rules.ts';
import { type FormProblem, formProblem } from '../components/form-problem.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { analysisKeys, analysisPage, type EpisodeList, useReorderEpisodes } from './api.ts';
import { EpisodeStatusTag, type EpisodeSummary, episodePeriod } from './episodes-bits.tsx';

type Props = {
  partnershipId: string;
  reviewId: string;
  list: EpisodeList;
  /** A failed change of order, for the page's error summary; null clears it. */
  onProblem: (problem: FormProblem | null) => void;
};

type Direction = 'up' | 'down';
const moveId = (dir: Direction, episodeId: string) => `move-${dir}-${episodeId}`;

/**
 * The review's episodes in order, one row each. Those who manage the analysis can move an episode
 * up or down with buttons; focus stays on the moved episode and the new place is announced.
 */
export function EpisodesTable({ partnershipId, reviewId, list, onProblem }: Props) {
  const client = useQueryClient();
  const reorder = useReorderEpisodes(partnershipId, reviewId);
  const [order, setOrder] = useState<string[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [settled, setSettled] = useState(0);
  const focusAfter = useRef<{ id: string; dir: Direction } | null>(null);
  const sending = useRef(false);
  const canMove = list.abilities.manage && list.episodes.length > 1;

  const byId = new Map(list.episodes.map((e) => [e.id, e]));
  const shown: EpisodeSummary[] = order
    ? order.map((id) => byId.get(id)).filter((e): e is EpisodeSummary => Boolean(e))
    : list.episodes;
  const orderKey = shown.map((e) => e.id).join(' ');
  const listKey = list.episodes.map((e) => e.id).join(' ');

  useEffect(() => {
    if (order && !sending.current && order.join(' ') === listKey) setOrder(null);
  }, [order, listKey]);

  // Moving a row can take focus from its button; put it back on the moved episode's button.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the order shown changes or a save ends
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    const other: Direction = target.dir === 'up' ? 'down' : 'up';
    const button =
      document.getElementById(moveId(target.dir, target.id)) ??
      document.getElementById(moveId(other, target.id));
    if (button && document.activeElement !== button) button.focus();
    if (!sending.current) focusAfter.current = null;
  }, [orderKey, settled]);

  const move = (episode: EpisodeSummary, dir: Direction) => {
    if (sending.current) {
      setAnnouncement('Still saving the last change to the order. Try again in a moment.');
      return;
    }
    const ids = shown.map((e) => e.id);
    const place = ids.indexOf(episode.id) + 1 + (dir === 'up' ? -1 : 1);
    const next = moveToRank(ids, episode.id, place);
    sending.current = true;
    focusAfter.current = { id: episode.id, dir };
    setOrder(next);
    setAnnouncement(`Moving “${episode.title}” to number ${place}…`);
    reorder.mutate(
      { episodeIds: next },
      {
        onSuccess: (result) => {
          client.setQueryData(analysisKeys.list(partnershipId, reviewId), result);
          // Keep showing the saved order until the list itself shows it.
          setOrder(result.episodes.map((e) => e.id));
          setAnnouncement(`“${episode.title}” is now number ${place}`);
          onProblem(null);
        },
        onError: (error) => {
          // Focus goes to the error summary instead.
          focusAfter.current = null;
          setOrder(null);
          setAnnouncement('The order was not changed');
          onProblem(formProblem(error, []));
          // Someone may have added or removed an episode meanwhile: show the list as it is now.
          void client.invalidateQueries({ queryKey: analysisKeys.list(partnershipId, reviewId) });
        },
        onSettled: () => {
          sending.current = false;
          setSettled((n) => n + 1);
        },
      },
    );
  };

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
                <td className="govuk-table__cell">{order ? index + 1 : e.number}</td>
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
                      episode={e}
                      first={index === 0}
                      last={index === shown.length - 1}
                      onMove={move}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <p className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

type MoveButtonsProps = {
  episode: EpisodeSummary;
  first: boolean;
  last: boolean;
  onMove: (episode: EpisodeSummary, dir: Direction) => void;
};

/** "Move up" and "Move down" for one episode, each naming the episode for screen-reader users. */
function MoveButtons({ episode, first, last, onMove }: MoveButtonsProps) {
  const buttons: { dir: Direction; text: string; shown: boolean }[] = [
    { dir: 'up', text: 'Move up', shown: !first },
    { dir: 'down', text: 'Move down', shown: !last },
  ];
  return (
    <div className="govuk-button-group govuk-!-margin-bottom-0">
      {buttons
        .filter((b) => b.shown)
        .map((b) => (
          <button
            key={b.dir}
            id={moveId(b.dir, episode.id)}
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
            onClick={() => onMove(episode, b.dir)}
          >
            {b.text} <span className="govuk-visually-hidden">“{episode.title}”</span>
          </button>
        ))}
    </div>
  );
}
