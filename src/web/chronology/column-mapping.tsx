import { type FormEvent, useState } from 'react';
import { type ImportColumn, importColumns } from '#domain/chronology/chronology.ts';
import { SelectField } from '../components/form-fields.tsx';

type Props = {
  /** The headings found in the file. */
  columns: string[];
  /** How the template's columns were matched so far: template column → heading. */
  mapping: Record<string, string>;
  pending: boolean;
  onCheck: (mapping: Record<string, string>) => void;
};

const keys = Object.keys(importColumns) as ImportColumn[];

/**
 * Lets the person say which of their file's columns holds each of the template's, when the headings
 * differ from the template's; the file is then checked again with that choice.
 */
export function ColumnMapping({ columns, mapping, pending, onCheck }: Props) {
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.map((k) => [k, mapping[k] ?? mapping[importColumns[k].label] ?? ''])),
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onCheck(Object.fromEntries(Object.entries(chosen).filter(([, heading]) => heading)));
  };
  const choices = columns.map((c) => ({ value: c, label: c }));
  return (
    <form noValidate onSubmit={submit}>
      <h2 className="govuk-heading-m">Match the columns</h2>
      <p className="govuk-body">Choose which column of your file holds each of the template’s columns.</p>
      {keys.map((k) => (
        <SelectField
          key={k}
          id={`map-${k}`}
          label={importColumns[k].required ? importColumns[k].label : `${importColumns[k].label} (optional)`}
          hint={importColumns[k].hint}
          emptyLabel="Not in the file"
          value={chosen[k] ?? ''}
          onChange={(heading) => setChosen((c) => ({ ...c, [k]: heading }))}
          choices={choices}
        />
      ))}
      <button type="submit" className="govuk-button" disabled={pending}>
        Check the file with these columns
      </button>
    </form>
  );
}
