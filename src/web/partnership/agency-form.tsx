import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { type AgencySector, agencySectors } from '#domain/partnership/agency.ts';
import { TextField } from '../components/form-fields.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';

export type AgencyFormValues = {
  name: string;
  shortName: string;
  sector: AgencySector | '';
  active: boolean;
};

export const agencyFieldIds = ['name', 'shortName', 'sector', 'active'] as const;

const sectorChoices = Object.entries(agencySectors).map(([value, label]) => ({ value, label }));
const statusChoices = [
  { value: 'active', label: 'Active', hint: 'Can be chosen when setting up a review' },
  { value: 'inactive', label: 'Inactive', hint: 'Kept for past reviews, but not offered for new ones' },
];

type Props = {
  initial: AgencyFormValues;
  /** Whether to ask if the agency is still active (when changing one). */
  askStatus: boolean;
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  fieldErrors: Record<string, string> | undefined;
  onSubmit: (values: AgencyFormValues) => void;
};

/** The questions about an agency: its name, short name, sector and (when changing) whether it is active. */
export function AgencyForm({
  initial,
  askStatus,
  submitLabel,
  cancelTo,
  pending,
  fieldErrors,
  onSubmit,
}: Props) {
  const [values, set] = useFormValues<AgencyFormValues>(initial);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form noValidate onSubmit={submit}>
      <TextField
        id="name"
        label="Agency name"
        hint="The full name, for example Northshire County Council Children's Services"
        value={values.name}
        onChange={set('name')}
        error={fieldErrors?.name}
      />
      <TextField
        id="shortName"
        label="Short name (optional)"
        hint="Used in tables and the chronology, for example NCC CSC"
        widthClass="govuk-input--width-10"
        value={values.shortName}
        onChange={set('shortName')}
        error={fieldErrors?.shortName}
      />
      <RadiosField
        id="sector"
        legend="Sector"
        value={values.sector}
        onChange={(value) => set('sector')(value as AgencySector)}
        choices={sectorChoices}
        error={fieldErrors?.sector}
      />
      {askStatus ? (
        <RadiosField
          id="active"
          legend="Status"
          value={values.active ? 'active' : 'inactive'}
          onChange={(value) => set('active')(value === 'active')}
          choices={statusChoices}
          error={fieldErrors?.active}
        />
      ) : null}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={pending}>
          {submitLabel}
        </button>
        <Link className="govuk-link" to={cancelTo}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
