import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { describedBy, ErrorMessage, formGroupClass, Hint } from '../components/form-fields.tsx';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { plural } from '../review/review-bits.tsx';
import { type LibrarySearchResult, libraryPage, librarySettingsPage, useLibrarySearch } from './api.ts';
import { LibraryFilters, SelectedFilters } from './library-filters.tsx';
import { LibraryResults } from './library-results.tsx';
import { type LibrarySearch, libraryQuery, readLibrarySearch, searchFromForm } from './library-search.ts';
import './library.scss';

/**
 * The learning library: the findings of the partnership's reviews (and, if chosen, of every
 * partnership that shares its published findings), searched by words and filtered by category,
 * factor group, theme, year, agency type and review type. The search lives in the address, so a
 * search can be linked to and Back returns to the one before.
 */
export function LibraryPage() {
  const { partnershipId, membership } = useMembership();
  const allowed = membership ? Boolean(membership.abilities.viewLibrary) : true;
  const [params] = useSearchParams();
  const search = readLibrarySearch(params);
  const query = libraryQuery(search);
  const found = useLibrarySearch(partnershipId, query, allowed);
  const navigate = useNavigate();
  const name = membership?.partnershipName;

  if (membership && !allowed)
    return <ForbiddenPage message="Only members of the partnership can use its learning library." />;
  const fieldErrors = found.error instanceof ApiError ? found.error.fields : [];
  if (found.isError && fieldErrors.length === 0) return <QueryProblem error={found.error} />;
  const result = found.isError ? undefined : found.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate(libraryPage(partnershipId, libraryQuery(searchFromForm(new FormData(event.currentTarget)))));
  };

  return (
    <Page
      title={[search.q ? `Learning library: ${search.q}` : 'Learning library', ...(name ? [name] : [])]}
      heading="Learning library"
      caption={name}
      errors={fieldErrors.map((f) => ({ field: f.path === 'q' ? 'q' : undefined, message: f.message }))}
      width="full"
    >
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body-l">
            Findings about how the system works, from our reviews and, if you choose, from every partnership
            that shares its published findings. Every finding is anonymised.
          </p>
          {result?.abilities.manage ? (
            <p className="govuk-body">
              <Link className="govuk-link" to={librarySettingsPage(partnershipId)}>
                Sharing and imports
              </Link>
            </p>
          ) : null}
        </div>
      </div>
      <form method="get" noValidate onSubmit={submit} aria-label="Search the learning library">
        <SearchControls
          key={`search:${query}`}
          search={search}
          result={result}
          error={fieldErrors.find((f) => f.path === 'q')?.message}
        />
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <LibraryFilters
              key={`filters:${query}`}
              partnershipId={partnershipId}
              search={search}
              facets={result?.facets}
            />
          </div>
          <div className="govuk-grid-column-two-thirds">
            <SelectedFilters partnershipId={partnershipId} search={search} facets={result?.facets} />
            <LibraryResults
              partnershipId={partnershipId}
              search={search}
              result={result}
              searching={found.isFetching}
            />
          </div>
        </div>
      </form>
    </Page>
  );
}

/** The words to search for and whose findings to search, starting as the address says. */
function SearchControls({
  search,
  result,
  error,
}: {
  search: LibrarySearch;
  result: LibrarySearchResult | undefined;
  error: string | undefined;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className={formGroupClass(error)}>
          <label className="govuk-label govuk-label--s" htmlFor="q">
            Search findings
          </label>
          <Hint
            id="q"
            hint='Use quotation marks for a phrase, like "strategy discussion", and a minus sign to leave a word out.'
          />
          {error ? <ErrorMessage id="q-error">{error}</ErrorMessage> : null}
          <div className="app-library-search">
            <input
              className={`govuk-input${error ? ' govuk-input--error' : ''}`}
              id="q"
              name="q"
              type="search"
              defaultValue={search.q}
              aria-describedby={describedBy('q', true, error)}
            />
            <button type="submit" className="govuk-button govuk-!-margin-bottom-0">
              Search
            </button>
          </div>
        </div>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Whose findings</legend>
            <div className="govuk-radios govuk-radios--small">
              <ScopeRadio id="scope" value="partnership" label="Our partnership" chosen={search.scope} />
              <ScopeRadio
                id="scope-2"
                value="national"
                label="All partnerships that share their published findings"
                hint={sharingHint(result?.sharing)}
                chosen={search.scope}
              />
            </div>
          </fieldset>
        </div>
      </div>
    </div>
  );
}

/** How many partnerships share their findings, under the choice to search them all. */
function sharingHint(sharing: LibrarySearchResult['sharing'] | undefined): string | undefined {
  if (!sharing) return undefined;
  const n = sharing.partnershipsSharing;
  const ours = sharing.shared ? 'Ours is one of them.' : 'Ours does not share its findings.';
  if (n === 0) return 'No partnership shares its findings yet.';
  return `${plural(n, 'partnership shares', 'partnerships share')} their published findings. ${ours}`;
}

type ScopeProps = { id: string; value: string; label: string; hint?: string | undefined; chosen: string };

function ScopeRadio({ id, value, label, hint, chosen }: ScopeProps) {
  return (
    <div className="govuk-radios__item">
      <input
        className="govuk-radios__input"
        id={id}
        name="scope"
        type="radio"
        value={value}
        defaultChecked={chosen === value}
        aria-describedby={hint ? `${id}-item-hint` : undefined}
      />
      <label className="govuk-label govuk-radios__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-item-hint`} className="govuk-hint govuk-radios__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}
