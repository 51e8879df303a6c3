import { asc, eq } from 'drizzle-orm';
import { type ChainBreak, type ChainedAuditRecord, verifyChain } from '#domain/audit/chain.ts';
import type { Queryable } from '../db/client.ts';
import { auditChainHeads, auditEvents } from '../db/schema/index.ts';

export type AuditVerification = {
  ok: boolean;
  chains: number;
  events: number;
  firstBreak: ChainBreak | null;
};

/** Re-computes every audit chain from its rows and reports the first row that does not fit. */
export async function verifyAuditLog(q: Queryable, batchSize = 5000): Promise<AuditVerification> {
  const heads = await q.select().from(auditChainHeads).orderBy(asc(auditChainHeads.chain));
  const chainNames = new Set(heads.map((h) => h.chain));
  const orphanChains = await q.selectDistinct({ chain: auditEvents.chain }).from(auditEvents);
  for (const { chain } of orphanChains) chainNames.add(chain);
  let events = 0;
  for (const chain of [...chainNames].sort()) {
    const head = heads.find((h) => h.chain === chain) ?? null;
    const rows: ChainedAuditRecord[] = [];
    let offset = 0;
    for (;;) {
      const batch = await q
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.chain, chain))
        .orderBy(asc(auditEvents.seq))
        .limit(batchSize)
        .offset(offset);
      for (const r of batch) {
        rows.push({ ...r, occurredAt: r.occurredAt.toISOString() });
      }
      if (batch.length < batchSize) break;
      offset += batchSize;
    }
    events += rows.length;
    const firstBreak = verifyChain(chain, rows, head);
    if (firstBreak) return { ok: false, chains: chainNames.size, events, firstBreak };
  }
  return { ok: true, chains: chainNames.size, events, firstBreak: null };
}
