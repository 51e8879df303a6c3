import type { FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type ActionStatus, actionStatuses } from '#domain/action/action.ts';
import { useAgencies } from '../api/partnership.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { useReviews } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { plural } from '../review/review-bits.tsx';
import { ActionTags, targetName } from './action-bits.tsx';
import {
  type ActionList,
  afterReviewPage,
  type TrackerFilters,
  trackerExportPath,
  useTrackedActions,
} from './api.ts';
import './action.scss';

/** The tracker's filters, read from the address. */
function readFilters(search: URLSearchParams): TrackerFilters {
  const status = search.get('status') ?? '';
  return {
    status: status in actionStatuses ? (status as ActionStatus) : '',
    reviewId: search.get('reviewId') ?? '',
    agencyId: search.get('agencyId') ?? '',
    overdue: search.get('overdue') === 'true',
  };
}

/**
 * Every action across the partnership's reviews, filtered by status, review, owner agency and whether
 * it is overdue; the filters live in the address, so a filtered view can be shared, and the export
 * to Excel uses the same filters.
 */
export function TrackerPage() {
  const { partnershipId, membership } = useMembership();
  const allowed = membership ? Boolean(membership.abilities.trackActions) : true;
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const tracked = useTrackedActions(partnershipId, filters, allowed);
  const reviews = useReviews(partnershipId, 'all', allowed);
  const agencies = useAgencies(partnershipId, allowed);
  const name = membership?.partnershipName;

  if (membership && !allowed)
    return <ForbiddenPage message="Only the partnership’s admins and business managers can track actions." />;
  if (tracked.isError) return <QueryProblem error={tracked.error} />;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['status', 'reviewId', 'agencyId']) {
      const value = String(form.get(key) ?? '');
      if (value) next.set(key, value);
    }
    if (form.get('overdue')) next.set('overdue', 'true');
    setSearch(next);
  };

  return (
    <Page title={['Actions', ...(name ? [name] : [])]} heading="Actions" caption={name} width="full">
      <p className="govuk-body">
        Every action from the partnership’s reviews, with who owns it and when it is due.
      </p>
      <form method="get" onSubmit={apply} aria-label="Filter the actions" key={search.toString()}>
        <div className="govuk-grid-row">
          <FilterSelect
            id="status"
            label="Status"
            value={filters.status ?? ''}
            choices={Object.entries(actionStatuses)}
          />
          <FilterSelect
            id="reviewId"
            label="Review"
            value={filters.reviewId ?? ''}
            choices={(reviews.data?.reviews ?? []).map((r) => [r.id, r.title])}
          />
          <FilterSelect
            id="agencyId"
            label="Owner agency"
            value={filters.agencyId ?? ''}
            choices={(agencies.data?.agencies ?? []).map((a) => [a.id, a.name])}
          />
        </div>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="overdue"
                name="overdue"
                type="checkbox"
                value="true"
                defaultChecked={filters.overdue}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="overdue">
                Only overdue
              </label>
            </div>
          </div>
        </div>
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button govuk-button--secondary">
            Apply the filters
          </button>
          <Link className="govuk-link" to="?">
            Clear the filters
          </Link>
        </div>
      </form>
      {!tracked.data ? (
        <Loading />
      ) : (
        <TrackerResults partnershipId={partnershipId} list={tracked.data} filters={filters} />
      )}
    </Page>
  );
}

type SelectProps = { id: string; label: string; value: string; choices: [string, string][] };

/** One filter: a select whose first option means "any". */
function FilterSelect({ id, label, value, choices }: SelectProps) {
  return (
    <div className="govuk-grid-column-one-third">
      <div className="govuk-form-group">
        <label className="govuk-label" htmlFor={id}>
          {label}
        </label>
        <select className="govuk-select govuk-!-width-full" id={id} name={id} defaultValue={value}>
          <option value="">Any</option>
          {choices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

const headers = ['Review', 'Finding', 'Action', 'Owner', 'Due', 'Status'];

/** What the counts by status cover: the chosen review and agency, before the status and overdue filters. */
function countsScope(filters: TrackerFilters): string {
  if (filters.reviewId && filters.agencyId) return 'Across this review and agency';
  if (filters.reviewId) return 'Across this review';
  if (filters.agencyId) return 'Across this agency';
  return 'Across all reviews and agencies';
}

function TrackerResults({
  partnershipId,
  list,
  filters,
}: {
  partnershipId: string;
  list: ActionList;
  filters: TrackerFilters;
}) {
  const { actions, counts } = list;
  return (
    <>
      <p className="govuk-body">Showing {plural(actions.length, 'action', 'actions')}.</p>
      <p className="govuk-body">
        {countsScope(filters)}: {counts.open} open, {counts.in_progress} in progress, {counts.done} done,{' '}
        {counts.impact_verified} impact verified; {counts.overdue} overdue.
      </p>
      {list.abilities.export ? (
        <p className="govuk-body">
          <a className="govuk-link" href={trackerExportPath(partnershipId, filters)} download>
            Export to Excel (XLSX)
          </a>
        </p>
      ) : null}
      {actions.length === 0 ? (
        <p className="govuk-body">No actions match these filters.</p>
      ) : (
        <ScrollableTable label="Actions">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-table__caption--m">Actions</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {headers.map((h) => (
                  <th scope="col" className="govuk-table__header" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {actions.map((a) => (
                <tr className="govuk-table__row" key={a.id}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={afterReviewPage(partnershipId, a.reviewId, 'actions')}>
                      {a.reviewTitle}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{targetName(a)}</td>
                  <th scope="row" className="govuk-table__header">
                    {a.description}
                  </th>
                  <td className="govuk-table__cell">
                    {[a.ownerName, a.ownerAgency?.name].filter(Boolean).join(', ') || 'Not given'}
                  </td>
                  <td className="govuk-table__cell app-nowrap">
                    {a.dueOn ? formatDate(a.dueOn) : 'No date'}
                  </td>
                  <td className="govuk-table__cell">
                    <ActionTags action={a} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </>
  );
}
