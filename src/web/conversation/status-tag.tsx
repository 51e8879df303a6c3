import type { ConversationStatus } from '#domain/conversation/lifecycle.ts';

const colours: Record<ConversationStatus, string> = {
  draft: 'govuk-tag--grey',
  shared: 'govuk-tag--blue',
  changes_requested: 'govuk-tag--orange',
  confirmed: 'govuk-tag--turquoise',
  agreed: 'govuk-tag--green',
};

/** The status of a conversation record as a GOV.UK tag. */
export function StatusTag({ status, label }: { status: ConversationStatus; label: string }) {
  return <strong className={`govuk-tag ${colours[status]}`}>{label}</strong>;
}
