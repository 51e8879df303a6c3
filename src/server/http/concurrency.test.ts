import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema/index.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  call,
  createTestApp,
  givenPartnership,
  givenReview,
  type Session,
  signedInWithRole,
  type TestApp,
} from '../testing/harness.ts';

/*
 * No lost updates: every editable record carries a version, and a write based on an old version is
 * refused with 409 and the record as it is now. Here twenty people save the same record at the same
 * moment, each from the version they loaded: exactly one save wins, the other nineteen are told
 * someone else changed it, and what is stored is the winner's, whole.
 */

const EDITS = 20;
let t: TestApp;
let review: Awaited<ReturnType<typeof givenReview>>;
let manager: Session;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  review = await givenReview(t, (await givenPartnership(t)).id);
  manager = (await signedInWithRole(t, review, 'business_manager', { name: 'Bea Manager' })).session;
  base = `/api/partnerships/${review.partnershipId}/reviews/${review.id}`;
});
afterAll(() => t.close());

type Case = {
  what: string;
  url: () => Promise<string>;
  method: 'PATCH' | 'PUT';
  version: number;
  body: (i: number) => Record<string, unknown>;
  stored: (json: Record<string, unknown>) => unknown;
  expected: (i: number) => unknown;
  auditAction: string;
};

const cases: Case[] = [
  {
    what: 'a finding',
    url: async () => `${base}/findings/${(await givenFinding(t, review)).id}`,
    method: 'PATCH',
    version: 1,
    body: (i) => ({ version: 1, statement: `Edit number ${i} of the finding` }),
    stored: (j) => j.statement,
    expected: (i) => `Edit number ${i} of the finding`,
    auditAction: 'finding.updated',
  },
  {
    what: 'the publication record',
    url: async () => `${base}/publication`,
    method: 'PUT',
    version: 0,
    body: (i) => ({ version: 0, decision: 'not_publish', decisionReason: `Reason number ${i}` }),
    stored: (j) => j.decisionReason,
    expected: (i) => `Reason number ${i}`,
    auditAction: 'publication.recorded',
  },
  {
    what: 'the report’s written sections',
    url: async () => `${base}/report/narrative`,
    method: 'PUT',
    version: 0,
    body: (i) => ({ version: 0, sections: { caseSummary: `Summary number ${i}` } }),
    stored: (j) =>
      (j.narrative as { key: string; text: string }[]).find((s) => s.key === 'caseSummary')?.text,
    expected: (i) => `Summary number ${i}`,
    auditAction: 'report.narrative_updated',
  },
];

describe(`${EDITS} concurrent edits of one record`, () => {
  for (const c of cases) {
    it(`of ${c.what}: one succeeds, ${EDITS - 1} get 409 with the current record, nothing is lost`, async () => {
      const url = await c.url();
      const results = await Promise.all(
        Array.from({ length: EDITS }, (_, i) => call(t, manager, c.method, url, c.body(i))),
      );
      const statuses = results.map((r) => r.statusCode);
      const winners = statuses.flatMap((s, i) => (s === 200 ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(EDITS - 1);
      const winner = winners[0]!;
      for (const r of results.filter((r) => r.statusCode === 409)) {
        const current = r.json().error.details.current;
        expect(current.version).toBe(c.version + 1);
        expect(c.stored(current)).toEqual(c.expected(winner));
      }
      const now = (
        await call(t, manager, 'GET', url.endsWith('/narrative') ? url.replace(/\/narrative$/, '') : url)
      ).json();
      expect(c.stored(now)).toEqual(c.expected(winner));
      const audits = await t.database.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, c.auditAction), eq(auditEvents.partnershipId, review.partnershipId)),
        );
      expect(audits).toHaveLength(1);
      console.info(
        `concurrency: ${c.what}: ${EDITS} concurrent edits, 1 saved, ${EDITS - 1} refused with 409`,
      );
    });
  }
});
