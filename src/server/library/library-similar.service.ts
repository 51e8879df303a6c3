import { sql } from 'drizzle-orm';
import type { SimilarFindingDto } from '#domain/library/library.ts';
import { highlightAllOptions } from '#domain/search/search.ts';
import type { ReviewCtx } from '../review/access.ts';
import {
  type EntryRecord,
  entryColumns,
  openableReviews,
  ownReviewIds,
  presentEntry,
} from './library.presenter.ts';
import { nationalEntries, ownEntries, rowsOf } from './library-scope.ts';
import { viewerOf } from './library-search.service.ts';

/** How alike a finding must be to be offered: 0 is nothing in common, 1 the same words. */
export const similarityThreshold = 0.15;

/**
 * Findings of other reviews that resemble the text of a finding being written, most alike first:
 * those the person may see in the national view and their own partnership's, never this review's.
 * How alike is the greater of the statements' trigram similarity and the share of words (as
 * full-text lexemes) they have in common. Nothing is audited: library text is already anonymised.
 */
export async function similarFindings(
  ctx: ReviewCtx,
  input: { text: string; limit: number },
): Promise<{ findings: SimilarFindingDto[] }> {
  const viewer = viewerOf(ctx);
  const records = rowsOf<EntryRecord & { similarity: number }>(
    await ctx.tx.execute(sql`
      with t as (
        select ${input.text}::text as text,
          tsvector_to_array(to_tsvector('english', ${input.text})) as lexemes,
          case when numnode(plainto_tsquery('english', ${input.text})) = 0 then null
            else regexp_replace(plainto_tsquery('english', ${input.text})::text, '&|<(->|[0-9]+)>', '|', 'g')::tsquery
          end as any_word
      ),
      scored as (
        select e.id, greatest(
          similarity(e.statement, t.text),
          coalesce(2.0 * (select count(*) from unnest(tsvector_to_array(ts_filter(e.search, '{a}'))) l where l = any(t.lexemes))
            / nullif(cardinality(t.lexemes) + length(ts_filter(e.search, '{a}')), 0), 0)
        )::float8 as similarity
        from library_entries e, t
        where (${ownEntries(viewer)} or ${nationalEntries(viewer)})
          and (e.review_id is null or e.review_id <> ${ctx.review.id})
      )
      select ${sql.raw(entryColumns)}, s.similarity, s.similarity as rank,
        case when t.any_word is null then null
          else ts_headline('english', e.statement, t.any_word, ${highlightAllOptions}) end as statement_headline,
        null as snippet_headline
      from scored s join library_entries e on e.id = s.id join partnerships p on p.id = e.partnership_id, t
      where s.similarity >= ${similarityThreshold}
      order by s.similarity desc, e.year desc, e.id
      limit ${input.limit}
    `),
  );
  const openable = await openableReviews(ctx.tx, viewer, ownReviewIds(viewer, records));
  return {
    findings: records.map((r) => {
      const entry = presentEntry(r, viewer, openable);
      return {
        id: entry.id,
        partnershipName: entry.partnershipName,
        own: entry.own,
        reviewTitle: entry.reviewTitle,
        reviewTypeLabel: entry.reviewTypeLabel,
        statement: entry.statement,
        statementParts: entry.statementParts,
        typology: entry.typology,
        themes: entry.themes,
        year: entry.year,
        published: entry.published,
        path: entry.path,
        similarity: Math.min(1, Math.round(Number(r.similarity) * 100) / 100),
      };
    }),
  };
}
