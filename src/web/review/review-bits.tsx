import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import type { DeadlineDto } from '#domain/review/review.ts';
import type { ReviewStage } from '#domain/review/stages.ts';
import { formatDate } from './dates.ts';

/** "1 agency", "2 agencies". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The label of a review role, such as "Case group member". */
export function roleLabel(role: string): string {
  return reviewRoles[role as ReviewRole] ?? role;
}

/** Whether the person's roles (given as keys or as labels) include a role. */
export function hasRole(myRoles: readonly string[], role: ReviewRole): boolean {
  return myRoles.includes(role) || myRoles.includes(reviewRoles[role]);
}

/** The person's roles in a review, in words: "Lead reviewer and chair". */
export function rolesInWords(roles: readonly string[]): string {
  const labels = roles.map((role, i) => (i === 0 ? roleLabel(role) : roleLabel(role).toLowerCase()));
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

const stageColour: Partial<Record<ReviewStage, string>> = {
  paused: 'govuk-tag--yellow',
  closed: 'govuk-tag--grey',
  publication: 'govuk-tag--green',
  action_monitoring: 'govuk-tag--green',
  referral_decision: 'govuk-tag--light-blue',
  commissioning: 'govuk-tag--light-blue',
};

/** A review's stage as a GOV.UK tag; paused and closed reviews stand out. */
export function StageTag({ stage, label }: { stage: string; label: string }) {
  const colour = stageColour[stage as ReviewStage];
  return <strong className={`govuk-tag${colour ? ` ${colour}` : ''}`}>{label}</strong>;
}

/** A deadline: a red "Overdue" tag when it has passed, otherwise when it is due. */
export function Deadline({
  deadline,
  showLabel = true,
}: {
  deadline: DeadlineDto | null;
  showLabel?: boolean;
}) {
  if (!deadline) return <span className="app-deadline">No deadline set</span>;
  return (
    <span className="app-deadline">
      {deadline.overdue ? (
        <>
          <strong className="govuk-tag govuk-tag--red">Overdue</strong>{' '}
        </>
      ) : null}
      {showLabel ? <span className="app-deadline__label">{deadline.label}: </span> : null}
      <span className="app-nowrap">
        {dueWord(deadline.overdue, showLabel)} {formatDate(deadline.date)}
      </span>
      {!deadline.overdue && deadline.daysLeft <= 14 ? (
        <span className="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-margin-bottom-0">
          {deadline.daysLeft === 0 ? 'Today' : `In ${plural(deadline.daysLeft, 'day', 'days')}`}
        </span>
      ) : null}
    </span>
  );
}

function dueWord(overdue: boolean, afterLabel: boolean): string {
  const word = overdue ? 'was due' : 'due';
  return afterLabel ? word : word.charAt(0).toUpperCase() + word.slice(1);
}
