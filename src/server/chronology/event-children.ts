import { and, eq, inArray } from 'drizzle-orm';
import type { CreateChronologyEventInput } from '#domain/chronology/chronology.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import type { Queryable } from '../db/client.ts';
import {
  agencies,
  chronologyKnowledge,
  chronologyPerspectives,
  chronologySources,
  conversations,
  documents,
} from '../db/schema/index.ts';

type Children = Pick<CreateChronologyEventInput, 'sharedWith' | 'perspectives' | 'sources'>;
type Scope = { partnershipId: string; reviewId: string };

/** Refuses agencies from elsewhere, sharing before the event, and sources from another review, naming each field. */
export async function checkEventReferences(
  q: Queryable,
  scope: Scope,
  event: { agencyId: string; occurredOn: string } & Children,
): Promise<void> {
  const fields: FieldError[] = [];
  const agencyIds = [
    event.agencyId,
    ...event.sharedWith.map((k) => k.agencyId),
    ...event.perspectives.flatMap((p) => (p.agencyId ? [p.agencyId] : [])),
  ];
  const known = new Set(
    (
      await q
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.partnershipId, scope.partnershipId), inArray(agencies.id, agencyIds)))
    ).map((a) => a.id),
  );
  const pick = 'Select an agency from this partnership';
  if (!known.has(event.agencyId)) fields.push({ path: 'agencyId', message: pick });
  event.sharedWith.forEach((k, i) => {
    if (!known.has(k.agencyId)) fields.push({ path: `sharedWith.${i}.agencyId`, message: pick });
    if (k.learnedOn < event.occurredOn)
      fields.push({
        path: `sharedWith.${i}.learnedOn`,
        message: 'The date they learned of it must be on or after the date it happened',
      });
  });
  event.perspectives.forEach((p, i) => {
    if (p.agencyId && !known.has(p.agencyId))
      fields.push({ path: `perspectives.${i}.agencyId`, message: pick });
  });
  const docIds = event.sources.flatMap((s) => (s.documentId ? [s.documentId] : []));
  const convIds = event.sources.flatMap((s) => (s.conversationId ? [s.conversationId] : []));
  const docs = new Set(
    docIds.length
      ? (
          await q
            .select({ id: documents.id })
            .from(documents)
            .where(and(eq(documents.reviewId, scope.reviewId), inArray(documents.id, docIds)))
        ).map((d) => d.id)
      : [],
  );
  const convs = new Set(
    convIds.length
      ? (
          await q
            .select({ id: conversations.id })
            .from(conversations)
            .where(and(eq(conversations.reviewId, scope.reviewId), inArray(conversations.id, convIds)))
        ).map((c) => c.id)
      : [],
  );
  event.sources.forEach((s, i) => {
    if (s.kind === 'document' && !s.documentId)
      fields.push({ path: `sources.${i}.documentId`, message: 'Choose the document' });
    if (s.kind === 'conversation' && !s.conversationId)
      fields.push({ path: `sources.${i}.conversationId`, message: 'Choose the conversation' });
    if (s.documentId && !docs.has(s.documentId))
      fields.push({ path: `sources.${i}.documentId`, message: 'Choose a document in this review' });
    if (s.conversationId && !convs.has(s.conversationId))
      fields.push({ path: `sources.${i}.conversationId`, message: 'Choose a conversation in this review' });
  });
  if (fields.length) throw AppError.invalid(fields);
}

/** Who knew: the recording agency from the event's date, then each agency it was shared with (earliest date kept). */
export function knowledgeRows(
  event: { agencyId: string; occurredOn: string },
  sharedWith: readonly { agencyId: string; learnedOn: string; how?: string | null }[],
) {
  const rows = new Map<string, { agencyId: string; learnedOn: string; how: string | null }>();
  rows.set(event.agencyId, { agencyId: event.agencyId, learnedOn: event.occurredOn, how: 'Recorded it' });
  for (const k of sharedWith) {
    const before = rows.get(k.agencyId);
    if (!before || k.learnedOn < before.learnedOn)
      rows.set(k.agencyId, { agencyId: k.agencyId, learnedOn: k.learnedOn, how: k.how ?? null });
  }
  return [...rows.values()];
}

/** Writes an event's children; `replace` removes the kinds given first. */
export async function writeChildren(
  q: Queryable,
  scope: Scope,
  eventId: string,
  event: { agencyId: string; occurredOn: string },
  given: Partial<Children>,
  replace = false,
): Promise<void> {
  const partnershipId = scope.partnershipId;
  if (given.sharedWith) {
    if (replace) await q.delete(chronologyKnowledge).where(eq(chronologyKnowledge.eventId, eventId));
    await q
      .insert(chronologyKnowledge)
      .values(knowledgeRows(event, given.sharedWith).map((k) => ({ ...k, eventId, partnershipId })));
  }
  if (given.perspectives) {
    if (replace) await q.delete(chronologyPerspectives).where(eq(chronologyPerspectives.eventId, eventId));
    if (given.perspectives.length)
      await q.insert(chronologyPerspectives).values(
        given.perspectives.map((p) => ({
          eventId,
          partnershipId,
          agencyId: p.agencyId ?? null,
          personRole: p.personRole ?? null,
          account: p.account,
        })),
      );
  }
  if (given.sources) {
    if (replace) await q.delete(chronologySources).where(eq(chronologySources.eventId, eventId));
    if (given.sources.length)
      await q.insert(chronologySources).values(
        given.sources.map((s) => ({
          eventId,
          partnershipId,
          kind: s.kind,
          documentId: s.documentId ?? null,
          conversationId: s.conversationId ?? null,
          reference: s.reference ?? null,
        })),
      );
  }
}

/** Removes an event's knowledge, perspectives and sources. */
export async function deleteChildren(q: Queryable, eventId: string): Promise<void> {
  await q.delete(chronologyKnowledge).where(eq(chronologyKnowledge.eventId, eventId));
  await q.delete(chronologyPerspectives).where(eq(chronologyPerspectives.eventId, eventId));
  await q.delete(chronologySources).where(eq(chronologySources.eventId, eventId));
}
