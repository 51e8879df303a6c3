import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { type AuditAction, auditActions, type ListAuditQuery } from '#domain/audit/audit.ts';
import { type AuditRecord, auditHash, GENESIS_HASH } from '#domain/audit/chain.ts';
import type { Queryable } from '../db/client.ts';
import { auditChainHeads, auditEvents, users } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';

export type AuditEntry = {
  partnershipId: string | null;
  actorUserId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** Identifiers and changed field names only: never passwords, tokens or free-text case material. */
  details?: Record<string, unknown>;
  at?: Date;
};

/** The chain an audit event belongs to: its partnership's, or the system chain. */
export const chainFor = (partnershipId: string | null) => partnershipId ?? 'system';

/**
 * Appends an audit event to its chain inside the caller's transaction, so the event and the change
 * it records are committed or rolled back together. Two statements: the first creates the chain's
 * head if it is new and locks it (an update that changes nothing) while reading its sequence number
 * and hash; the second inserts the event and moves the head to it.
 */
export async function recordAudit(q: Queryable, entry: AuditEntry): Promise<void> {
  const chain = chainFor(entry.partnershipId);
  const [head] = await q
    .insert(auditChainHeads)
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditChainHeads.chain, set: { seq: sql`${auditChainHeads}.seq` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  if (!head) throw new Error('audit chain head missing');
  const record: AuditRecord = {
    chain,
    seq: head.seq + 1,
    partnershipId: entry.partnershipId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    occurredAt: (entry.at ?? new Date()).toISOString(),
  };
  const hash = auditHash(record, head.hash);
  await q.execute(sql`
    with appended as (
      insert into audit_events
        (chain, seq, partnership_id, actor_user_id, action, entity_type, entity_id, details, occurred_at, prev_hash, hash)
      values (${chain}, ${record.seq}, ${record.partnershipId}, ${record.actorUserId}, ${record.action},
        ${record.entityType}, ${record.entityId}, ${JSON.stringify(record.details)}::jsonb,
        ${record.occurredAt}::timestamptz, ${head.hash}, ${hash})
      returning chain, seq, hash
    )
    update audit_chain_heads h set seq = appended.seq, hash = appended.hash
    from appended where h.chain = appended.chain`);
}

/**
 * Records an action by the signed-in person in the partnership they are working in, in the
 * request's transaction and at the request's time. A read made with an API token names the token.
 */
export function auditAction(ctx: MemberCtx, entry: Omit<AuditEntry, 'partnershipId' | 'actorUserId' | 'at'>) {
  const token = ctx.principal.apiToken;
  return recordAudit(ctx.tx, {
    ...entry,
    ...(token ? { details: { ...entry.details, apiTokenId: token.id, apiTokenName: token.name } } : {}),
    partnershipId: ctx.membership.partnershipId,
    actorUserId: ctx.principal.userId,
    at: ctx.now,
  });
}

/** Lists a partnership's audit events, newest first, filtered as asked. */
export async function listAuditEvents(q: Queryable, partnershipId: string, query: ListAuditQuery) {
  const where: SQL[] = [eq(auditEvents.partnershipId, partnershipId)];
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.actorUserId) where.push(eq(auditEvents.actorUserId, query.actorUserId));
  if (query.entityType) where.push(eq(auditEvents.entityType, query.entityType));
  if (query.from) where.push(gte(auditEvents.occurredAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) where.push(lt(auditEvents.occurredAt, sql`(${query.to}::date + 1)::timestamptz`));
  if (query.before) where.push(lt(auditEvents.id, query.before));
  const rows = await q
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    events: page.map(({ event, actorName }) => ({
      id: String(event.id),
      seq: event.seq,
      action: event.action,
      actionLabel: auditActions[event.action as AuditAction] ?? event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      actor: { id: event.actorUserId, name: actorName },
      details: event.details,
      occurredAt: event.occurredAt.toISOString(),
    })),
    nextBefore: rows.length > query.limit ? String(page.at(-1)?.event.id) : null,
  };
}
