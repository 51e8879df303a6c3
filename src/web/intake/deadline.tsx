import type { IntakeDeadlineDto } from '#domain/intake/intake-dto.ts';
import { formatDate, workingDaysText } from './dates.ts';

/**
 * Where a deadline stands, as a tag: met (on time or late), overdue in red, due today, or how many
 * working days are left. The counting is the server's; this only chooses the words.
 */
export function DeadlineTag({ deadline, metLabel }: { deadline: IntakeDeadlineDto; metLabel: string }) {
  if (deadline.doneDate)
    return deadline.late ? (
      <strong className="govuk-tag govuk-tag--orange">{metLabel} late</strong>
    ) : (
      <strong className="govuk-tag govuk-tag--green">{metLabel} on time</strong>
    );
  if (deadline.overdue)
    return (
      <strong className="govuk-tag govuk-tag--red">
        Overdue<span className="govuk-visually-hidden">: {workingDaysText(deadline.workingDaysLeft)}</span>
      </strong>
    );
  if (deadline.workingDaysLeft === 0)
    return <strong className="govuk-tag govuk-tag--yellow">Due today</strong>;
  return <span className="app-nowrap">{workingDaysText(deadline.workingDaysLeft)}</span>;
}

/** A deadline's date and where it stands, for a table cell or summary row. */
export function Deadline({ deadline, metLabel }: { deadline: IntakeDeadlineDto; metLabel: string }) {
  return (
    <>
      <span className="app-nowrap">{formatDate(deadline.date)}</span>
      <br />
      <DeadlineTag deadline={deadline} metLabel={metLabel} />
    </>
  );
}
