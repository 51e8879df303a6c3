import { eq, type SQL, sql } from 'drizzle-orm';
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
import { prebuilt } from '../db/prebuilt.ts';
import {
  agencies,
  parallelProcesses,
  participants,
  researchQuestions,
  reviewAgencies,
  reviews,
  reviewTransitions,
  users,
} from '../db/schema/index.ts';
import type { ReviewCtx, ReviewRow } from './access.ts';
import { reviewDeadlines } from './deadlines.ts';

/** The counts the stage checks need, one scalar subquery each, for the review in `reviews`. */
function factCounts() {
  const n = (what: SQL) => sql<number>`(${what})`.mapWith(Number);
  const role = (r: ReviewRole) =>
    n(sql`select count(*) from ${participants} p
      where p.review_id = ${reviews.id} and p.active and p.role = ${sql.raw(`'${r}'`)}`);
  const active = (flag: SQL) =>
    n(sql`select count(*) from ${parallelProcesses} pp
      where pp.review_id = ${reviews.id} and pp.status = 'active' and ${flag}`);
  return {
    leadReviewers: role('lead_reviewer'),
    reviewTeamMembers: role('review_team_member'),
    caseGroupMembers: role('case_group_member'),
    agenciesInScope: n(sql`select count(*) from ${reviewAgencies} ra where ra.review_id = ${reviews.id}`),
    researchQuestions: n(
      sql`select count(*) from ${researchQuestions} rq where rq.review_id = ${reviews.id}`,
    ),
    publicationEmbargoes: active(sql`pp.publication_embargo`),
    conversationBans: active(sql`pp.no_conversations`),
  };
}

type Counts = { [K in keyof ReturnType<typeof factCounts>]: number };

const findFactCounts = prebuilt('review_facts', (q) =>
  q
    .select(factCounts())
    .from(reviews)
    .where(eq(reviews.id, sql.placeholder('reviewId'))),
);

/** JSON from a query: node-postgres parses it, other drivers may hand over the text. */
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

type TransitionJson = {
  fromStage: string | null;
  toStage: string;
  action: string;
  reason: string | null;
  actorName: string | null;
  /** Already in `Date.toISOString()` form (UTC, milliseconds). */
  at: string;
};

/**
 * A subquery's `json_agg`, or an empty list. Nested in a template of its own so that drizzle names
 * the columns of `reviews` with their table, as a subquery needs.
 */
const jsonList = <T>(subquery: SQL) => sql<T[] | string>`coalesce((${subquery}), '[]'::json)`;

/** Everything the review overview reads besides the review row: one statement, built once per process. */
const findOverview = prebuilt('review_overview', (q) =>
  q
    .select({
      ...factCounts(),
      transitions: jsonList<TransitionJson>(sql`
        select json_agg(json_build_object(
          'fromStage', t.from_stage, 'toStage', t.to_stage, 'action', t.action, 'reason', t.reason,
          'actorName', u.name,
          'at', to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        ) order by t.at)
        from ${reviewTransitions} t left join ${users} u on u.id = t.actor_user_id
        where t.review_id = ${reviews.id}`),
      agencies: jsonList<{ id: string; name: string }>(sql`
        select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name)
        from ${reviewAgencies} ra join ${agencies} a on a.id = ra.agency_id
        where ra.review_id = ${reviews.id}`),
      questions: jsonList<{ id: string; position: number; text: string }>(sql`
        select json_agg(json_build_object('id', rq.id, 'position', rq.position, 'text', rq.text)
          order by rq.position)
        from ${researchQuestions} rq
        where rq.review_id = ${reviews.id}`),
    })
    .from(reviews)
    .where(eq(reviews.id, sql.placeholder('reviewId'))),
);

function factsOf(review: ReviewRow, counts: Counts): ReviewFacts {
  return {
    decisionRationale: review.decisionRationale,
    purposeStatement: review.purposeStatement,
    scopeFrom: review.scopeFrom,
    scopeTo: review.scopeTo,
    agenciesInScope: counts.agenciesInScope,
    researchQuestions: counts.researchQuestions,
    leadReviewers: counts.leadReviewers,
    reviewTeamMembers: counts.reviewTeamMembers,
    caseGroupMembers: counts.caseGroupMembers,
    signOffChain: review.signOffChain.length,
    qualityAssurer: Boolean(review.qualityAssurer?.trim()),
    publicationEmbargoes: counts.publicationEmbargoes,
    conversationBans: counts.conversationBans,
  };
}

/** What the stage checks need to know about a review, read from the database in one statement. */
export async function loadReviewFacts(q: Queryable, review: ReviewRow): Promise<ReviewFacts> {
  const [counts] = await findFactCounts(q, { reviewId: review.id });
  if (!counts) throw new Error(`review ${review.id} not found`);
  return factsOf(review, counts);
}

/** Presents a review with its checklist, deadlines, history and what the person may do. */
export async function presentReview(ctx: ReviewCtx, review: ReviewRow): Promise<ReviewDto> {
  const [row] = await findOverview(ctx.tx, { reviewId: review.id });
  if (!row) throw new Error(`review ${review.id} not found`);
  const facts = factsOf(review, row);
  const stage = review.stage as ReviewStage;
  const next = nextStage(stage);
  const abilities = reviewAbilities(ctx.actor);
  const transitions = parsed(row.transitions);
  let termsOfReference: ReviewDto['termsOfReference'] = null;
  if (abilities.viewTermsOfReference) {
    termsOfReference = {
      purposeStatement: review.purposeStatement,
      scopeFrom: review.scopeFrom,
      scopeTo: review.scopeTo,
      proportionalityRationale: review.proportionalityRationale,
      decisionRationale: review.decisionRationale,
      decisionDate: review.decisionDate,
      qualityAssurer: review.qualityAssurer,
      signOffChain: review.signOffChain,
      agencies: parsed(row.agencies),
      researchQuestions: parsed(row.questions),
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
    transitions: transitions.map((t) => ({
      fromStage: t.fromStage,
      toStage: t.toStage,
      toStageLabel: reviewStages[t.toStage as ReviewStage] ?? t.toStage,
      action: t.action,
      reason: t.reason,
      actorName: t.actorName,
      at: t.at,
    })),
    myRoles: ctx.actor.reviewRoles.map((r) => reviewRoles[r]),
    version: review.version,
    abilities,
  };
}
