import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { visibleRestrictions } from '#domain/document/document.ts';
import { headlineOptions, type SearchResultDto, snippetParts } from '#domain/search/search.ts';
import { auditAction } from '../audit/audit.service.ts';
import { agencies, chronologyEvents, conversations, documents, participants } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';

type Kind = SearchResultDto['kind'];

/**
 * Searches a review's documents, conversation records and narrative events with PostgreSQL
 * full-text search, best matches first, each linked to where it lives. Documents are limited to
 * those the person may see; the search itself is audited (its size, never its words).
 */
export async function searchEvidence(ctx: ReviewCtx, input: { q: string; kinds: Kind[]; limit: number }) {
  const query = sql`websearch_to_tsquery('english', ${input.q})`;
  const base = `/partnerships/${ctx.review.partnershipId}/reviews/${ctx.review.id}`;
  const results: SearchResultDto[] = [];
  if (input.kinds.includes('document')) {
    const rows = await ctx.tx
      .select({
        id: documents.id,
        title: documents.title,
        date: documents.dateFrom,
        rank: sql<number>`ts_rank(${documents.search}, ${query})`,
        headline: sql<string>`ts_headline('english', coalesce(${documents.extractedText}, ${documents.title}), ${query}, ${headlineOptions})`,
      })
      .from(documents)
      .where(
        and(
          eq(documents.reviewId, ctx.review.id),
          inArray(documents.restriction, visibleRestrictions(ctx.actor)),
          sql`${documents.search} @@ ${query}`,
        ),
      )
      .orderBy(desc(sql`ts_rank(${documents.search}, ${query})`))
      .limit(input.limit);
    results.push(
      ...rows.map((r) => ({
        kind: 'document' as const,
        id: r.id,
        title: r.title,
        date: r.date,
        rank: Number(r.rank),
        snippet: snippetParts(r.headline),
        path: `${base}/documents/${r.id}`,
      })),
    );
  }
  if (input.kinds.includes('conversation')) {
    const rows = await ctx.tx
      .select({
        id: conversations.id,
        name: participants.name,
        role: participants.role,
        date: conversations.heldOn,
        rank: sql<number>`ts_rank(${conversations.search}, ${query})`,
        headline: sql<string>`ts_headline('english', ${conversations.searchText}, ${query}, ${headlineOptions})`,
      })
      .from(conversations)
      .innerJoin(participants, eq(participants.id, conversations.participantId))
      .where(and(eq(conversations.reviewId, ctx.review.id), sql`${conversations.search} @@ ${query}`))
      .orderBy(desc(sql`ts_rank(${conversations.search}, ${query})`))
      .limit(input.limit);
    results.push(
      ...rows.map((r) => ({
        kind: 'conversation' as const,
        id: r.id,
        title: `Conversation with ${r.name}`,
        date: r.date,
        rank: Number(r.rank),
        snippet: snippetParts(r.headline),
        path: `${base}/conversations/${r.id}`,
      })),
    );
  }
  if (input.kinds.includes('event')) {
    const rows = await ctx.tx
      .select({
        id: chronologyEvents.id,
        agency: agencies.name,
        date: chronologyEvents.occurredOn,
        rank: sql<number>`ts_rank(${chronologyEvents.search}, ${query})`,
        headline: sql<string>`ts_headline('english', ${chronologyEvents.summary}, ${query}, ${headlineOptions})`,
      })
      .from(chronologyEvents)
      .innerJoin(agencies, eq(agencies.id, chronologyEvents.agencyId))
      .where(and(eq(chronologyEvents.reviewId, ctx.review.id), sql`${chronologyEvents.search} @@ ${query}`))
      .orderBy(desc(sql`ts_rank(${chronologyEvents.search}, ${query})`))
      .limit(input.limit);
    results.push(
      ...rows.map((r) => ({
        kind: 'event' as const,
        id: r.id,
        title: `${r.agency}, ${r.date}`,
        date: r.date,
        rank: Number(r.rank),
        snippet: snippetParts(r.headline),
        path: `${base}/narrative/events/${r.id}`,
      })),
    );
  }
  results.sort((a, b) => b.rank - a.rank);
  const top = results.slice(0, input.limit);
  await auditAction(ctx, {
    action: 'evidence.searched',
    entityType: 'review',
    entityId: ctx.review.id,
    details: { kinds: input.kinds, results: top.length },
  });
  return { query: input.q, results: top };
}
