import { and, eq } from 'drizzle-orm';
import {
  findQualityMarker,
  type QualityMarker,
  qualityMarkers,
  qualityPhases,
} from '#domain/quality/markers.ts';
import {
  type Answer,
  type AssessQualityMarkerInput,
  type AutoEvidenceDto,
  type MarkerAssessmentDto,
  type QualitySummaryDto,
  type Rating,
  ratings,
} from '#domain/quality/quality.ts';
import {
  assessmentProblems,
  autoEvidenceFor,
  normaliseAssessment,
  type QualityFacts,
  qualityCounts,
} from '#domain/quality/rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { qualityAssessments, users } from '../db/schema/index.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { gatherQualityFacts } from './quality-evidence.ts';

type Row = typeof qualityAssessments.$inferSelect;
type Stored = { row: Row; assessedByName: string | null };

/** The review's stored assessments, by marker number, with who made each. */
async function loadAssessments(ctx: ReviewCtx, markerNumber?: number): Promise<Map<number, Stored>> {
  const where = [eq(qualityAssessments.reviewId, ctx.review.id)];
  if (markerNumber !== undefined) where.push(eq(qualityAssessments.markerNumber, markerNumber));
  const rows = await ctx.tx
    .select({ row: qualityAssessments, assessedByName: users.name })
    .from(qualityAssessments)
    .leftJoin(users, eq(users.id, qualityAssessments.assessedBy))
    .where(and(...where));
  return new Map(rows.map((r) => [r.row.markerNumber, { row: r.row, assessedByName: r.assessedByName }]));
}

/** One marker with its questions and answers, its rating, the evidence offered and who assessed it. */
function presentMarker(
  marker: QualityMarker,
  stored: Stored | undefined,
  autoEvidence: AutoEvidenceDto[],
): MarkerAssessmentDto {
  const row = stored?.row;
  const rating = (row?.rating as Rating | null | undefined) ?? null;
  return {
    number: marker.number,
    phase: marker.phase,
    phaseLabel: qualityPhases[marker.phase],
    title: marker.title,
    statement: marker.statement,
    questions: marker.questions.map((text, i) => ({
      text,
      answer: (row?.answers[i] as Answer | null | undefined) ?? null,
    })),
    rating,
    ratingLabel: rating ? ratings[rating] : null,
    evidence: row?.evidence ?? '',
    autoEvidence,
    acceptedEvidenceKeys: row?.acceptedEvidenceKeys ?? [],
    assessedByName: stored?.assessedByName ?? null,
    assessedAt: row ? row.assessedAt.toISOString() : null,
    version: row?.version ?? 0,
  };
}

/** Every marker's rating, for the counts. */
const ratingsOf = (stored: Map<number, Stored>) =>
  new Map([...stored].map(([n, s]) => [n, s.row.rating as Rating | null]));

/**
 * The review's self-assessment against the 18 quality markers, each with the evidence Sightlines
 * already holds; the ratings counted in all and by phase; and whether the person may assess.
 */
export async function getQualitySummary(ctx: ReviewCtx): Promise<QualitySummaryDto> {
  const stored = await loadAssessments(ctx);
  const facts = await gatherQualityFacts(ctx.tx, ctx.review, ctx.now);
  return {
    markers: qualityMarkers.map((m) =>
      presentMarker(m, stored.get(m.number), autoEvidenceFor(m.number, facts)),
    ),
    ...qualityCounts(ratingsOf(stored)),
    abilities: { assess: mayInReview(ctx.actor, 'assessQuality') },
  };
}

const sameAssessment = (row: Row | undefined, next: ReturnType<typeof normaliseAssessment>) =>
  row !== undefined &&
  row.rating === next.rating &&
  JSON.stringify(row.answers) === JSON.stringify(next.answers) &&
  row.evidence === next.evidence &&
  JSON.stringify(row.acceptedEvidenceKeys) === JSON.stringify(next.acceptedEvidenceKeys);

/**
 * Records the whole assessment of one marker, based on the version the person saw (0 before the
 * first). A stale version is refused (409) with the marker as it is now; one answer per question,
 * and evidence relied on only from what is offered (400 otherwise). Saving what is stored changes
 * nothing. The audit row holds the marker and rating, never the written evidence.
 */
export async function assessQualityMarker(
  ctx: ReviewCtx,
  markerNumber: number,
  input: AssessQualityMarkerInput,
): Promise<MarkerAssessmentDto> {
  const marker = findQualityMarker(markerNumber);
  if (!marker) throw AppError.notFound('quality marker');
  const facts: QualityFacts = await gatherQualityFacts(ctx.tx, ctx.review, ctx.now);
  const evidence = autoEvidenceFor(marker.number, facts);
  const stored = (await loadAssessments(ctx, marker.number)).get(marker.number);
  const current = presentMarker(marker, stored, evidence);
  assertVersion(current, input.version, `assessment of quality marker ${marker.number}`, () => current);
  const offered = evidence.map((e) => e.key);
  const problems = assessmentProblems(marker, input, offered);
  if (problems.length) throw AppError.invalid(problems);

  const next = normaliseAssessment(input, offered);
  if (sameAssessment(stored?.row, next)) return current;
  const version = current.version + 1;
  const values = { ...next, assessedBy: ctx.principal.userId, assessedAt: ctx.now, version };
  if (stored)
    await ctx.tx
      .update(qualityAssessments)
      .set(values)
      .where(
        and(
          eq(qualityAssessments.reviewId, ctx.review.id),
          eq(qualityAssessments.markerNumber, marker.number),
        ),
      );
  else
    await ctx.tx.insert(qualityAssessments).values({
      ...values,
      reviewId: ctx.review.id,
      markerNumber: marker.number,
      partnershipId: ctx.review.partnershipId,
    });
  await auditAction(ctx, {
    action: 'quality_marker.assessed',
    entityType: 'quality_assessment',
    entityId: ctx.review.id,
    details: { reviewId: ctx.review.id, marker: marker.number, rating: next.rating, version },
  });
  const saved = (await loadAssessments(ctx, marker.number)).get(marker.number);
  return presentMarker(marker, saved, evidence);
}
