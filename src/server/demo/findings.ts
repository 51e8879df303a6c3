import { and, eq } from 'drizzle-orm';
import { addCalendarMonths } from '#domain/calendar/working-days.ts';
import { createFindingInput } from '#domain/finding/finding.ts';
import { unmetForFindingStatus } from '#domain/finding/rules.ts';
import { pseudonymEntryInput } from '#domain/pseudonym/register.ts';
import type { Tx } from '../db/client.ts';
import {
  episodes,
  findingEpisodes,
  findingResearchQuestions,
  findings,
  participants,
  pseudonymEntries,
  pseudonymRegisters,
  researchQuestions,
  reviews,
} from '../db/schema/index.ts';
import { reviewReferenceOf } from '../reference/reference.service.ts';
import { type DemoFinding, demoFindings, demoRegisterEntries } from './findings-text.ts';

/** The columns a demo finding stores as written, shared by the demo's current and earlier reviews. */
export const findingColumns = (
  f: Omit<DemoFinding, 'episodes' | 'researchQuestions' | 'status' | 'statement'>,
) => ({
  typologyCode: f.typologyCode,
  polarity: f.polarity,
  howItShowed: f.howItShowed,
  prevalenceSources: f.prevalenceSources,
  prevalenceEvidence: f.prevalenceEvidence,
  currency: f.currency,
  currencyNote: f.currencyNote,
  whyItMatters: f.whyItMatters,
  boardQuestions: f.boardQuestions,
  recommendations: [],
  priority: f.priority,
  themes: f.themes,
});

const DAY_MS = 86_400_000;
const daysBefore = (today: Date, days: number) => new Date(today.getTime() - days * DAY_MS);
const isoDaysBefore = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);

/**
 * Loads the demo review's findings and its pseudonym register: four findings coded to the review's
 * typology, each linked to the episodes that show it and the research questions it answers, and a
 * register (version 1) for the family, the practitioners, the town, the nursery, the home address
 * and the child's date of birth. Runs inside the demo seed's transaction, after the analysis; a
 * second run changes nothing.
 */
export async function seedDemoFindings(
  tx: Tx,
  input: { partnershipId: string; reviewId: string; today: Date },
) {
  const { partnershipId, reviewId, today } = input;
  const [already] = await tx
    .select({ id: findings.id })
    .from(findings)
    .where(eq(findings.reviewId, reviewId))
    .limit(1);
  if (already) return 0;
  const [review] = await tx.select().from(reviews).where(eq(reviews.id, reviewId));
  if (!review?.scopeTo) throw new Error('the demo review has no scope');
  const ref = { id: reviewId, partnershipId };
  const typology = (await reviewReferenceOf(tx, ref, 'typology')).content;
  const codes = new Set(typology.categories.map((c) => c.code));

  const [lead] = await tx
    .select({ userId: participants.userId })
    .from(participants)
    .where(and(eq(participants.reviewId, reviewId), eq(participants.name, 'Dr Helen Mercer')));
  if (!lead?.userId) throw new Error('the demo lead reviewer is not in the review');
  const episodeByNumber = new Map(
    (
      await tx
        .select({ id: episodes.id, number: episodes.number })
        .from(episodes)
        .where(eq(episodes.reviewId, reviewId))
    ).map((e) => [e.number, e.id]),
  );
  const questionByPosition = new Map(
    (
      await tx
        .select({ id: researchQuestions.id, position: researchQuestions.position })
        .from(researchQuestions)
        .where(eq(researchQuestions.reviewId, reviewId))
    ).map((q) => [q.position, q.id]),
  );

  for (const [i, f] of demoFindings.entries()) {
    if (!codes.has(f.typologyCode)) throw new Error(`demo typology code ${f.typologyCode} is not pinned`);
    const episodeIds = f.episodes.map((n) => {
      const id = episodeByNumber.get(n);
      if (!id) throw new Error(`demo finding ${i + 1} links episode ${n}, which is missing`);
      return id;
    });
    const questionIds = f.researchQuestions.map((n) => {
      const id = questionByPosition.get(n);
      if (!id) throw new Error(`demo finding ${i + 1} answers research question ${n}, which is missing`);
      return id;
    });
    const checked = createFindingInput.parse({
      ...f,
      episodeIds,
      researchQuestionIds: questionIds,
      recommendations: [],
    });
    const unmet = unmetForFindingStatus(
      {
        status: f.status,
        statement: checked.statement,
        typologyCode: f.typologyCode,
        episodeCount: episodeIds.length,
        prevalenceSources: f.prevalenceSources,
        prevalenceEvidence: f.prevalenceEvidence,
        boardQuestions: f.boardQuestions,
      },
      f.status,
    );
    if (unmet.length > 0) throw new Error(`demo finding ${i + 1} is not ready: ${unmet.join('; ')}`);
    const [row] = await tx
      .insert(findings)
      .values({
        partnershipId,
        reviewId,
        number: i + 1,
        statement: checked.statement,
        ...findingColumns(f),
        status: f.status,
        createdBy: lead.userId,
        createdAt: daysBefore(today, 10 - i),
        updatedAt: daysBefore(today, 4 - i),
      })
      .returning({ id: findings.id });
    const findingId = row!.id;
    await tx
      .insert(findingEpisodes)
      .values(episodeIds.map((episodeId) => ({ findingId, episodeId, partnershipId })));
    await tx
      .insert(findingResearchQuestions)
      .values(questionIds.map((researchQuestionId) => ({ findingId, researchQuestionId, partnershipId })));
  }

  // The child was two years and eight months old at the end of the scope, the time of the incident.
  const dateOfBirth = isoDaysBefore(addCalendarMonths(review.scopeTo, -32), 10);
  const entries = demoRegisterEntries(dateOfBirth).map((e) => pseudonymEntryInput.parse(e));
  const [register] = await tx
    .insert(pseudonymRegisters)
    .values({ reviewId, partnershipId, version: 1, updatedBy: lead.userId, updatedAt: daysBefore(today, 5) })
    .onConflictDoNothing()
    .returning();
  if (register)
    await tx.insert(pseudonymEntries).values(
      entries.map((e, at) => ({
        partnershipId,
        reviewId,
        position: at + 1,
        category: e.category,
        realValue: e.realValue,
        variants: e.variants,
        replacement: e.replacement,
        note: e.note ?? null,
      })),
    );
  return demoFindings.length;
}
