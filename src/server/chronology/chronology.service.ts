import { type AnyColumn, and, asc, desc, eq, getTableColumns, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ChronologyEventDto,
  CreateChronologyEventInput,
  listChronologyQuery,
  UpdateChronologyEventInput,
} from '#domain/chronology/chronology.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { agencies, chronologyEvents, chronologyKnowledge, reviews } from '../db/schema/index.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { type EventRow, presentEvents } from './chronology.presenter.ts';
import { checkEventReferences, deleteChildren, writeChildren } from './event-children.ts';

export type EventFilters = Omit<z.output<typeof listChronologyQuery>, 'offset' | 'limit'>;

function where(ctx: ReviewCtx, f: Partial<EventFilters>): SQL {
  const parts: SQL[] = [eq(chronologyEvents.reviewId, ctx.review.id)];
  if (f.agencyId) parts.push(eq(chronologyEvents.agencyId, f.agencyId));
  if (f.from) parts.push(gte(chronologyEvents.occurredOn, f.from));
  if (f.to) parts.push(lte(chronologyEvents.occurredOn, f.to));
  if (f.tag) parts.push(sql`${f.tag} = any(${chronologyEvents.tags})`);
  if (f.q?.trim()) parts.push(sql`${chronologyEvents.search} @@ websearch_to_tsquery('english', ${f.q})`);
  return and(...parts)!;
}

/** The review's events matching the filters, in date order, with who knew, perspectives and sources. */
export async function queryEvents(
  ctx: ReviewCtx,
  f: Partial<EventFilters>,
  page?: { offset: number; limit: number },
  names?: Map<string, string>,
): Promise<ChronologyEventDto[]> {
  const order = f.sort === '-date' ? desc : asc;
  const orderOf = (t: { occurredOn: AnyColumn; occurredTime: AnyColumn; createdAt: AnyColumn }) => [
    order(t.occurredOn),
    order(t.occurredTime),
    asc(t.createdAt),
  ];
  let rows: EventRow[];
  if (page) {
    // Sorts only the keys of the matching events and reads the whole rows of the page after (a
    // deferred join): sorting whole rows spilled to disk for a review of 10,000 events.
    const keys = ctx.tx
      .select({
        id: chronologyEvents.id,
        occurredOn: chronologyEvents.occurredOn,
        occurredTime: chronologyEvents.occurredTime,
        createdAt: chronologyEvents.createdAt,
      })
      .from(chronologyEvents)
      .where(where(ctx, f))
      .orderBy(...orderOf(chronologyEvents))
      .offset(page.offset)
      .limit(page.limit)
      .as('page');
    rows = await ctx.tx
      .select(getTableColumns(chronologyEvents))
      .from(keys)
      .innerJoin(chronologyEvents, eq(chronologyEvents.id, keys.id))
      .orderBy(...orderOf(keys));
  } else {
    rows = await ctx.tx
      .select()
      .from(chronologyEvents)
      .where(where(ctx, f))
      .orderBy(...orderOf(chronologyEvents));
  }
  return presentEvents(ctx.tx, ctx.review.partnershipId, rows, names);
}

type AgencyCount = { id: string; name: string; count: number };

/** A page of the multi-agency narrative, with the total and the number of events each agency recorded. */
export async function listChronologyEvents(ctx: ReviewCtx, query: z.output<typeof listChronologyQuery>) {
  const { offset, limit, ...filters } = query;
  // One statement for the total, the events each agency recorded and the partnership's agency names.
  const [counts] = await ctx.tx
    .select({
      total:
        sql<number>`(${sql`select count(*) from ${chronologyEvents} where ${where(ctx, filters)}`})`.mapWith(
          Number,
        ),
      perAgency: sql<AgencyCount[] | string>`coalesce((${sql`
        select json_agg(json_build_object('id', x.id, 'name', x.name, 'count', x.n) order by x.name)
        from (
          select a.id, a.name, count(*)::int as n
          from ${chronologyEvents} e join ${agencies} a on a.id = e.agency_id
          where e.review_id = ${ctx.review.id}
          group by a.id, a.name
        ) x`}), '[]'::json)`,
      names: sql<{ id: string; name: string }[] | string>`coalesce((${sql`
        select json_agg(json_build_object('id', a.id, 'name', a.name))
        from ${agencies} a where a.partnership_id = ${ctx.review.partnershipId}`}), '[]'::json)`,
    })
    .from(reviews)
    .where(eq(reviews.id, ctx.review.id));
  const names = new Map(parsed(counts?.names ?? []).map((a) => [a.id, a.name]));
  const events = await queryEvents(ctx, filters, { offset, limit }, names);
  const edit = mayInReview(ctx.actor, 'editNarrative');
  return {
    events,
    total: counts?.total ?? 0,
    agencies: parsed(counts?.perAgency ?? []),
    abilities: { edit, import: edit },
  };
}

