import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { DateInputField } from '../components/date-input-field.tsx';
import { SelectField, TextField } from '../components/form-fields.tsx';
import { type DateParts, parseDateParts, partsFromIso } from '../review/dates.ts';
import type { AgencyCount, NarrativeFilters } from './api.ts';

type Props = {
  filters: NarrativeFilters;
  agencies: AgencyCount[];
  clearTo: string;
  onApply: (filters: NarrativeFilters) => void;
  onProblem: (fields: Record<string, string>) => void;
  errors: Record<string, string>;
};

const sortChoices = [
  { value: 'date', label: 'Earliest first' },
  { value: '-date', label: 'Latest first' },
];

/** Filters for the narrative, kept in the page address like a GET form so a filtered view can be shared. */
export function FiltersForm({ filters, agencies, clearTo, onApply, onProblem, errors }: Props) {
  const [agencyId, setAgencyId] = useState(filters.agencyId ?? '');
  const [from, setFrom] = useState<DateParts>(partsFromIso(filters.from));
  const [to, setTo] = useState<DateParts>(partsFromIso(filters.to));
  const [tag, setTag] = useState(filters.tag ?? '');
  const [q, setQ] = useState(filters.q ?? '');
  const [sort, setSort] = useState(filters.sort ?? 'date');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fromDate = parseDateParts(from, 'the from date');
    const toDate = parseDateParts(to, 'the to date');
    const problems: Record<string, string> = {};
    if (!fromDate.ok) problems.from = fromDate.message;
    if (!toDate.ok) problems.to = toDate.message;
    if (fromDate.ok && toDate.ok && fromDate.iso && toDate.iso && toDate.iso < fromDate.iso)
      problems.to = 'The to date must be the same as or after the from date';
    onProblem(problems);
    if (Object.keys(problems).length > 0) return;
    onApply({
      agencyId: agencyId || undefined,
      from: (fromDate.ok && fromDate.iso) || undefined,
      to: (toDate.ok && toDate.iso) || undefined,
      tag: tag.trim() || undefined,
      q: q.trim() || undefined,
      sort: sort === 'date' ? undefined : sort,
    });
  };

  return (
    <form method="get" noValidate onSubmit={submit} className="app-narrative-filters">
      <h2 className="govuk-heading-s">Filter the narrative</h2>
      <div className="app-narrative-filters__fields">
        <SelectField
          id="agencyId"
          label="Agency"
          emptyLabel="All agencies"
          value={agencyId}
          onChange={setAgencyId}
          choices={agencies.map((a) => ({ value: a.id, label: `${a.name} (${a.count})` }))}
        />
        <DateInputField
          id="from"
          legend="From"
          value={from}
          onChange={setFrom}
          error={errors.from}
          spellCheck={false}
        />
        <DateInputField
          id="to"
          legend="To"
          value={to}
          onChange={setTo}
          error={errors.to}
          spellCheck={false}
        />
        <TextField id="tag" label="Tag" value={tag} onChange={setTag} widthClass="govuk-input--width-10" />
        <TextField id="q" label="Words in what happened" value={q} onChange={setQ} />
        <SelectField id="sort" label="Sort" value={sort} onChange={setSort} choices={sortChoices} />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        <Link className="govuk-link" to={clearTo}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
