import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditRecord,
  auditHash,
  type ChainedAuditRecord,
  canonicalJson,
  GENESIS_HASH,
  verifyChain,
} from './chain.ts';

function build(n: number, chain = 'p1'): ChainedAuditRecord[] {
  const out: ChainedAuditRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const rec: AuditRecord = {
      chain,
      seq: i,
      partnershipId: chain,
      actorUserId: 'u1',
      action: 'agency.created',
      entityType: 'agency',
      entityId: `a${i}`,
      details: { name: `Agency ${i}`, nested: { b: 2, a: 1 } },
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    };
    const hash = auditHash(rec, prev);
    out.push({ ...rec, id: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const headOf = (rows: ChainedAuditRecord[]) => {
  const last = rows.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
};

describe('audit chain', () => {
  it('verifies an intact chain', () => {
    const rows = build(10);
    expect(verifyChain('p1', rows, headOf(rows))).toBeNull();
  });

  it('verifies an empty chain with no head', () => {
    expect(verifyChain('p1', [], null)).toBeNull();
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [1, { f: 1, e: 2 }] } })).toBe(
      canonicalJson({ a: { c: [1, { e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });

  it('detects an altered field and names the row', () => {
    const rows = build(10);
    const head = headOf(rows);
    rows[4] = { ...rows[4]!, details: { name: 'Changed' } };
    expect(verifyChain('p1', rows, head)).toMatchObject({
      id: 5,
      seq: 5,
      reason: expect.stringMatching(/altered/),
    });
  });

  it('detects a re-hashed row by the link to the next row', () => {
    const rows = build(10);
    const head = headOf(rows);
    const changed = { ...rows[2]!, action: 'agency.deleted' };
    rows[2] = { ...changed, hash: auditHash(changed, changed.prevHash) };
    expect(verifyChain('p1', rows, head)).toMatchObject({
      seq: 4,
      reason: expect.stringMatching(/previous-hash/),
    });
  });

  it('detects a removed row in the middle', () => {
    const rows = build(10);
    const head = headOf(rows);
    rows.splice(6, 1);
    expect(verifyChain('p1', rows, head)).toMatchObject({ seq: 8, reason: expect.stringMatching(/missing/) });
  });

  it('detects rows removed from the end through the head', () => {
    const rows = build(10);
    const head = headOf(rows);
    expect(verifyChain('p1', rows.slice(0, 8), head)).toMatchObject({
      reason: expect.stringMatching(/removed/),
    });
  });

  it('detects any single-field change anywhere (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.string({ minLength: 1 }), (index, text) => {
        const rows = build(8);
        const head = headOf(rows);
        const original = rows[index]!;
        fc.pre(original.entityId !== text);
        rows[index] = { ...original, entityId: text };
        expect(verifyChain('p1', rows, head)).not.toBeNull();
      }),
    );
  });
});
