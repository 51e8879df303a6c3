import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { count } from '../analysis/episodes-bits.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { MoveAnnouncement, MoveButtons, useReorder } from '../components/reorder.tsx';
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

/**
 * The review's findings in order, one GOV.UK summary card each, so they read on a phone. Those who
 * agree findings can move one up or down; focus stays on the moved finding and its new place is announced.
 */
export function FindingsList({ partnershipId, reviewId, list, onProblem }: Props) {
  const reorder = useReorderFindings(partnershipId, reviewId);
  const { shown, numberOf, move, announcement } = useReorder({
    items: list.findings,
    queryKey: findingKeys.list(partnershipId, reviewId),
    save: (findingIds, callbacks) => reorder.mutate({ findingIds }, callbacks),
    savedOrder: (result: FindingList) => result.findings.map((f) => f.id),
    moving: (_finding, place) => `Moving the finding to number ${place}…`,
    moved: (_finding, place) => `The finding is now number ${place}`,
    onProblem,
  });
  const canMove = list.abilities.agree && list.findings.length > 1;

  return (
    <>
      <ol className="govuk-list" aria-label="Findings in order">
        {shown.map((f, index) => (
          <li key={f.id}>
            <FindingCard
              partnershipId={partnershipId}
              reviewId={reviewId}
              finding={f}
              number={numberOf(f, index)}
              moves={
                canMove ? (
                  <MoveButtons
                    id={f.id}
                    name={`(${findingName({ number: numberOf(f, index) }).toLowerCase()})`}
                    first={index === 0}
                    last={index === shown.length - 1}
                    onMove={(dir) => move(f, dir)}
                  />
                ) : null
              }
            />
          </li>
        ))}
      </ol>
      <MoveAnnouncement text={announcement} />
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
