import type { AuditEventDto } from '../api/audit.ts';
import { formatDateTime } from '../components/format.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { detailLines, entityTypeLabel } from './audit-labels.ts';

/** The audit events as a table: when, who, what, what it was about, and the details. */
export function AuditTable({ events, older }: { events: AuditEventDto[]; older: boolean }) {
  if (events.length === 0) return <p className="govuk-body">No events match these filters.</p>;
  return (
    <ScrollableTable label="Audit events table">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {older ? 'Older events' : 'Latest events'}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header">
              Who
            </th>
            <th scope="col" className="govuk-table__header">
              What happened
            </th>
            <th scope="col" className="govuk-table__header">
              About
            </th>
            <th scope="col" className="govuk-table__header">
              Details
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((event) => (
            <tr className="govuk-table__row" key={event.id}>
              <td className="govuk-table__cell">
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
              </td>
              <td className="govuk-table__cell">
                {event.actor.name ?? (event.actor.id ? 'Unknown person' : 'Sightlines')}
              </td>
              <td className="govuk-table__cell">{event.actionLabel}</td>
              <td className="govuk-table__cell">{entityTypeLabel(event.entityType)}</td>
              <td className="govuk-table__cell">
                <ul className="app-details-list">
                  {detailLines(event.details).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
