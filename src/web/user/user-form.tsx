import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { MIN_PASSWORD_LENGTH } from '#domain/user/limits.ts';
import { type PartnershipRole, partnershipRoles } from '#domain/user/roles.ts';
import type { AgencyDto } from '../api/partnership.ts';
import { SelectField, TextField } from '../components/form-fields.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { useFormValues } from '../components/use-form-values.ts';

export type UserFormValues = {
  name: string;
  email: string;
  jobTitle: string;
  agencyId: string;
  role: PartnershipRole | '';
  initialPassword: string;
  active: boolean;
};

export const userFieldIds = [
  'name',
  'email',
  'jobTitle',
  'agencyId',
  'role',
  'initialPassword',
  'active',
] as const;

/** What each role is for, in a sentence; the server decides what each may actually do. */
const roleHints: Record<PartnershipRole, string> = {
  partnership_admin: 'Adds and changes people, keeps the list of agencies and can read the audit log',
  business_manager: 'Runs reviews as projects and keeps the list of agencies',
  member: 'Sees the partnership and takes part in the reviews they are added to',
};
const roleChoices = (Object.keys(partnershipRoles) as PartnershipRole[]).map((role) => ({
  value: role,
  label: partnershipRoles[role],
  hint: roleHints[role],
}));
const statusChoices = [
  { value: 'active', label: 'Active', hint: 'Can sign in and use this partnership' },
  { value: 'inactive', label: 'Inactive', hint: 'Cannot use this partnership. Their past work is kept' },
];

type Props = {
  initial: UserFormValues;
  /** Adding asks for the email address and a temporary password; changing asks for the status. */
  mode: 'add' | 'change';
  agencies: AgencyDto[];
  submitLabel: string;
  cancelTo: string;
  pending: boolean;
  fieldErrors: Record<string, string> | undefined;
  onSubmit: (values: UserFormValues) => void;
};

/** The questions about a person in the partnership. */
export function UserForm({
  initial,
  mode,
  agencies,
  submitLabel,
  cancelTo,
  pending,
  fieldErrors,
  onSubmit,
}: Props) {
  const [values, set] = useFormValues<UserFormValues>(initial);
  const agencyChoices = agencies
    .filter((agency) => agency.active || agency.id === initial.agencyId)
    .map((agency) => ({ value: agency.id, label: agency.name }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(values);
  };

  return (
    <form noValidate onSubmit={submit}>
      <TextField
        id="name"
        label="Full name"
        autoComplete="off"
        spellCheck={false}
        value={values.name}
        onChange={set('name')}
        error={fieldErrors?.name}
      />
      {mode === 'add' ? (
        <TextField
          id="email"
          label="Email address"
          hint="Their work email address. They sign in with it"
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onChange={set('email')}
          error={fieldErrors?.email}
        />
      ) : null}
      <TextField
        id="jobTitle"
        label="Job title (optional)"
        value={values.jobTitle}
        onChange={set('jobTitle')}
        error={fieldErrors?.jobTitle}
      />
      <SelectField
        id="agencyId"
        label="Agency (optional)"
        hint="The agency they work for, if any"
        emptyLabel="No agency"
        value={values.agencyId}
        onChange={set('agencyId')}
        choices={agencyChoices}
        error={fieldErrors?.agencyId}
      />
      <RadiosField
        id="role"
        legend="Role"
        value={values.role}
        onChange={(value) => set('role')(value as PartnershipRole)}
        choices={roleChoices}
        error={fieldErrors?.role}
      />
      {mode === 'add' ? (
        <TextField
          id="initialPassword"
          label="Temporary password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. They will choose their own password when they first sign in. If they already have a Sightlines account, this is not used.`}
          autoComplete="new-password"
          spellCheck={false}
          value={values.initialPassword}
          onChange={set('initialPassword')}
          error={fieldErrors?.initialPassword}
        />
      ) : (
        <RadiosField
          id="active"
          legend="Status"
          value={values.active ? 'active' : 'inactive'}
          onChange={(value) => set('active')(value === 'active')}
          choices={statusChoices}
          error={fieldErrors?.active}
        />
      )}
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
