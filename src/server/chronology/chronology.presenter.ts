import { eq, type SQL, sql } from 'drizzle-orm';
import type { ChronologyEventDto, DatePrecision, Significance } from '#domain/chronology/chronology.ts';
import type { Queryable } from '../db/client.ts';
import { prebuilt } from '../db/prebuilt.ts';
import {
  agencies,
  type chronologyEvents,
  chronologyKnowledge,
  chronologyPerspectives,
  chronologySources,
} from '../db/schema/index.ts';

export type EventRow = typeof chronologyEvents.$inferSelect;

/** The names of a partnership's agencies, by id. */
export async function agencyNames(q: Queryable, partnershipId: string): Promise<Map<string, string>> {
  const rows = await q
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.partnershipId, partnershipId));
  return new Map(rows.map((r) => [r.id, r.name]));
}

type KnowledgeJson = { agencyId: string; learnedOn: string; how: string | null };
type PerspectiveJson = { id: string; agencyId: string | null; personRole: string | null; account: string };
type SourceJson = {
  id: string;
  kind: string;
  documentId: string | null;
  conversationId: string | null;
  reference: string | null;
};

/** JSON from a query: node-postgres parses it, other drivers may hand over the text. */
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** A subquery's `json_agg`, or an empty list. */
const jsonList = <T>(subquery: SQL) => sql<T[] | string>`coalesce((${subquery}), '[]'::json)`;

/**
 * Who knew, the perspectives and the sources of a list of events (`ids`, one array parameter), one
 * row per event: one statement, built once per process.
 */
const findEventChildren = prebuilt('chronology_event_children', (q) =>
  q
    .select({
      id: sql<string>`ids.id`,
      knowledge: jsonList<KnowledgeJson>(sql`
        select json_agg(json_build_object('agencyId', k.agency_id, 'learnedOn', k.learned_on, 'how', k.how)
          order by k.learned_on)
        from ${chronologyKnowledge} k
        where k.event_id = ids.id and k.partnership_id = ${sql.placeholder('partnershipId')}`),
      perspectives: jsonList<PerspectiveJson>(sql`
        select json_agg(json_build_object('id', p.id, 'agencyId', p.agency_id, 'personRole', p.person_role,
          'account', p.account) order by p.created_at)
        from ${chronologyPerspectives} p
        where p.event_id = ids.id`),
      sources: jsonList<SourceJson>(sql`
        select json_agg(json_build_object('id', s.id, 'kind', s.kind, 'documentId', s.document_id,
          'conversationId', s.conversation_id, 'reference', s.reference))
        from ${chronologySources} s
        where s.event_id = ids.id`),
    })
    .from(sql`unnest(${sql.placeholder('ids')}::uuid[]) as ids(id)`),
);

/** Presents events with who knew, the perspectives and the sources: one batched query, never one per event. */
export async function presentEvents(
  q: Queryable,
  partnershipId: string,
  rows: EventRow[],
  names?: Map<string, string>,
): Promise<ChronologyEventDto[]> {
  if (!rows.length) return [];
  const agencyName = names ?? (await agencyNames(q, partnershipId));
  const knowledge = new Map<string, KnowledgeJson[]>();
  const perspectives = new Map<string, PerspectiveJson[]>();
  const sources = new Map<string, SourceJson[]>();
  for (let i = 0; i < rows.length; i += 1000) {
    const ids = rows.slice(i, i + 1000).map((r) => r.id);
    for (const c of await findEventChildren(q, { ids, partnershipId })) {
      knowledge.set(c.id, parsed(c.knowledge));
      perspectives.set(c.id, parsed(c.perspectives));
      sources.set(c.id, parsed(c.sources));
    }
  }
  return rows.map((e) => ({
    id: e.id,
    occurredOn: e.occurredOn,
    datePrecision: e.datePrecision as DatePrecision,
    occurredTime: e.occurredTime,
    endsOn: e.endsOn,
    agencyId: e.agencyId,
    agencyName: agencyName.get(e.agencyId) ?? '',
    practitionerRole: e.practitionerRole,
    summary: e.summary,
    significance: e.significance as Significance | null,
    tags: e.tags,
    disputed: e.disputed,
    knowledge: (knowledge.get(e.id) ?? []).map((k) => ({
      agencyId: k.agencyId,
      agencyName: agencyName.get(k.agencyId) ?? '',
      learnedOn: k.learnedOn,
      how: k.how,
    })),
    perspectives: (perspectives.get(e.id) ?? []).map((p) => ({
      id: p.id,
      agencyId: p.agencyId,
      agencyName: p.agencyId ? (agencyName.get(p.agencyId) ?? null) : null,
      personRole: p.personRole,
      account: p.account,
    })),
    sources: (sources.get(e.id) ?? []).map((s) => ({
      id: s.id,
      kind: s.kind,
      documentId: s.documentId,
      conversationId: s.conversationId,
      reference: s.reference,
    })),
    version: e.version,
  }));
}
