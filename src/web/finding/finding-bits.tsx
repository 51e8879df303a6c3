import type { ReactNode } from 'react';
import { type FindingStatus, polarities, priorities } from '#domain/finding/finding.ts';

/** "Finding 3". */
export const findingName = (f: { number: number }) => `Finding ${f.number}`;

const statusColours: Record<FindingStatus, string> = {
  emerging: 'govuk-tag--grey',
  tested_with_case_group: 'govuk-tag--light-blue',
  agreed_by_review_team: 'govuk-tag--blue',
  final: 'govuk-tag--green',
};

/** Where a finding stands, as a GOV.UK tag. */
export function FindingStatusTag({ status, label }: { status: FindingStatus; label: string }) {
  return <strong className={`govuk-tag ${statusColours[status] ?? 'govuk-tag--grey'}`}>{label}</strong>;
}

/** "A risk to the reliability of the system" or "A strength to protect". */
export const polarityLabel = (p: string) => (polarities as Record<string, string>)[p] ?? p;

/** "High", or "Not set yet". */
export const priorityLabel = (p: string | null) =>
  p ? ((priorities as Record<string, string>)[p] ?? p) : 'Not set yet';

/** One row of a GOV.UK summary list. */
export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** What a finding is, for the pages that introduce findings. */
export function AboutFindings() {
  return (
    <>
      <p className="govuk-body">
        A finding names a pattern in how the system works: something that makes poor practice more likely, or
        a strength that makes good practice more likely. It is about the system, not a detail of this case.
      </p>
      <p className="govuk-body">
        Each finding shows how the pattern showed in this case, how we know it is not a quirk of this case,
        why it matters for the reliability of the system, and the questions the board should consider.
      </p>
    </>
  );
}
