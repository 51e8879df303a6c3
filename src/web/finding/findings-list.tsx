import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { moveToRank } from '#domain/analysis/rules.ts';
import { count } from '../analysis/episodes-bits.tsx';
import { type FormProblem, formProblem } from '../components/form-problem.ts';
import {
  type FindingList,
  type FindingSummary,
  findingKeys,
  findingsPage,
  useReorderFindings,
} from './api.ts';
import { FindingStatusTag, findingName, polarityLabel, priorityLabel, Row } from './finding-bits.tsx';

type Props = {
  partnershipId: string;
  reviewId: string;
  list: FindingList;
  /** A failed change of order, for the page's error summary; null clears it. */
  onProblem: (problem: FormProblem | null) => void;
};

type Direction = 'up' | 'down';
const moveId = (dir: Direction, findingId: string) => `move-${dir}-${findingId}`;

/**
 * The review's findings in order, one GOV.UK summary card each, so they read on a phone. Those who
 * agree findings can move one up or down; focus stays on the moved finding and its new place is announced.
 */
export function FindingsList({ partnershipId, reviewId, list, onProblem }: Props) {
  const client = useQueryClient();
  const reorder = useReorderFindings(partnershipId, reviewId);
  const [order, setOrder] = useState<string[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [settled, setSettled] = useState(0);
  const focusAfter = useRef<{ id: string; dir: Direction } | null>(null);
  const sending = useRef(false);
  const canMove = list.abilities.agree && list.findings.length > 1;

  const byId = new Map(list.findings.map((f) => [f.id, f]));
  const shown: FindingSummary[] = order
    ? order.map((id) => byId.get(id)).filter((f): f is FindingSummary => Boolean(f))
    : list.findings;
  const orderKey = shown.map((f) => f.id).join(' ');
  const listKey = list.findings.map((f) => f.id).join(' ');

  useEffect(() => {
    if (order && !sending.current && order.join(' ') === listKey) setOrder(null);
  }, [order, listKey]);

  // Moving a card can take focus from its button; put it back on the moved finding's button.
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

  const move = (finding: FindingSummary, dir: Direction) => {
    if (sending.current) {
      setAnnouncement('Still saving the last change to the order. Try again in a moment.');
      return;
    }
    const ids = shown.map((f) => f.id);
    const place = ids.indexOf(finding.id) + 1 + (dir === 'up' ? -1 : 1);
    const next = moveToRank(ids, finding.id, place);
    sending.current = true;
    focusAfter.current = { id: finding.id, dir };
    setOrder(next);
    setAnnouncement(`Moving the finding to number ${place}…`);
    reorder.mutate(
      { findingIds: next },
      {
        onSuccess: (result) => {
          client.setQueryData(findingKeys.list(partnershipId, reviewId), result);
          // Keep showing the saved order until the list itself shows it.
          setOrder(result.findings.map((f) => f.id));
          setAnnouncement(`The finding is now number ${place}`);
          onProblem(null);
        },
        onError: (error) => {
          // Focus goes to the error summary instead.
          focusAfter.current = null;
          setOrder(null);
          setAnnouncement('The order was not changed');
          onProblem(formProblem(error, []));
          // Someone may have added or deleted a finding meanwhile: show the list as it is now.
          void client.invalidateQueries({ queryKey: findingKeys.list(partnershipId, reviewId) });
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
      <ol className="govuk-list" aria-label="Findings in order">
        {shown.map((f, index) => (
          <li key={f.id}>
            <FindingCard
              partnershipId={partnershipId}
              reviewId={reviewId}
              finding={f}
              number={order ? index + 1 : f.number}
              moves={
                canMove ? (
                  <MoveButtons
                    finding={f}
                    name={findingName({ number: order ? index + 1 : f.number })}
                    first={index === 0}
                    last={index === shown.length - 1}
                    onMove={move}
                  />
                ) : null
              }
            />
          </li>
        ))}
      </ol>
      <p className="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

type CardProps = {
  partnershipId: string;
  reviewId: string;
  finding: FindingSummary;
  number: number;
  moves: ReactNode;
};

/** One finding: its statement and where it stands. */
function FindingCard({ partnershipId, reviewId, finding: f, number, moves }: CardProps) {
  const name = findingName({ number });
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h2 className="govuk-summary-card__title">{name}</h2>
        <ul className="govuk-summary-card__actions">
          <li className="govuk-summary-card__action">
            <Link className="govuk-link" to={findingsPage(partnershipId, reviewId, f.id)}>
              Open <span className="govuk-visually-hidden">{name.toLowerCase()}</span>
            </Link>
          </li>
        </ul>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <Row label="The finding">{f.statement}</Row>
          <Row label="Typology category">{f.typology ? f.typology.name : 'Not chosen yet'}</Row>
          <Row label="Risk or strength">{polarityLabel(f.polarity)}</Row>
          <Row label="Priority">{priorityLabel(f.priority)}</Row>
          <Row label="Status">
            <FindingStatusTag status={f.status} label={f.statusLabel} />
          </Row>
          <Row label="Key practice episodes">
            {f.episodeCount === 0 ? 'None linked yet' : count(f.episodeCount, 'episode')}
          </Row>
          <Row label="Issues for the board">
            {f.boardQuestionCount === 0 ? 'None yet' : count(f.boardQuestionCount, 'question')}
          </Row>
          <Row label="Flagged wording">
            {f.unresolvedFlags === 0 ? 'None to resolve' : `${count(f.unresolvedFlags, 'phrase')} to resolve`}
          </Row>
        </dl>
        {moves}
      </div>
    </div>
  );
}

type MoveButtonsProps = {
  finding: FindingSummary;
  name: string;
  first: boolean;
  last: boolean;
  onMove: (finding: FindingSummary, dir: Direction) => void;
};

/** "Move up" and "Move down" for one finding, each naming the finding for screen-reader users. */
function MoveButtons({ finding, name, first, last, onMove }: MoveButtonsProps) {
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
            id={moveId(b.dir, finding.id)}
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
            onClick={() => onMove(finding, b.dir)}
          >
            {b.text} <span className="govuk-visually-hidden">({name.toLowerCase()})</span>
          </button>
        ))}
    </div>
  );
}
