import { and, asc, eq } from 'drizzle-orm';
import type { ChronologyEventDto, DatePrecision, Significance } from '#domain/chronology/chronology.ts';
import { anyOf } from '../db/any-of.ts';
import type { Queryable } from '../db/client.ts';
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

const group = <T extends { eventId: string }>(rows: T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) map.set(r.eventId, [...(map.get(r.eventId) ?? []), r]);
  return map;
};

/** Presents events with who knew, the perspectives and the sources: three batched queries, never one per event. */
export async function presentEvents(
  q: Queryable,
  partnershipId: string,
  rows: EventRow[],
  names?: Map<string, string>,
): Promise<ChronologyEventDto[]> {
  if (!rows.length) return [];
  const agencyName = names ?? (await agencyNames(q, partnershipId));
  const knowledge = new Map<string, (typeof chronologyKnowledge.$inferSelect)[]>();
  const perspectives = new Map<string, (typeof chronologyPerspectives.$inferSelect)[]>();
  const sources = new Map<string, (typeof chronologySources.$inferSelect)[]>();
  for (let i = 0; i < rows.length; i += 1000) {
    const ids = rows.slice(i, i + 1000).map((r) => r.id);
    const [k, p, s] = [
      await q
        .select()
        .from(chronologyKnowledge)
        .where(
          and(eq(chronologyKnowledge.partnershipId, partnershipId), anyOf(chronologyKnowledge.eventId, ids)),
        )
        .orderBy(asc(chronologyKnowledge.learnedOn)),
      await q
        .select()
        .from(chronologyPerspectives)
        .where(anyOf(chronologyPerspectives.eventId, ids))
        .orderBy(asc(chronologyPerspectives.createdAt)),
      await q.select().from(chronologySources).where(anyOf(chronologySources.eventId, ids)),
    ];
    for (const [m, list] of [
      [knowledge, group(k)],
      [perspectives, group(p)],
      [sources, group(s)],
    ] as const)
      for (const [key, v] of list) (m as Map<string, unknown[]>).set(key, v);
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
