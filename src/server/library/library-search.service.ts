import { type SQL, sql } from 'drizzle-orm';
import type { FacetValue, LibrarySearchResult, SearchLibraryQuery } from '#domain/library/library.ts';
import { facetLabel, facetOrder, type LibraryFacet, libraryFacets } from '#domain/library/rules.ts';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { headlineOptions, highlightAllOptions } from '#domain/search/search.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import type { MemberCtx } from '../http/context.ts';
import {
  type EntryRecord,
  entryColumns,
  openableReviewsOf,
  presentEntry,
  viewerRolesColumn,
} from './library.presenter.ts';
import {
  entriesInScope,
  type FacetSelection,
  facetConditions,
  rowsOf,
  selectionOf,
  type Viewer,
} from './library-scope.ts';

type FacetRow = { facet: LibraryFacet | 'total'; value: string | null; name: string | null; n: number };

/** The person looking, from the request. */
export const viewerOf = (ctx: MemberCtx): Viewer => ({
  partnershipId: ctx.membership.partnershipId,
  role: ctx.membership.role,
  userId: ctx.principal.userId,
});

/**
 * What a search needs before it runs, in one statement: whether the words searched for hold anything
 * to search with (not only words like "the" and "of"), whether this partnership shares its published
 * findings, and how many partnerships do.
 */
async function prelude(q: Queryable, partnershipId: string, words: string | undefined) {
  const [row] = rowsOf<{ n: number | null; shared: boolean | null; sharing: number }>(
    await q.execute(sql`select
      numnode(websearch_to_tsquery('english', ${words || null}::text))::int as n,
      (select s.share_nationally from library_settings s where s.partnership_id = ${partnershipId}) as shared,
      (select count(*)::int from library_settings s where s.share_nationally) as sharing`),
  );
  return {
    words: words && row && Number(row.n) > 0 ? words : null,
    sharing: { shared: row?.shared ?? false, partnershipsSharing: Number(row?.sharing ?? 0) },
  };
}

/** A value of a raw JSON column, whichever driver read it. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

type Search = {
  where: SQL;
  selection: FacetSelection;
  rank: SQL;
  headlines: SQL;
  /** The viewer's roles in each shown entry's review. */
  viewerRoles: SQL;
  /** The order of results, written for a table alias. */
  order: (alias: string) => string;
  limit: number;
  offset: number;
};

/**
 * One statement for the whole search: the entries in scope that match the words are read (and
 * ranked) once, then counted for each facet, given every other facet's filter, and a page of those
 * matching every filter is returned with its headlines.
 */
async function runSearch(
  q: Queryable,
  s: Search,
): Promise<{ facetRows: FacetRow[]; records: EntryRecord[] }> {
  const others = (facet: LibraryFacet) => facetConditions(s.selection, 'm', facet);
  const [row] = rowsOf<{ facets: unknown; entries: unknown }>(
    await q.execute(sql`
      with m as materialized (
        select e.id, e.typology_code, e.typology_name, e.factor_groups, e.themes, e.year, e.agency_sectors,
          e.review_type, e.review_title, e.finding_number, ${s.rank} as rank
        from library_entries e where ${s.where}
      ),
      f as (
        select 'typology' as facet, m.typology_code as value, max(m.typology_name) as name, count(*)::int as n
          from m where m.typology_code is not null and ${others('typology')} group by m.typology_code
        union all
        select 'factorGroup', v, null, count(*)::int
          from (select unnest(m.factor_groups) as v from m where ${others('factorGroup')}) u group by v
        union all
        select 'theme', v, null, count(*)::int
          from (select unnest(m.themes) as v from m where ${others('theme')}) u group by v
        union all
        select 'year', m.year::text, null, count(*)::int from m where ${others('year')} group by m.year
        union all
        select 'agencySector', v, null, count(*)::int
          from (select unnest(m.agency_sectors) as v from m where ${others('agencySector')}) u group by v
        union all
        select 'reviewType', m.review_type, null, count(*)::int from m where ${others('reviewType')} group by m.review_type
        union all
        select 'total', null, null, count(*)::int from m where ${facetConditions(s.selection, 'm')}
      ),
      pg as (
        select m.id, m.rank from m where ${facetConditions(s.selection, 'm')}
        order by ${sql.raw(s.order('m'))} limit ${s.limit} offset ${s.offset}
      )
      select
        (select coalesce(json_agg(f), '[]'::json) from f) as facets,
        (select coalesce(json_agg(x order by ${sql.raw(s.order('x'))}), '[]'::json) from (
          select ${sql.raw(entryColumns)}, pg.rank, ${s.headlines}, ${s.viewerRoles}
          from pg join library_entries e on e.id = pg.id join partnerships p on p.id = e.partnership_id
        ) x) as entries
    `),
  );
  return {
    facetRows: fromJson<FacetRow[]>(row?.facets ?? []),
    records: fromJson<EntryRecord[]>(row?.entries ?? []),
  };
}

