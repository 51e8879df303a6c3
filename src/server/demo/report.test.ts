import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesIn } from '#domain/pseudonym/pseudonymise.ts';
import type { Database } from '../db/client.ts';
import {
  actions,
  boardResponses,
  pseudonymEntries,
  qualityAssessments,
  reportVersions,
  reviewers,
  reviews,
  supervisionThreads,
  trainingMilestones,
} from '../db/schema/index.ts';
import { docxText, pdfText } from '../report/render/extract.ts';
import { openTestDatabase } from '../testing/harness.ts';
import { seedDemo } from './seed.ts';

let database: Database;
let reviewId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  expect((await seedDemo(database.db, 'demo-password-for-tests')).created).toBe(true);
  const [review] = await database.db.select().from(reviews).where(eq(reviews.title, 'Child A'));
  reviewId = review!.id;
}, 120_000);
afterAll(async () => {
  await database.close();
});

describe('the demo report', () => {
  it('has a first version whose DOCX and PDF name nobody in the register', async () => {
    const [version] = await database.db
      .select()
      .from(reportVersions)
      .where(eq(reportVersions.reviewId, reviewId));
    expect(version?.number).toBe(1);
    const register = (
      await database.db.select().from(pseudonymEntries).where(eq(pseudonymEntries.reviewId, reviewId))
    ).map((e) => ({ ...e, category: e.category as never }));
    const names = namesIn(register);
    expect(names.length).toBeGreaterThan(5);
    for (const text of [await docxText(version!.docx), await pdfText(version!.pdf), version!.html]) {
      expect(text).toContain('Child A');
      expect(text).toContain('Finding 1');
      for (const name of ['Quillfeather', 'Kerry-Ann', 'Haddad', 'Harrowby'])
        expect(text).not.toContain(name);
    }
    expect(version!.hits.filter((h) => h.kind === 'register')).toEqual([]);
  });
});

describe('the demo quality control', () => {
  it('has a reviewer pool, two trainees in training, a partial self-assessment and supervision', async () => {
    const pool = await database.db.select().from(reviewers);
    expect(pool.map((r) => r.status).sort()).toEqual([
      'accredited',
      'accredited',
      'accredited',
      'lapsed',
      'trainee',
      'trainee',
    ]);
    const trainees = pool.filter((r) => r.status === 'trainee');
    expect(
      trainees.every((t) => t.practiceReviewId === reviewId && t.supervisorReviewerId && t.cohortId),
    ).toBe(true);
    expect((await database.db.select().from(trainingMilestones)).length).toBeGreaterThanOrEqual(8);
    const assessed = await database.db
      .select()
      .from(qualityAssessments)
      .where(eq(qualityAssessments.reviewId, reviewId));
    expect(assessed.map((a) => a.markerNumber).sort()).toEqual([1, 2, 5]);
    expect(await database.db.select().from(supervisionThreads)).toHaveLength(1);
  });
});

describe('the demo after the review', () => {
  it('has the board’s response to two findings and an action plan at every stage', async () => {
    expect(
      await database.db.select().from(boardResponses).where(eq(boardResponses.reviewId, reviewId)),
    ).toHaveLength(2);
    const plan = await database.db.select().from(actions).where(eq(actions.reviewId, reviewId));
    expect(plan.map((a) => a.status).sort()).toEqual(['done', 'impact_verified', 'in_progress', 'open']);
    expect(plan.find((a) => a.status === 'impact_verified')?.impactEvidence).toBeTruthy();
  });
});
