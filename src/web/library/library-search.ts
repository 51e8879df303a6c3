import type { LibraryScope, LibrarySearchResult } from '#domain/library/library.ts';

/** The filters of the learning library, named as the address and the API name them. */
export type LibraryFacet = keyof LibrarySearchResult['facets'];

/** Each filter with its legend, in the order the filter column shows them. */
export const libraryFacets: { key: LibraryFacet; legend: string }[] = [
  { key: 'typology', legend: 'Typology category' },
  { key: 'factorGroup', legend: 'Contributory factor group' },
  { key: 'theme', legend: 'Theme' },
  { key: 'year', legend: 'Year' },
  { key: 'agencySector', legend: 'Agency type' },
  { key: 'reviewType', legend: 'Review type' },
];

/** A search of the library as the address holds it. */
export type LibrarySearch = {
  q: string;
  scope: LibraryScope;
  filters: Record<LibraryFacet, string[]>;
  page: number;
};

/** The values of a filter in the address: "theme=neglect,domestic_abuse" or the name repeated. */
function listOf(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(values)];
}

/** The search the address describes; anything missing or malformed means "all". */
export function readLibrarySearch(params: URLSearchParams): LibrarySearch {
  const page = Number(params.get('page'));
  const filters = noFilters();
  for (const { key } of libraryFacets) filters[key] = listOf(params, key);
  return {
    q: (params.get('q') ?? '').trim(),
    scope: params.get('scope') === 'national' ? 'national' : 'partnership',
    filters,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The search read from a submitted form: its words, scope and every ticked filter, from page 1. */
export function searchFromForm(form: FormData): LibrarySearch {
  const params = new URLSearchParams();
  for (const [name, value] of form.entries()) if (typeof value === 'string') params.append(name, value);
  params.delete('page');
  return readLibrarySearch(params);
}

/**
 * The query string of a search, with only what is set, lists joined by commas: the same for the
 * address of the page and for the API, so a search can be linked to and Back returns to it.
 */
export function libraryQuery(search: LibrarySearch): string {
  const parts: string[] = [];
  if (search.q) parts.push(`q=${encodeURIComponent(search.q)}`);
  if (search.scope === 'national') parts.push('scope=national');
  for (const { key } of libraryFacets) {
    const values = search.filters[key];
    if (values.length > 0) parts.push(`${key}=${values.map(encodeURIComponent).join(',')}`);
  }
  if (search.page > 1) parts.push(`page=${search.page}`);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** The same search without one filter value, back on page 1. */
export function withoutFilter(search: LibrarySearch, facet: LibraryFacet, value: string): LibrarySearch {
  return {
    ...search,
    page: 1,
    filters: { ...search.filters, [facet]: search.filters[facet].filter((v) => v !== value) },
  };
}

/** The same search with every filter cleared: the words and scope stay. */
export function withoutFilters(search: LibrarySearch): LibrarySearch {
  return { ...search, page: 1, filters: noFilters() };
}

/** No filter chosen. */
export function noFilters(): Record<LibraryFacet, string[]> {
  return { typology: [], factorGroup: [], theme: [], year: [], agencySector: [], reviewType: [] };
}

/** Whether any filter is chosen. */
export const hasFilters = (search: LibrarySearch) =>
  libraryFacets.some(({ key }) => search.filters[key].length > 0);
