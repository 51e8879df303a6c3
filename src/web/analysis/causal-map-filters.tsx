import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { queryString } from '../api/client.ts';
import { type Choice, SelectField } from '../components/form-fields.tsx';

export type CausalMapFilters = { agencyId?: string | undefined; group?: string | undefined };
export const causalMapFilterIds = ['agencyId', 'group'] as const;

/** The filters in the address: `?agencyId=…&group=…`, each only when it has a value. */
export function filtersFrom(params: URLSearchParams): CausalMapFilters {
  const filters: CausalMapFilters = {};
  for (const key of causalMapFilterIds) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

type Props = {
  filters: CausalMapFilters;
  agencies: Choice[];
  groups: Choice[];
  fieldErrors: Record<string, string> | undefined;
  clearTo: string;
  /** Called with the new query, such as "?agencyId=…", or "" for no filters. */
  onApply: (query: string) => void;
};

/** Narrow the map to one agency's episodes or one group of factors; kept in the address like a GET form. */
export function CausalMapFiltersForm({ filters, agencies, groups, fieldErrors, clearTo, onApply }: Props) {
  const [values, setValues] = useState<CausalMapFilters>(filters);
  const set = (key: keyof CausalMapFilters) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value || undefined }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(queryString({ agencyId: values.agencyId, group: values.group }));
  };
  const filtered = Boolean(filters.agencyId || filters.group);

  return (
    <form
      method="get"
      noValidate
      onSubmit={submit}
      aria-labelledby="causal-map-filter-heading"
      className="app-causal-map-filters"
    >
      <h2 className="govuk-heading-s" id="causal-map-filter-heading">
        Filter the map
      </h2>
      <div className="app-causal-map-filters__fields">
        <SelectField
          id="agencyId"
          label="Agency"
          emptyLabel="All agencies"
          choices={agencies}
          value={values.agencyId ?? ''}
          onChange={set('agencyId')}
          error={fieldErrors?.agencyId}
        />
        <SelectField
          id="group"
          label="Group of contributory factors"
          emptyLabel="All groups"
          choices={groups}
          value={values.group ?? ''}
          onChange={set('group')}
          error={fieldErrors?.group}
        />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        {filtered ? (
          <Link className="govuk-link" to={clearTo}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
