import { Link } from 'react-router';
import type { FacetValue, LibrarySearchResult } from '#domain/library/library.ts';
import { libraryPage } from './api.ts';
import {
  hasFilters,
  type LibraryFacet,
  type LibrarySearch,
  libraryFacets,
  libraryQuery,
  withoutFilter,
  withoutFilters,
} from './library-search.ts';

type Facets = LibrarySearchResult['facets'];

/** A value as an id: "theme-domestic_abuse". */
const inputId = (facet: LibraryFacet, value: string) => `${facet}-${value.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * The filter column: one fieldset of checkboxes a filter, each value with how many findings have it
 * given the other filters. The checkboxes start as the address says; "Apply filters" sends the form.
 */
export function LibraryFilters({
  partnershipId,
  search,
  facets,
}: {
  partnershipId: string;
  search: LibrarySearch;
  facets: Facets | undefined;
}) {
  return (
    <div className="app-library-filters">
      <h2 className="govuk-heading-m">Filter the findings</h2>
      {facets ? (
        libraryFacets.map(({ key, legend }) => (
          <FacetFieldset
            key={key}
            facet={key}
            legend={legend}
            values={facets[key]}
            chosen={search.filters[key]}
          />
        ))
      ) : (
        <p className="govuk-body">The filters appear once the findings have loaded.</p>
      )}
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Apply filters
        </button>
        <Link className="govuk-link" to={libraryPage(partnershipId, libraryQuery(withoutFilters(search)))}>
          Clear filters
        </Link>
      </div>
    </div>
  );
}

type FacetProps = { facet: LibraryFacet; legend: string; values: FacetValue[]; chosen: string[] };

function FacetFieldset({ facet, legend, values, chosen }: FacetProps) {
  if (values.length === 0) return null;
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {values.map((v) => {
            const id = inputId(facet, v.value);
            return (
              <div className="govuk-checkboxes__item" key={v.value}>
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={facet}
                  type="checkbox"
                  value={v.value}
                  defaultChecked={chosen.includes(v.value)}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {v.label} ({v.count})
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The chosen filters above the results, each a link that takes it away. */
export function SelectedFilters({
  partnershipId,
  search,
  facets,
}: {
  partnershipId: string;
  search: LibrarySearch;
  facets: Facets | undefined;
}) {
  if (!hasFilters(search)) return null;
  const labelOf = (facet: LibraryFacet, value: string) =>
    facets?.[facet].find((v) => v.value === value)?.label ?? value;
  return (
    <div className="app-library-selected">
      <h2 className="govuk-heading-s govuk-!-margin-bottom-2">Selected filters</h2>
      <ul className="govuk-list app-library-selected__list">
        {libraryFacets.flatMap(({ key, legend }) =>
          search.filters[key].map((value) => (
            <li key={`${key}:${value}`}>
              <Link
                className="govuk-link app-library-selected__link"
                to={libraryPage(partnershipId, libraryQuery(withoutFilter(search, key, value)))}
              >
                <span className="govuk-visually-hidden">Remove the filter </span>
                {legend}: {labelOf(key, value)}
                <span aria-hidden="true"> ×</span>
              </Link>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}
