import { pseudonymCategories } from '#domain/pseudonym/register.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import type { PseudonymEntryDto } from './api.ts';
import { changeButtonId } from './register-problem.ts';

type TableProps = {
  entries: PseudonymEntryDto[];
  canEdit: boolean;
  onChange: (index: number) => void;
  onRemove: (index: number) => void;
};

/** The register's entries in order, with a way to change or remove each for those who may. */
export function EntriesTable({ entries, canEdit, onChange, onRemove }: TableProps) {
  return (
    <ScrollableTable label="Entries in the register">
      <table className="govuk-table app-register-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Entries in the register ({entries.length})
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Row
            </th>
            <th scope="col" className="govuk-table__header">
              What it is
            </th>
            <th scope="col" className="govuk-table__header">
              Real name or identifier
            </th>
            <th scope="col" className="govuk-table__header">
              Other spellings
            </th>
            <th scope="col" className="govuk-table__header">
              Replacement
            </th>
            <th scope="col" className="govuk-table__header">
              Note
            </th>
            {canEdit ? (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.map((e, i) => (
            <tr key={e.id} className="govuk-table__row">
              <td className="govuk-table__cell">{i + 1}</td>
              <td className="govuk-table__cell">{pseudonymCategories[e.category] ?? e.category}</td>
              <th scope="row" className="govuk-table__header">
                {e.realValue}
              </th>
              <td className="govuk-table__cell">
                {e.variants.length ? (
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {e.variants.map((v) => (
                      <li key={v}>{v}</li>
                    ))}
                  </ul>
                ) : (
                  'None'
                )}
              </td>
              <td className="govuk-table__cell">{e.replacement}</td>
              <td className="govuk-table__cell">{e.note ?? ''}</td>
              {canEdit ? (
                <td className="govuk-table__cell app-register-table__actions">
                  <button
                    type="button"
                    id={changeButtonId(i + 1)}
                    className="app-link-button"
                    onClick={() => onChange(i)}
                  >
                    Change <span className="govuk-visually-hidden">{e.realValue}</span>
                  </button>{' '}
                  <button type="button" className="app-link-button" onClick={() => onRemove(i)}>
                    Remove <span className="govuk-visually-hidden">{e.realValue}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
