import { and, asc, count, eq } from 'drizzle-orm';
import { type ReviewRole, reviewAbilities, reviewRoles } from '#domain/review/policy.ts';
import {
  type ReviewDto,
  type ReviewType,
  type ReviewVariant,
  reviewTypes,
  reviewVariants,
} from '#domain/review/review.ts';
import {
  type ActiveStage,
  checksFor,
  nextStage,
  type ReviewFacts,
  type ReviewStage,
  reviewStages,
} from '#domain/review/stages.ts';
import type { Queryable } from '../db/client.ts';
import {
  agencies,
  parallelProcesses,
  participants,
  researchQuestions,
  reviewAgencies,
  reviewTransitions,
  users,
} from '../db/schema/index.ts';
import type { ReviewCtx, ReviewRow } from './access.ts';
import { reviewDeadlines } from './deadlines.ts';

/** What the stage checks need to know about a review, read from the database. */
export async function loadReviewFacts(q: Queryable, review: ReviewRow): Promise<ReviewFacts> {
  const roleCounts = await q
    .select({ role: participants.role, n: count() })
    .from(participants)
    .where(and(eq(participants.reviewId, review.id), eq(participants.active, true)))
    .groupBy(participants.role);
  const byRole = (role: ReviewRole) => roleCounts.find((r) => r.role === role)?.n ?? 0;
  const [agencyCount] = await q
    .select({ n: count() })
    .from(reviewAgencies)
    .where(eq(reviewAgencies.reviewId, review.id));
  const [questionCount] = await q
    .select({ n: count() })
    .from(researchQuestions)
    .where(eq(researchQuestions.reviewId, review.id));
  const active = await q
    .select({
      noConversations: parallelProcesses.noConversations,
      publicationEmbargo: parallelProcesses.publicationEmbargo,
    })
    .from(parallelProcesses)
    .where(and(eq(parallelProcesses.reviewId, review.id), eq(parallelProcesses.status, 'active')));
  return {
    decisionRationale: review.decisionRationale,
    purposeStatement: review.purposeStatement,
    scopeFrom: review.scopeFrom,
    scopeTo: review.scopeTo,
    agenciesInScope: agencyCount?.n ?? 0,
    researchQuestions: questionCount?.n ?? 0,
    leadReviewers: byRole('lead_reviewer'),
    reviewTeamMembers: byRole('review_team_member'),
    caseGroupMembers: byRole('case_group_member'),
    signOffChain: review.signOffChain.length,
    qualityAssurer: Boolean(review.qualityAssurer?.trim()),
    publicationEmbargoes: active.filter((p) => p.publicationEmbargo).length,
    conversationBans: active.filter((p) => p.noConversations).length,
  };
}

/** Presents a review with its checklist, deadlines, history and what the person may do. */
export async function presentReview(ctx: ReviewCtx, review: ReviewRow): Promise<ReviewDto> {
  const q = ctx.tx;
  const facts = await loadReviewFacts(q, review);
  const stage = review.stage as ReviewStage;
  const next = nextStage(stage);
  const abilities = reviewAbilities(ctx.actor);
  const transitions = await q
    .select({ t: reviewTransitions, actorName: users.name })
    .from(reviewTransitions)
    .leftJoin(users, eq(users.id, reviewTransitions.actorUserId))
    .where(eq(reviewTransitions.reviewId, review.id))
    .orderBy(asc(reviewTransitions.at));
  let termsOfReference: ReviewDto['termsOfReference'] = null;
  if (abilities.viewTermsOfReference) {
    const agencyRows = await q
      .select({ id: agencies.id, name: agencies.name })
      .from(reviewAgencies)
      .innerJoin(agencies, eq(agencies.id, reviewAgencies.agencyId))
      .where(eq(reviewAgencies.reviewId, review.id))
      .orderBy(asc(agencies.name));
    const questions = await q
      .select({
        id: researchQuestions.id,
        position: researchQuestions.position,
        text: researchQuestions.text,
      })
      .from(researchQuestions)
      .where(eq(researchQuestions.reviewId, review.id))
      .orderBy(asc(researchQuestions.position));
    termsOfReference = {
      purposeStatement: review.purposeStatement,
      scopeFrom: review.scopeFrom,
      scopeTo: review.scopeTo,
      proportionalityRationale: review.proportionalityRationale,
      decisionRationale: review.decisionRationale,
      decisionDate: review.decisionDate,
      qualityAssurer: review.qualityAssurer,
      signOffChain: review.signOffChain,
      agencies: agencyRows,
      researchQuestions: questions,
      plannedReviewTeamMeetings: review.plannedReviewTeamMeetings,
      plannedJointMeetings: review.plannedJointMeetings,
    };
  }
  return {
    id: review.id,
    title: review.title,
    type: review.type as ReviewType,
    typeLabel: reviewTypes[review.type as ReviewType],
    variant: review.variant as ReviewVariant,
    variantLabel: reviewVariants[review.variant as ReviewVariant].label,
    stage,
    stageLabel: reviewStages[stage],
    pauseReason: review.pauseReason,
    resumeStage: (review.resumeStage as ActiveStage | null) ?? null,
    nextStage: next,
    nextStageLabel: next ? reviewStages[next] : null,
    checklist: next ? checksFor(next, facts) : [],
    rapidReviewId: review.rapidReviewId,
    initiatedDate: review.initiatedDate,
    targetPublicationDate: review.targetPublicationDate,
    deadlines: reviewDeadlines(review, ctx.now),
    termsOfReference,
    people: {
      leadReviewers: facts.leadReviewers,
      reviewTeam: facts.reviewTeamMembers,
      caseGroup: facts.caseGroupMembers,
    },
    transitions: transitions.map(({ t, actorName }) => ({
      fromStage: t.fromStage,
      toStage: t.toStage,
      toStageLabel: reviewStages[t.toStage as ReviewStage] ?? t.toStage,
      action: t.action,
      reason: t.reason,
      actorName,
      at: t.at.toISOString(),
    })),
    myRoles: ctx.actor.reviewRoles.map((r) => reviewRoles[r]),
    version: review.version,
    abilities,
  };
}
