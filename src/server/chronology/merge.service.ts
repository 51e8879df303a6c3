import { eq, sql } from 'drizzle-orm';
import type { MergeChronologyEventsInput } from '#domain/chronology/chronology.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import {
  chronologyEvents,
  chronologyKnowledge,
  chronologyPerspectives,
  chronologySources,
} from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { assertEventVersion, findEventRow, getChronologyEvent } from './chronology.service.ts';

/** Adds (or brings forward) what agencies knew of an event, keeping the earliest date for each agency. */
export async function addKnowledge(
  q: Queryable,
  partnershipId: string,
  rows: readonly { eventId: string; agencyId: string; learnedOn: string; how?: string | null }[],
): Promise<void> {
  const earliest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.eventId}/${r.agencyId}`;
    const before = earliest.get(key);
    if (!before || r.learnedOn < before.learnedOn) earliest.set(key, r);
  }
  const unique = [...earliest.values()];
  for (let i = 0; i < unique.length; i += 5000) {
    const json = JSON.stringify(
      unique.slice(i, i + 5000).map((r) => ({
        event_id: r.eventId,
        agency_id: r.agencyId,
        learned_on: r.learnedOn,
        how: r.how ?? null,
      })),
    );
    await q.execute(sql`
      insert into chronology_knowledge (event_id, agency_id, partnership_id, learned_on, how)
      select x.event_id, x.agency_id, ${partnershipId}, x.learned_on, x.how
      from jsonb_to_recordset(${json}::jsonb) as x(event_id uuid, agency_id uuid, learned_on date, how text)
      on conflict (event_id, agency_id) do update set learned_on = least(chronology_knowledge.learned_on, excluded.learned_on)`);
  }
}

/**
 * Merges another agency's record of the same event into this one: it becomes a perspective, what
 * each agency knew is combined (earliest date kept), its sources and episode links move across, and
 * it is removed.
 */
export async function mergeChronologyEvents(
  ctx: ReviewCtx,
  eventId: string,
  input: MergeChronologyEventsInput,
) {
  const event = await findEventRow(ctx, eventId, true);
  await assertEventVersion(ctx, event, input.version);
  if (input.otherEventId === eventId)
    throw AppError.invalid([
      { path: 'otherEventId', message: 'Choose a different event to merge into this one' },
    ]);
  const other = await findEventRow(ctx, input.otherEventId, true).catch(() => {
    throw AppError.invalid([
      { path: 'otherEventId', message: 'Choose an event from this review’s narrative' },
    ]);
  });
  const partnershipId = ctx.review.partnershipId;
  await ctx.tx.insert(chronologyPerspectives).values({
    partnershipId,
    eventId,
    agencyId: other.agencyId,
    personRole: other.practitionerRole,
    account: other.summary,
  });
  await ctx.tx
    .update(chronologyPerspectives)
    .set({ eventId })
    .where(eq(chronologyPerspectives.eventId, other.id));
  await ctx.tx.update(chronologySources).set({ eventId }).where(eq(chronologySources.eventId, other.id));
  const theirs = await ctx.tx
    .select()
    .from(chronologyKnowledge)
    .where(eq(chronologyKnowledge.eventId, other.id));
  await ctx.tx.delete(chronologyKnowledge).where(eq(chronologyKnowledge.eventId, other.id));
  await addKnowledge(
    ctx.tx,
    partnershipId,
    theirs.map((k) => ({ eventId, agencyId: k.agencyId, learnedOn: k.learnedOn, how: k.how })),
  );
  // Episodes made from the other record keep the event: their links move to this one.
  await ctx.tx.execute(sql`
    insert into episode_events (episode_id, event_id, partnership_id)
    select episode_id, ${eventId}::uuid, partnership_id from episode_events where event_id = ${other.id}
    on conflict do nothing`);
  // Contributory factors that cite the other record as evidence now cite this one.
  await ctx.tx.execute(sql`
    update contributory_factors
    set evidence = (
      select jsonb_agg(case when e->>'kind' = 'event' and e->>'targetId' = ${other.id}
                            then jsonb_set(e, '{targetId}', to_jsonb(${eventId}::text)) else e end)
      from jsonb_array_elements(evidence) e)
    where review_id = ${ctx.review.id}
      and evidence @> ${JSON.stringify([{ kind: 'event', targetId: other.id }])}::jsonb`);
  await ctx.tx.delete(chronologyEvents).where(eq(chronologyEvents.id, other.id));
  await ctx.tx
    .update(chronologyEvents)
    .set({
      version: event.version + 1,
      updatedAt: ctx.now,
      tags: [...new Set([...event.tags, ...other.tags])].slice(0, 20),
      ...(input.disputed !== undefined ? { disputed: input.disputed } : {}),
    })
    .where(eq(chronologyEvents.id, eventId));
  await auditAction(ctx, {
    action: 'chronology.events_merged',
    entityType: 'chronology_event',
    entityId: eventId,
    details: { reviewId: ctx.review.id, mergedEventId: other.id, disputed: input.disputed ?? event.disputed },
  });
  return getChronologyEvent(ctx, eventId);
}
