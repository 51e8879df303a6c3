import type { ActionStatus } from '#domain/action/action.ts';
import type { ActionDto, FindingResponseDto } from './api.ts';

const statusColours: Record<ActionStatus, string> = {
  open: 'govuk-tag--grey',
  in_progress: 'govuk-tag--blue',
  done: 'govuk-tag--green',
  impact_verified: 'govuk-tag--turquoise',
};

/** An action's status as a tag, then whether it is overdue (red) or due within two weeks (yellow). */
export function ActionTags({
  action,
}: {
  action: Pick<ActionDto, 'status' | 'statusLabel' | 'overdue' | 'dueSoon'>;
}) {
  return (
    <span className="app-action-tags">
      <strong className={`govuk-tag ${statusColours[action.status] ?? 'govuk-tag--grey'}`}>
        {action.statusLabel}
      </strong>
      {action.overdue ? <strong className="govuk-tag govuk-tag--red">Overdue</strong> : null}
      {!action.overdue && action.dueSoon ? (
        <strong className="govuk-tag govuk-tag--yellow">Due soon</strong>
      ) : null}
    </span>
  );
}

/** A finding's statement, its issues for the board and its recommendations, as the board reads them. */
export function FindingQuestions({ finding: f }: { finding: FindingResponseDto }) {
  return (
    <>
      <p className="govuk-body-l">{f.statement}</p>
      {f.boardQuestions.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Issues for the board</h3>
          <ol className="govuk-list govuk-list--number">
            {f.boardQuestions.map((q, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the questions keep their order and may repeat
              <li key={i}>{q}</li>
            ))}
          </ol>
        </>
      ) : null}
      {f.recommendations.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Recommendations</h3>
          <ol className="govuk-list govuk-list--number">
            {f.recommendations.map((rec, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the recommendations keep their order and may repeat
              <li key={i}>
                {rec.text}
                {rec.addressee ? (
                  <span className="govuk-hint govuk-!-margin-bottom-0">For {rec.addressee}</span>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

/** What an action answers, in words: "Finding 2, issue for the board 1: …". */
export function targetName(a: Pick<ActionDto, 'findingNumber' | 'target' | 'targetIndex'>): string {
  const n = (a.targetIndex ?? 0) + 1;
  if (a.target === 'question') return `Finding ${a.findingNumber}, issue for the board ${n}`;
  if (a.target === 'recommendation') return `Finding ${a.findingNumber}, recommendation ${n}`;
  return `Finding ${a.findingNumber}`;
}
