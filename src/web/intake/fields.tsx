import type { ReactNode } from 'react';

/** A GOV.UK summary list of label and value rows, with an optional "Change" link per row. */
export function SummaryList({ rows }: { rows: { key: string; value: ReactNode; change?: ReactNode }[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change ? <dd className="govuk-summary-list__actions">{row.change}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** Text someone typed, keeping their line breaks as separate lines. */
export function Multiline({ text, empty }: { text: string | null | undefined; empty: string }) {
  if (!text?.trim()) return <>{empty}</>;
  const lines = text.split(/\r?\n/);
  return (
    <>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a fixed text have no other identity
        <span key={index}>
          {line}
          {index < lines.length - 1 ? <br /> : null}
        </span>
      ))}
    </>
  );
}
