import { describe, expect, it } from 'vitest';
import { pageNumbers } from './library-results.tsx';
import { libraryQuery, readLibrarySearch, withoutFilter, withoutFilters } from './library-search.ts';

describe('a library search in the address', () => {
  it('reads lists joined by commas or repeated, and writes them back joined, leaving out what is not set', () => {
    const search = readLibrarySearch(
      new URLSearchParams(
        'q=+safer sleep+&theme=neglect,domestic_abuse&theme=neglect&year=2024&page=0&scope=x',
      ),
    );
    expect(search).toMatchObject({ q: 'safer sleep', scope: 'partnership', page: 1 });
    expect(search.filters.theme).toEqual(['neglect', 'domestic_abuse']);
    expect(libraryQuery(search)).toBe('?q=safer%20sleep&theme=neglect,domestic_abuse&year=2024');
    expect(libraryQuery({ ...search, scope: 'national', page: 3 })).toBe(
      '?q=safer%20sleep&scope=national&theme=neglect,domestic_abuse&year=2024&page=3',
    );
  });

  it('takes one filter away, or all of them, back on the first page', () => {
    const search = readLibrarySearch(new URLSearchParams('q=doubt&typology=tools&theme=neglect&page=4'));
    expect(libraryQuery(withoutFilter(search, 'theme', 'neglect'))).toBe('?q=doubt&typology=tools');
    expect(libraryQuery(withoutFilters(search))).toBe('?q=doubt');
  });

  it('offers the first and last pages and those either side of the current one', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 10)).toEqual([1, 'gap', 4, 5, 6, 'gap', 10]);
    expect(pageNumbers(10, 10)).toEqual([1, 'gap', 9, 10]);
  });
});