/** JSON from a query: node-postgres parses it, other drivers may hand over the text. */
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** An event row of this review, or 404. */
export async function findEventRow(ctx: ReviewCtx, eventId: string, lock = false): Promise<EventRow> {
  const q = ctx.tx
    .select()
    .from(chronologyEvents)
    .where(and(eq(chronologyEvents.id, eventId), eq(chronologyEvents.reviewId, ctx.review.id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw AppError.notFound('event');
  return row;
}

/** One event of the narrative, with who knew, perspectives and sources. */
export async function getChronologyEvent(ctx: ReviewCtx, eventId: string): Promise<ChronologyEventDto> {
  const [dto] = await presentEvents(ctx.tx, ctx.review.partnershipId, [await findEventRow(ctx, eventId)]);
  return dto!;
}

/** Refuses a change based on an old version of the event, answering with the event as it is now. */
export async function assertEventVersion(ctx: ReviewCtx, row: EventRow, given: number): Promise<void> {
  if (row.version === given) return;
  const current = await getChronologyEvent(ctx, row.id);
  assertVersion(row, given, 'event', () => current);
}

const scope = (ctx: ReviewCtx) => ({ partnershipId: ctx.review.partnershipId, reviewId: ctx.review.id });

/** Records an event in the narrative; the recording agency knows of it from the day it happened. */
export async function recordChronologyEvent(ctx: ReviewCtx, input: CreateChronologyEventInput) {
  await checkEventReferences(ctx.tx, scope(ctx), input);
  const { sharedWith, perspectives, sources, ...fields } = input;
  const [row] = await ctx.tx
    .insert(chronologyEvents)
    .values({ ...fields, ...scope(ctx), createdBy: ctx.principal.userId })
    .returning();
  await writeChildren(ctx.tx, scope(ctx), row!.id, row!, { sharedWith, perspectives, sources });
  await auditAction(ctx, {
    action: 'chronology.event_recorded',
    entityType: 'chronology_event',
    entityId: row!.id,
    details: { reviewId: ctx.review.id, agencyId: row!.agencyId },
  });
  return getChronologyEvent(ctx, row!.id);
}

/** Changes an event; who knew, perspectives and sources are replaced when given. */
export async function updateChronologyEvent(
  ctx: ReviewCtx,
  eventId: string,
  input: UpdateChronologyEventInput,
) {
  const current = await findEventRow(ctx, eventId, true);
  await assertEventVersion(ctx, current, input.version);
  const { version: _v, sharedWith, perspectives, sources, ...changes } = input;
  const next = {
    ...current,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  };
  if (next.endsOn && next.endsOn < next.occurredOn)
    throw AppError.invalid([{ path: 'endsOn', message: 'The end date must be on or after the date' }]);
  // Without a new list, the agencies told keep their dates; the recording agency's own row follows the event.
  const shared = (
    sharedWith ??
    (await ctx.tx.select().from(chronologyKnowledge).where(eq(chronologyKnowledge.eventId, eventId))).filter(
      (k) => k.agencyId !== current.agencyId,
    )
  ).map((k) => ({ agencyId: k.agencyId, learnedOn: k.learnedOn, how: k.how ?? null }));
  if (!sharedWith && shared.some((k) => k.learnedOn < next.occurredOn))
    throw AppError.invalid([
      { path: 'occurredOn', message: 'An agency learned of it before this date: change who knew as well' },
    ]);
  await checkEventReferences(ctx.tx, scope(ctx), {
    agencyId: next.agencyId,
    occurredOn: next.occurredOn,
    sharedWith: sharedWith ?? [],
    perspectives: perspectives ?? [],
    sources: sources ?? [],
  });
  const [row] = await ctx.tx
    .update(chronologyEvents)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(chronologyEvents.id, eventId))
    .returning();
  const knowledgeChanged =
    sharedWith || next.occurredOn !== current.occurredOn || next.agencyId !== current.agencyId;
  await writeChildren(
    ctx.tx,
    scope(ctx),
    eventId,
    row!,
    { ...(knowledgeChanged ? { sharedWith: shared } : {}), perspectives, sources },
    true,
  );
  await auditAction(ctx, {
    action: 'chronology.event_updated',
    entityType: 'chronology_event',
    entityId: eventId,
    details: { reviewId: ctx.review.id, fields: Object.keys(input).filter((k) => k !== 'version') },
  });
  return getChronologyEvent(ctx, eventId);
}

/** Removes an event from the narrative, with who knew, its perspectives and its sources. */
export async function deleteChronologyEvent(ctx: ReviewCtx, eventId: string, version: number | undefined) {
  if (version === undefined)
    throw AppError.invalid([{ path: 'version', message: 'Give the version you are deleting' }]);
  const current = await findEventRow(ctx, eventId, true);
  await assertEventVersion(ctx, current, version);
  await deleteChildren(ctx.tx, eventId);
  await ctx.tx.delete(chronologyEvents).where(eq(chronologyEvents.id, eventId));
  await auditAction(ctx, {
    action: 'chronology.event_deleted',
    entityType: 'chronology_event',
    entityId: eventId,
    details: { reviewId: ctx.review.id, agencyId: current.agencyId },
  });
}
