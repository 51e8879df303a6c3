import { type ReactNode, useState } from 'react';
import { type ImportRowError, importColumns } from '#domain/chronology/chronology.ts';
import { SingleCheckbox } from '../components/checkboxes-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import type { ChronologyEventDto, ImportPreviewDto } from './api.ts';
import { eventDate, formatDate, plural } from './bits.tsx';

const columnLabel = (key: string) => importColumns[key as keyof typeof importColumns]?.label ?? key;

/** "Row 12, Date: 31/02/2026 is not a real date". */
export const rowProblem = (e: ImportRowError) => `Row ${e.row}, ${columnLabel(e.column)}: ${e.reason}`;

const manyProblems = 25;

/** Every problem found in the file, by row, column and reason: in the error summary, and a table if many. */
export function ImportProblems({
  preview,
  onAgain,
  children,
}: {
  preview: ImportPreviewDto;
  onAgain: () => void;
  /** Where the file's headings were not recognised: the form to match the columns. */
  children?: ReactNode;
}) {
  const n = preview.errors.length;
  const listed = preview.errors.slice(0, manyProblems).map((e) => ({ message: rowProblem(e) }));
  if (n > manyProblems) listed.push({ message: `And ${n - manyProblems} more, listed in the table below` });
  return (
    <>
      <ErrorSummary
        title={
          n === 1
            ? 'There is 1 problem in the file'
            : `There are ${n.toLocaleString('en-GB')} problems in the file`
        }
        errors={listed}
      />
      <p className="govuk-body">
        Nothing has been imported. Fix these rows in your file and check it again. {preview.filename} has{' '}
        {plural(preview.rowCount, 'row')}.
      </p>
      {n > manyProblems ? (
        <ScrollableTable label="Problems in the file">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-table__caption--m">Problems in the file</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Row', 'Column', 'Problem'].map((h) => (
                  <th scope="col" className="govuk-table__header" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {preview.errors.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a row can have two problems in one column
                <tr className="govuk-table__row" key={`${e.row}-${e.column}-${i}`}>
                  <td className="govuk-table__cell">{e.row}</td>
                  <td className="govuk-table__cell">{columnLabel(e.column)}</td>
                  <td className="govuk-table__cell">{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      ) : null}
      {children}
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onAgain}>
        Check the file again
      </button>
    </>
  );
}

type ReadyProps = {
  preview: ImportPreviewDto;
  agencyName: string;
  pending: boolean;
  onCommit: (mergeRows: Record<string, string>) => void;
  onAgain: () => void;
};

/** A file with no problems: what will be imported, and the likely duplicates to add as accounts instead. */
export function ImportReady({ preview, agencyName, pending, onCommit, onAgain }: ReadyProps) {
  const [merge, setMerge] = useState<Record<number, boolean>>(() =>
    Object.fromEntries(preview.duplicates.map((d) => [d.row, d.similarity >= 0.8])),
  );
  const merging = preview.duplicates.filter((d) => merge[d.row]);
  const newEvents = preview.validCount - merging.length;
  const submit = () => onCommit(Object.fromEntries(merging.map((d) => [String(d.row), d.eventId])));

  return (
    <>
      <p className="govuk-body">
        {preview.filename}: {plural(preview.validCount, 'row')} ready to import as {agencyName}’s chronology.
        No problems were found.
      </p>
      <h2 className="govuk-heading-m">How the columns were read</h2>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        {Object.entries(preview.mapping).map(([template, found]) => (
          <div className="govuk-summary-list__row" key={template}>
            <dt className="govuk-summary-list__key">{columnLabel(template)}</dt>
            <dd className="govuk-summary-list__value">from the column “{found}”</dd>
          </div>
        ))}
      </dl>
      <SampleRows sample={preview.sample as SampleRow[]} />
      {preview.duplicates.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Events other agencies may already have recorded</h2>
          <p className="govuk-body">
            These rows look like events already in the narrative. Add a row as {agencyName}’s account of the
            existing event to keep one event with both accounts, or leave it unticked to add it as a separate
            event.
          </p>
          {preview.duplicates.map((d) => (
            <fieldset className="govuk-fieldset app-narrative-repeat" key={`${d.row}-${d.eventId}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
                Row {d.row} looks like {d.agencyName}’s event on {formatDate(d.occurredOn)} (
                {Math.round(d.similarity * 100)}% alike)
              </legend>
              <p className="govuk-body app-narrative-summary">{d.summary}</p>
              <SingleCheckbox
                id={`merge-${d.row}`}
                label={<>Add as {agencyName}’s account of the existing event</>}
                checked={Boolean(merge[d.row])}
                onChange={(checked) => setMerge((m) => ({ ...m, [d.row]: checked }))}
              />
            </fieldset>
          ))}
        </>
      ) : null}
      <p className="govuk-body">
        {plural(newEvents, 'new event')}
        {merging.length > 0 ? ` and ${plural(merging.length, 'account')} of existing events` : ''} will be
        added.
      </p>
      <div className="govuk-button-group">
        <button type="button" className="govuk-button" disabled={pending} onClick={submit}>
          Import {plural(preview.validCount, 'event')}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onAgain}>
          Check a different file
        </button>
      </div>
    </>
  );
}

type SampleRow = {
  row: number;
  occurredOn: string;
  datePrecision: ChronologyEventDto['datePrecision'];
  occurredTime: string | null;
  endsOn: string | null;
  practitionerRole: string | null;
  summary: string;
  significance: string | null;
  tags: string[];
  sharedWith: unknown[];
  sourceReference: string | null;
};

const sampleHeaders = [
  'Row',
  'Date',
  'Practitioner role',
  'What happened',
  'Significance',
  'Tags',
  'Source reference',
];

/** The first rows as they will be imported, read as the narrative will hold them. */
function SampleRows({ sample }: { sample: SampleRow[] }) {
  if (sample.length === 0) return null;
  return (
    <ScrollableTable label="The first rows">
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">
          The first {plural(sample.length, 'row')}, as they will be imported
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {sampleHeaders.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {sample.map((r) => (
            <tr className="govuk-table__row" key={r.row}>
              <td className="govuk-table__cell">{r.row}</td>
              <td className="govuk-table__cell">
                {r.occurredOn ? eventDate(r) : ''}
                {r.endsOn ? ` to ${formatDate(r.endsOn)}` : ''}
              </td>
              <td className="govuk-table__cell">{r.practitionerRole ?? ''}</td>
              <td className="govuk-table__cell app-narrative-summary">{r.summary}</td>
              <td className="govuk-table__cell">{r.significance ?? ''}</td>
              <td className="govuk-table__cell">{(r.tags ?? []).join(', ')}</td>
              <td className="govuk-table__cell">{r.sourceReference ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
