import { useEffect, useRef, useState } from 'react';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { plural } from '../review/review-bits.tsx';
import { type LibrarySettingsDto, useRemoveLibraryImport } from './api.ts';

type Import = LibrarySettingsDto['imports'][number];
type Props = {
  partnershipId: string;
  imports: Import[];
  onDone: (message: string) => void;
  onProblem: ReportProblem;
};

/**
 * The files imported so far, each with a Remove button that asks first: the question takes focus,
 * and "Cancel" puts focus back on the button that asked.
 */
export function LibraryImportsTable({ partnershipId, imports, onDone, onProblem }: Props) {
  const remove = useRemoveLibraryImport(partnershipId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const askedFrom = useRef<string | null>(null);
  useReportProblem(onProblem, 'remove-import', useFormProblem(remove.error, []));
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (askedFrom.current) document.getElementById(`remove-${askedFrom.current}`)?.focus();
    askedFrom.current = confirming;
  }, [confirming]);

  const confirm = (item: Import) =>
    remove.mutate(item.id, {
      onSuccess: () => {
        askedFrom.current = null;
        setConfirming(null);
        onDone(`The findings imported from ${item.fileName} have been removed`);
      },
    });

  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="imports-heading">
      <h2 className="govuk-heading-m" id="imports-heading">
        Previous imports
      </h2>
      {imports.length === 0 ? (
        <p className="govuk-body">Nothing has been imported yet.</p>
      ) : (
        <ScrollableTable label="Table of previous imports">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-visually-hidden">Previous imports</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  File
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Findings
                </th>
                <th scope="col" className="govuk-table__header">
                  Imported
                </th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {imports.map((item) => (
                <tr className="govuk-table__row" key={item.id}>
                  <th scope="row" className="govuk-table__header">
                    {item.fileName}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{item.rows}</td>
                  <td className="govuk-table__cell">
                    {formatDateTime(item.importedAt)}
                    {item.importedByName ? ` by ${item.importedByName}` : ''}
                  </td>
                  <td className="govuk-table__cell">
                    {confirming === item.id ? (
                      <div className="app-library-confirm">
                        <p className="govuk-body-s" tabIndex={-1} ref={question}>
                          Are you sure you want to remove the {plural(item.rows, 'finding', 'findings')}{' '}
                          imported from {item.fileName}? You cannot undo this.
                        </p>
                        <div className="govuk-button-group">
                          <button
                            type="button"
                            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                            disabled={remove.isPending}
                            aria-disabled={remove.isPending}
                            onClick={() => confirm(item)}
                          >
                            Yes, remove them <span className="govuk-visually-hidden">({item.fileName})</span>
                          </button>
                          <button
                            type="button"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            onClick={() => setConfirming(null)}
                          >
                            Cancel
                          </button>
                        </div>
                      </div>
                    ) : (
                      <button
                        type="button"
                        id={`remove-${item.id}`}
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        onClick={() => setConfirming(item.id)}
                      >
                        Remove <span className="govuk-visually-hidden">{item.fileName}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </section>
  );
}
