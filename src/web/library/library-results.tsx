import { Link } from 'react-router';
import { plural } from '../review/review-bits.tsx';
import { type LibraryEntry, type LibrarySearchResult, libraryPage } from './api.ts';
import { EntryStatement, EntryTags, entrySource, Highlighted, PublishedTag } from './library-bits.tsx';
import { type LibrarySearch, libraryQuery } from './library-search.ts';

type Props = {
  partnershipId: string;
  search: LibrarySearch;
  result: LibrarySearchResult | undefined;
  searching: boolean;
};

/**
 * The findings found, best match first: how many (announced when it changes), each with its
 * statement and the passage that matched, where it comes from, its tags, and pages of 20.
 */
export function LibraryResults({ partnershipId, search, result, searching }: Props) {
  const count = result ? plural(result.total, 'finding', 'findings') : '';
  return (
    <div className="app-library-results">
      <h2 className="govuk-heading-m" id="library-results-heading" aria-live="polite">
        {searching && !result ? 'Searching…' : count}
      </h2>
      {result ? (
        result.entries.length === 0 ? (
          <p className="govuk-body">No findings match. Try fewer filters or other words.</p>
        ) : (
          <>
            <ol className="govuk-list app-library-list" aria-labelledby="library-results-heading">
              {result.entries.map((entry) => (
                <LibraryResult key={entry.id} entry={entry} />
              ))}
            </ol>
            <LibraryPagination partnershipId={partnershipId} search={search} result={result} />
          </>
        )
      ) : null}
    </div>
  );
}

function LibraryResult({ entry }: { entry: LibraryEntry }) {
  return (
    <li className="app-library-result">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        <EntryStatement entry={entry} />
      </h3>
      <p className="govuk-body-s app-library-source">{entrySource(entry)}</p>
      <EntryTags entry={entry} />
      {entry.snippet.length > 0 ? (
        <p className="govuk-body-s app-library-snippet">
          <Highlighted parts={entry.snippet} />
        </p>
      ) : null}
      <p className="govuk-body-s govuk-!-margin-bottom-0">
        <PublishedTag published={entry.published} />
      </p>
    </li>
  );
}

/** The page numbers to offer: the first, the last, and those either side of the current one. */
export function pageNumbers(current: number, last: number): (number | 'gap')[] {
  const shown = [...new Set([1, current - 1, current, current + 1, last])]
    .filter((n) => n >= 1 && n <= last)
    .sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const n of shown) {
    const before = out.at(-1);
    if (typeof before === 'number' && n - before > 1) out.push('gap');
    out.push(n);
  }
  return out;
}

function LibraryPagination({
  partnershipId,
  search,
  result,
}: {
  partnershipId: string;
  search: LibrarySearch;
  result: LibrarySearchResult;
}) {
  const last = Math.max(1, Math.ceil(result.total / result.pageSize));
  if (last === 1) return null;
  const current = Math.min(result.page, last);
  const to = (page: number) => libraryPage(partnershipId, libraryQuery({ ...search, page }));
  return (
    <nav className="govuk-pagination" aria-label="Pages of findings">
      {current > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={to(current - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {pageNumbers(current, last).map((n, i) =>
          n === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity but its place
            <li key={`gap-${i}`} className="govuk-pagination__item govuk-pagination__item--ellipses">
              ⋯
            </li>
          ) : (
            <li
              key={n}
              className={`govuk-pagination__item${n === current ? ' govuk-pagination__item--current' : ''}`}
            >
              <Link
                className="govuk-link govuk-pagination__link"
                to={to(n)}
                aria-label={`Page ${n}`}
                aria-current={n === current ? 'page' : undefined}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {current < last ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={to(current + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
