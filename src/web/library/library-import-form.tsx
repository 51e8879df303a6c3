import { type FormEvent, useMemo, useRef, useState } from 'react';
import { libraryImportColumns, requiredImportColumns } from '#domain/library/library.ts';
import { type ReportProblem, useReportProblem } from '../analysis/episode-problems.ts';
import { ApiError, serviceProblemMessage } from '../api/client.ts';
import { describedBy, ErrorMessage, formGroupClass, Hint } from '../components/form-fields.tsx';
import type { FormProblem } from '../components/form-problem.ts';
import { plural } from '../review/review-bits.tsx';
import { importProblems, importTemplatePath, useImportLibraryFindings } from './api.ts';

const fileId = 'import-file';
const largest = 5_000_000;

type Props = { partnershipId: string; onDone: (message: string) => void; onProblem: ReportProblem };

/** One problem with the file in words: "Row 4, column review_type: Choose one of …". */
export function rowProblemText(p: { row: number | null; column: string; message: string }): string {
  const where = [p.row === null ? null : `Row ${p.row}`, p.column ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${p.message}` : p.message;
}

const problemOf = (message: string, items: string[] = [message]): FormProblem => ({
  items: items.map((m) => ({ field: fileId, message: m })),
  fields: { [fileId]: message },
  code: 'validation_failed',
});

/** What went wrong with an import: each row's problem in the summary, one message by the file input. */
function importProblem(error: unknown): FormProblem | null {
  if (!error) return null;
  const rows = importProblems(error);
  if (rows.length > 0)
    return problemOf(
      `The file has ${plural(rows.length, 'problem', 'problems')}. Nothing was imported: fix the file and upload it again.`,
      rows.map(rowProblemText),
    );
  return problemOf(error instanceof ApiError ? error.message : serviceProblemMessage);
}

/**
 * Imports the published findings of older reviews from a CSV file: the browser reads the file and
 * sends its text. Every row is checked first; a file with problems imports nothing and each problem
 * is listed with its row and column.
 */
export function LibraryImportForm({ partnershipId, onDone, onProblem }: Props) {
  const importing = useImportLibraryFindings(partnershipId);
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const [reading, setReading] = useState(false);
  const fromServer = useMemo(() => importProblem(importing.error), [importing.error]);
  const problem = checked ?? fromServer;
  useReportProblem(onProblem, 'import', problem);
  const busy = reading || importing.isPending;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    importing.reset();
    const file = input.current?.files?.[0];
    const found = !file
      ? 'Choose a CSV file to import'
      : file.size > largest
        ? 'The file must be 5 MB or smaller'
        : file.size === 0
          ? 'The file is empty'
          : null;
    setChecked(found ? problemOf(found) : null);
    if (!file || found) return;
    setReading(true);
    let csv: string;
    try {
      csv = await file.text();
    } catch {
      setChecked(problemOf('The file could not be read. Check it is a CSV file and try again.'));
      return;
    } finally {
      setReading(false);
    }
    importing.mutate(
      { fileName: file.name, csv },
      {
        onSuccess: (result) => {
          if (input.current) input.current.value = '';
          onDone(
            `${plural(result.rows, 'finding', 'findings')} from ${plural(result.reviews, 'review', 'reviews')} imported`,
          );
        },
      },
    );
  };

  const error = problem?.fields[fileId];
  const hint = 'A CSV file of up to 5 MB, one finding a row, with the columns below.';
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby="import-heading">
      <h2 className="govuk-heading-m" id="import-heading">
        Import findings from older reviews
      </h2>
      <p className="govuk-body">
        Add the published findings of reviews finished before the partnership used Sightlines, so they can be
        found in the library. Use the wording of the published report: it is already anonymised.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href={importTemplatePath(partnershipId)} download>
          Download the CSV template
        </a>
      </p>
      <ImportColumns />
      <form noValidate onSubmit={submit} aria-labelledby="import-heading">
        <div className={formGroupClass(error)}>
          <label className="govuk-label govuk-label--s" htmlFor={fileId}>
            Upload a CSV file
          </label>
          <Hint id={fileId} hint={hint} />
          {error ? <ErrorMessage id={`${fileId}-error`}>{error}</ErrorMessage> : null}
          <input
            ref={input}
            className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
            id={fileId}
            name={fileId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={describedBy(fileId, hint, error)}
          />
        </div>
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Import findings
        </button>
        {busy ? (
          <p className="govuk-body" role="status">
            Checking and importing the file…
          </p>
        ) : null}
      </form>
    </section>
  );
}

const required = new Set<string>(requiredImportColumns);
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The columns the file holds, with what each means and whether it must be filled in. */
function ImportColumns() {
  return (
    <table className="govuk-table govuk-table--small-text-until-tablet">
      <caption className="govuk-table__caption govuk-table__caption--s">The columns of the file</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Column
          </th>
          <th scope="col" className="govuk-table__header">
            What it holds
          </th>
          <th scope="col" className="govuk-table__header">
            Required
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {Object.entries(libraryImportColumns).map(([column, meaning]) => (
          <tr className="govuk-table__row" key={column}>
            <th scope="row" className="govuk-table__header">
              <code className="app-library-column">{column}</code>
            </th>
            <td className="govuk-table__cell">{sentence(meaning.replace(/^Optional: /, ''))}</td>
            <td className="govuk-table__cell">{required.has(column) ? 'Yes' : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
