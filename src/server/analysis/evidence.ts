import { and, eq, inArray } from 'drizzle-orm';
import type { EvidenceLinkInput } from '#domain/analysis/episode.ts';
import type { FieldError } from '#domain/shared/app-error.ts';
import type { Queryable } from '../db/client.ts';
import { agencies, chronologyEvents, conversations, documents, participants } from '../db/schema/index.ts';

export type EvidenceLink = { kind: string; targetId: string; passage: string | null; note: string | null };

const unique = (ids: readonly string[]) => [...new Set(ids)];

/** The ids, of those given, of this review's narrative events. */
export async function eventsOfReview(q: Queryable, reviewId: string, ids: readonly string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await q
    .select({ id: chronologyEvents.id })
    .from(chronologyEvents)
    .where(and(eq(chronologyEvents.reviewId, reviewId), inArray(chronologyEvents.id, unique(ids))));
  return new Set(rows.map((r) => r.id));
}

/** Field errors for event ids that are not events of this review, named `<path>.<index>`. */
export async function checkEventIds(
  q: Queryable,
  reviewId: string,
  ids: readonly string[],
  path = 'eventIds',
): Promise<FieldError[]> {
  const found = await eventsOfReview(q, reviewId, ids);
  return ids.flatMap((id, i) =>
    found.has(id) ? [] : [{ path: `${path}.${i}`, message: 'Choose an event from this review’s narrative' }],
  );
}

/**
 * Field errors for evidence links that point at nothing in this review. An episode's own evidence is
 * documents and conversations (its events are linked as events); a factor may point at any of the three.
 */
export async function checkEvidence(
  q: Queryable,
  reviewId: string,
  links: readonly EvidenceLinkInput[],
  options: { path: string; events: boolean },
): Promise<FieldError[]> {
  const ids = (kind: string) => links.filter((l) => l.kind === kind).map((l) => l.targetId);
  const events = await eventsOfReview(q, reviewId, ids('event'));
  const docIds = unique(ids('document'));
  const docs = docIds.length
    ? await q
        .select({ id: documents.id })
        .from(documents)
        .where(and(eq(documents.reviewId, reviewId), inArray(documents.id, docIds)))
    : [];
  const convIds = unique(ids('conversation'));
  const convs = convIds.length
    ? await q
        .select({ id: conversations.id })
        .from(conversations)
        .where(and(eq(conversations.reviewId, reviewId), inArray(conversations.id, convIds)))
    : [];
  const found = {
    event: events,
    document: new Set(docs.map((d) => d.id)),
    conversation: new Set(convs.map((c) => c.id)),
  };
  return links.flatMap((l, i): FieldError[] => {
    if (l.kind === 'event' && !options.events)
      return [
        {
          path: `${options.path}.${i}.kind`,
          message: 'Link narrative events to the episode as its events, not as evidence',
        },
      ];
    if (found[l.kind].has(l.targetId)) return [];
    const what = { event: 'an event', document: 'a document', conversation: 'a conversation' }[l.kind];
    return [{ path: `${options.path}.${i}.targetId`, message: `Choose ${what} from this review` }];
  });
}

/** How a reader recognises each piece of evidence, keyed `kind:id`: the event, the document's title, the conversation. */
export async function evidenceLabels(
  q: Queryable,
  reviewId: string,
  links: readonly { kind: string; targetId: string }[],
): Promise<Map<string, string>> {
  const ids = (kind: string) => unique(links.filter((l) => l.kind === kind).map((l) => l.targetId));
  const labels = new Map<string, string>();
  const eventIds = ids('event');
  if (eventIds.length) {
    const rows = await q
      .select({ e: chronologyEvents, agencyName: agencies.name })
      .from(chronologyEvents)
      .leftJoin(agencies, eq(agencies.id, chronologyEvents.agencyId))
      .where(and(eq(chronologyEvents.reviewId, reviewId), inArray(chronologyEvents.id, eventIds)));
    for (const { e, agencyName } of rows)
      labels.set(
        `event:${e.id}`,
        `${e.occurredOn}, ${agencyName ?? 'Unknown agency'}: ${clip(e.summary, 100)}`,
      );
  }
  const docIds = ids('document');
  if (docIds.length) {
    const rows = await q
      .select({ id: documents.id, title: documents.title })
      .from(documents)
      .where(and(eq(documents.reviewId, reviewId), inArray(documents.id, docIds)));
    for (const d of rows) labels.set(`document:${d.id}`, d.title);
  }
  const convIds = ids('conversation');
  if (convIds.length) {
    const rows = await q
      .select({ id: conversations.id, heldOn: conversations.heldOn, name: participants.name })
      .from(conversations)
      .leftJoin(participants, eq(participants.id, conversations.participantId))
      .where(and(eq(conversations.reviewId, reviewId), inArray(conversations.id, convIds)));
    for (const c of rows)
      labels.set(
        `conversation:${c.id}`,
        `Conversation with ${c.name ?? 'a participant'}${c.heldOn ? `, ${c.heldOn}` : ''}`,
      );
  }
  return labels;
}

/** An evidence link as the API shows it. */
export function presentLink(link: EvidenceLink, labels: Map<string, string>) {
  return {
    kind: link.kind,
    targetId: link.targetId,
    label: labels.get(`${link.kind}:${link.targetId}`) ?? 'No longer in the review',
    passage: link.passage,
    note: link.note,
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
