import { createHash } from 'node:crypto';

/** The fields of an audit event that its hash covers. */
export type AuditRecord = {
  chain: string;
  seq: number;
  partnershipId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  occurredAt: string;
};

export type ChainedAuditRecord = AuditRecord & { id: number | string; prevHash: string; hash: string };

/** The hash a chain starts from. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so the same record always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The hash of an audit record chained to the hash of the record before it. */
export function auditHash(record: AuditRecord, prevHash: string): string {
  const body = canonicalJson({
    chain: record.chain,
    seq: record.seq,
    partnershipId: record.partnershipId,
    actorUserId: record.actorUserId,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    details: record.details,
    occurredAt: record.occurredAt,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainBreak = { chain: string; id: number | string | null; seq: number; reason: string };

/**
 * Checks one chain's records, in sequence order, against each other and against the recorded head
 * (the last sequence number and hash). Returns the first break, or null when the chain is intact.
 */
export function verifyChain(
  chain: string,
  records: readonly ChainedAuditRecord[],
  head: { seq: number; hash: string } | null,
): ChainBreak | null {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const r of records) {
    if (r.seq !== expectedSeq) {
      return {
        chain,
        id: r.id,
        seq: r.seq,
        reason: `expected sequence ${expectedSeq}: a row is missing before it`,
      };
    }
    if (r.prevHash !== prevHash) {
      return { chain, id: r.id, seq: r.seq, reason: 'previous-hash does not match the row before it' };
    }
    if (auditHash(r, prevHash) !== r.hash) {
      return { chain, id: r.id, seq: r.seq, reason: 'contents do not match its hash: the row was altered' };
    }
    prevHash = r.hash;
    expectedSeq += 1;
  }
  const lastSeq = expectedSeq - 1;
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    return {
      chain,
      id: null,
      seq: head.seq,
      reason: `chain ends at ${lastSeq} but its head says ${head.seq}: rows were removed from the end`,
    };
  }
  if (!head && records.length > 0) {
    return { chain, id: null, seq: lastSeq, reason: 'chain has rows but no recorded head' };
  }
  return null;
}
