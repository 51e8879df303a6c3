import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { type AuditAction, auditActions } from '#domain/audit/audit.ts';
import type { AuditFilters } from '../api/audit.ts';
import { queryString } from '../api/client.ts';
import { type Choice, SelectField, TextField } from '../components/form-fields.tsx';
import { entityTypeLabel } from './audit-labels.ts';

export const auditFilterIds = ['action', 'actorUserId', 'entityType', 'from', 'to'] as const;

const actionChoices: Choice[] = (Object.keys(auditActions) as AuditAction[]).map((action) => ({
  value: action,
  label: auditActions[action],
}));
const entityTypes = [...new Set(Object.keys(auditActions).map((action) => action.split('.')[0] ?? action))];
const entityChoices: Choice[] = entityTypes.map((type) => ({ value: type, label: entityTypeLabel(type) }));

type Props = {
  filters: AuditFilters;
  people: Choice[] | undefined;
  fieldErrors: Record<string, string> | undefined;
  clearTo: string;
  onApply: (query: string) => void;
};

/** Filters for the audit log, kept in the address like a GET form so a filtered view can be shared. */
export function AuditFiltersForm({ filters, people, fieldErrors, clearTo, onApply }: Props) {
  const [values, setValues] = useState<AuditFilters>(filters);
  const set = (key: keyof AuditFilters) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { before: _older, ...chosen } = values;
    onApply(queryString(chosen));
  };

  return (
    <form method="get" noValidate onSubmit={submit} aria-labelledby="filter-heading">
      <h2 className="govuk-heading-m" id="filter-heading">
        Filter events
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SelectField
            id="action"
            label="What happened"
            emptyLabel="Anything"
            choices={actionChoices}
            value={values.action ?? ''}
            onChange={set('action')}
            error={fieldErrors?.action}
          />
        </div>
        {people ? (
          <div className="govuk-grid-column-one-third">
            <SelectField
              id="actorUserId"
              label="Who did it"
              emptyLabel="Anyone"
              choices={people}
              value={values.actorUserId ?? ''}
              onChange={set('actorUserId')}
              error={fieldErrors?.actorUserId}
            />
          </div>
        ) : null}
        <div className="govuk-grid-column-one-third">
          <SelectField
            id="entityType"
            label="What it was about"
            emptyLabel="Anything"
            choices={entityChoices}
            value={values.entityType ?? ''}
            onChange={set('entityType')}
            error={fieldErrors?.entityType}
          />
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <TextField
            id="from"
            label="From date"
            hint="For example, 2026-03-02"
            widthClass="govuk-input--width-10"
            value={values.from ?? ''}
            onChange={set('from')}
            error={fieldErrors?.from}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <TextField
            id="to"
            label="To date"
            hint="For example, 2026-03-31"
            widthClass="govuk-input--width-10"
            value={values.to ?? ''}
            onChange={set('to')}
            error={fieldErrors?.to}
          />
        </div>
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
