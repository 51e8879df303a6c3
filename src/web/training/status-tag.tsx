import type { AccreditationStatus } from '#domain/training/training.ts';

const statusColour: Record<AccreditationStatus, string> = {
  trainee: 'govuk-tag--blue',
  accredited: 'govuk-tag--green',
  lapsed: 'govuk-tag--orange',
};

/** A reviewer's accreditation status as a GOV.UK tag. */
export function StatusTag({ status, label }: { status: AccreditationStatus; label: string }) {
  return <strong className={`govuk-tag ${statusColour[status]}`}>{label}</strong>;
}