/** Each facet's values with their labels and counts, chosen values included even when nothing matches them. */
function facetsOf(rows: FacetRow[], selection: FacetSelection) {
  const typologyNames = new Map(
    rows
      .filter((r) => r.facet === 'typology' && r.value && r.name)
      .map((r) => [r.value as string, r.name as string]),
  );
  return Object.fromEntries(
    libraryFacets.map((facet) => {
      const chosen = selection[facet].map(String);
      const values: FacetValue[] = rows
        .filter((r) => r.facet === facet && r.value !== null)
        .map((r) => ({
          value: r.value as string,
          label: facetLabel(facet, r.value as string, typologyNames),
          count: Number(r.n),
          selected: chosen.includes(r.value as string),
        }));
      for (const value of chosen)
        if (!values.some((v) => v.value === value))
          values.push({ value, label: facetLabel(facet, value, typologyNames), count: 0, selected: true });
      return [facet, values.sort(facetOrder(facet))];
    }),
  ) as LibrarySearchResult['facets'];
}

/**
 * Searches the learning library: the partnership's own findings the person may see, or the national
 * view of published findings shared by every partnership that chose to. Best matches first (newest
 * first without words), with facet counts that each apply the other facets' filters. The search is
 * audited with its scope, filters and number of results, never the words searched for.
 */
export async function searchLibrary(ctx: MemberCtx, query: SearchLibraryQuery): Promise<LibrarySearchResult> {
  const q = ctx.tx;
  const viewer = viewerOf(ctx);
  const { words, sharing } = await prelude(q, viewer.partnershipId, query.q);
  const tsq = sql`websearch_to_tsquery('english', ${words ?? ''})`;
  const where = words
    ? sql`${entriesInScope(viewer, query.scope)} and e.search @@ ${tsq}`
    : entriesInScope(viewer, query.scope);
  const selection = selectionOf(query);
  const { facetRows, records } = await runSearch(q, {
    where,
    selection,
    rank: words ? sql`ts_rank_cd(e.search, ${tsq})::float8` : sql`0::float8`,
    headlines: words
      ? sql`ts_headline('english', e.statement, ${tsq}, ${highlightAllOptions}) as statement_headline,
          ts_headline('english', concat_ws(' … ', nullif(e.why_it_matters, ''), nullif(e.how_it_showed, '')), ${tsq}, ${headlineOptions}) as snippet_headline`
      : sql`null as statement_headline, null as snippet_headline`,
    viewerRoles: viewerRolesColumn(viewer),
    order: (a) =>
      `${words ? `${a}.rank desc, ` : ''}${a}.year desc, ${a}.review_title, ${a}.finding_number nulls last, ${a}.id`,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const facets = facetsOf(facetRows, selection);
  const total = Number(facetRows.find((r) => r.facet === 'total')?.n ?? 0);
  const openable = openableReviewsOf(viewer, records);
  const chosen = Object.fromEntries(
    libraryFacets.filter((f) => selection[f].length).map((f) => [f, selection[f]]),
  );
  await auditAction(ctx, {
    action: 'library.searched',
    entityType: 'library',
    entityId: null,
    details: { scope: query.scope, filters: chosen, withWords: Boolean(query.q), total, page: query.page },
  });
  return {
    query: query.q ?? '',
    scope: query.scope,
    total,
    page: query.page,
    pageSize: query.pageSize,
    entries: records.map((r) => presentEntry(r, viewer, openable)),
    facets,
    sharing,
    abilities: { manage: mayInPartnership({ userId: viewer.userId, role: viewer.role }, 'manageLibrary') },
  };
}
