import { type SQL, sql } from 'drizzle-orm';
import type { LibraryScope, SearchLibraryQuery } from '#domain/library/library.ts';
import { type LibraryFacet, libraryFacets, libraryVisibility } from '#domain/library/rules.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';

/*
 * Which library entries a person may see, as SQL over `library_entries` (written `e` in these
 * queries), and the facet filters of a search. Visibility is decided here, in the query.
 */

/** The person looking: the partnership they work in and their role there. */
export type Viewer = { partnershipId: string; role: PartnershipRole; userId: string };

const published = sql`(e.source = 'import' or e.published_on is not null)`;

/** Their own partnership's entries they may see: every one, or the published ones (see libraryVisibility). */
export function ownEntries(viewer: Viewer): SQL {
  return libraryVisibility(viewer.role) === 'every'
    ? sql`e.partnership_id = ${viewer.partnershipId}`
    : sql`(e.partnership_id = ${viewer.partnershipId} and ${published})`;
}

/** The national view: published entries of their own partnership and of every partnership that shares. */
export function nationalEntries(viewer: Viewer): SQL {
  return sql`(${published} and (e.partnership_id = ${viewer.partnershipId} or e.partnership_id in (select s.partnership_id from library_settings s where s.share_nationally)))`;
}

/** The entries a search in a scope covers. */
export const entriesInScope = (viewer: Viewer, scope: LibraryScope): SQL =>
  scope === 'partnership' ? ownEntries(viewer) : nationalEntries(viewer);

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** The values chosen for each facet of a search. */
export type FacetSelection = Record<LibraryFacet, readonly (string | number)[]>;

export const selectionOf = (query: SearchLibraryQuery): FacetSelection => ({
  typology: query.typology,
  factorGroup: query.factorGroup,
  theme: query.theme,
  year: query.year,
  agencySector: query.agencySector,
  reviewType: query.reviewType,
});

/** The condition one facet's chosen values put on an entry (any of them will do), or none. */
function facetCondition(
  facet: LibraryFacet,
  values: readonly (string | number)[],
  alias: string,
): SQL | null {
  if (!values.length) return null;
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  switch (facet) {
    case 'typology':
      return sql`${column('typology_code')} in (${list(values)})`;
    case 'factorGroup':
      return sql`${column('factor_groups')} && array[${list(values)}]::text[]`;
    case 'theme':
      return sql`${column('themes')} && array[${list(values)}]::text[]`;
    case 'year':
      return sql`${column('year')} in (${list(values.map(Number))})`;
    case 'agencySector':
      return sql`${column('agency_sectors')} && array[${list(values)}]::text[]`;
    case 'reviewType':
      return sql`${column('review_type')} in (${list(values)})`;
  }
}

/**
 * Every facet's condition together, except the one left out: a facet's own counts apply every
 * other facet's filter but not its own, so choosing one value never hides the others.
 */
export function facetConditions(selection: FacetSelection, alias: string, except?: LibraryFacet): SQL {
  const parts = libraryFacets
    .filter((f) => f !== except)
    .map((f) => facetCondition(f, selection[f], alias))
    .filter((c): c is SQL => c !== null);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** The rows of a raw query, whichever database ran it. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
