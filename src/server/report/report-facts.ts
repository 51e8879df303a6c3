import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import {
  type Currency,
  currencies,
  type Polarity,
  type PrevalenceSource,
  type Priority,
  polarities,
  prevalenceSources,
  priorities,
} from '#domain/finding/finding.ts';
import { londonDate } from '#domain/intake/deadlines.ts';
import type { RegisterEntry } from '#domain/pseudonym/register.ts';
import type { ReportFacts } from '#domain/report/report.ts';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { type ReviewType, reviewTypes } from '#domain/review/review.ts';
import { agencyNamesOf, analysisLabels } from '../analysis/episode.presenter.ts';
import {
  agencies,
  conversations,
  episodes,
  findingEpisodes,
  findingResearchQuestions,
  findings,
  participants,
  partnerships,
  researchQuestions,
} from '../db/schema/index.ts';
import { typologyNames } from '../finding/finding.presenter.ts';
import type { ReviewCtx } from '../review/access.ts';

/** The roles of the review team besides the lead reviewers, in the order the report lists them. */
const reviewTeamRoles: ReviewRole[] = ['trainee_reviewer', 'supervisor', 'review_team_member'];

const familyCategories = new Set(['child', 'family_member']);

/** The people taking part in the review, with their agency and whether a conversation with them was held. */
async function peopleOf(ctx: ReviewCtx) {
  const people = await ctx.tx
    .select({
      id: participants.id,
      role: participants.role,
      name: participants.name,
      jobTitle: participants.jobTitle,
      agencyName: agencies.name,
    })
    .from(participants)
    .leftJoin(agencies, eq(agencies.id, participants.agencyId))
    .where(and(eq(participants.reviewId, ctx.review.id), eq(participants.active, true)))
    .orderBy(asc(participants.createdAt), asc(participants.name));
  const talked = await ctx.tx
    .select({ participantId: conversations.participantId })
    .from(conversations)
    .where(and(eq(conversations.reviewId, ctx.review.id), isNotNull(conversations.heldOn)));
  return { people, talked: new Set(talked.map((c) => c.participantId)), conversationsHeld: talked.length };
}

/** The names meant to be published in the report: the lead reviewers'. The identifier scan leaves them alone. */
export async function publicNamesOf(ctx: ReviewCtx): Promise<string[]> {
  const rows = await ctx.tx
    .select({ name: participants.name })
    .from(participants)
    .where(
      and(
        eq(participants.reviewId, ctx.review.id),
        eq(participants.active, true),
        eq(participants.role, 'lead_reviewer'),
      ),
    );
  return rows.map((r) => r.name);
}

/** The episodes of the review in order, in words. */
async function episodeFacts(ctx: ReviewCtx): Promise<ReportFacts['episodes']> {
  const rows = await ctx.tx
    .select()
    .from(episodes)
    .where(eq(episodes.reviewId, ctx.review.id))
    .orderBy(asc(episodes.number));
  const labels = await analysisLabels(ctx.tx, ctx.review);
  const names = await agencyNamesOf(
    ctx.tx,
    ctx.review.partnershipId,
    rows.flatMap((e) => e.agencyIds),
  );
  return rows.map((e) => ({
    number: e.number,
    title: e.title,
    periodFrom: e.periodFrom,
    periodTo: e.periodTo,
    agencyNames: e.agencyIds.map((id) => names.get(id) ?? 'Unknown agency'),
    whatHappened: e.whatHappened,
    localRationality: e.localRationality,
    appraisalLabel: e.appraisal ? (labels.grades.get(e.appraisal) ?? e.appraisal) : null,
    goodPractice: e.goodPractice,
  }));
}

/** The findings of the review in order, in words, with the episodes and research questions they link to. */
async function findingFacts(ctx: ReviewCtx): Promise<ReportFacts['findings']> {
  const rows = await ctx.tx
    .select()
    .from(findings)
    .where(eq(findings.reviewId, ctx.review.id))
    .orderBy(asc(findings.number));
  if (!rows.length) return [];
  const ids = rows.map((f) => f.id);
  const names = await typologyNames(ctx.tx, ctx.review);
  const linkedEpisodes = await ctx.tx
    .select({ findingId: findingEpisodes.findingId, number: episodes.number })
    .from(findingEpisodes)
    .innerJoin(episodes, eq(episodes.id, findingEpisodes.episodeId))
    .where(inArray(findingEpisodes.findingId, ids))
    .orderBy(asc(episodes.number));
  const linkedQuestions = await ctx.tx
    .select({
      findingId: findingResearchQuestions.findingId,
      id: findingResearchQuestions.researchQuestionId,
    })
    .from(findingResearchQuestions)
    .where(inArray(findingResearchQuestions.findingId, ids));
  return rows.map((f) => ({
    number: f.number,
    statement: f.statement,
    typology: f.typologyCode
      ? { code: f.typologyCode, name: names.get(f.typologyCode) ?? f.typologyCode }
      : null,
    polarityLabel: polarities[f.polarity as Polarity] ?? f.polarity,
    episodeNumbers: linkedEpisodes.filter((e) => e.findingId === f.id).map((e) => e.number),
    howItShowed: f.howItShowed,
    prevalenceSourceLabels: f.prevalenceSources.map((s) => prevalenceSources[s as PrevalenceSource] ?? s),
    prevalenceEvidence: f.prevalenceEvidence,
    currencyLabel: f.currency ? (currencies[f.currency as Currency] ?? f.currency) : null,
    currencyNote: f.currencyNote,
    whyItMatters: f.whyItMatters,
    boardQuestions: f.boardQuestions.filter((q) => q.trim()),
    recommendations: f.recommendations,
    priorityLabel: f.priority ? (priorities[f.priority as Priority] ?? f.priority) : null,
    researchQuestionIds: linkedQuestions.filter((q) => q.findingId === f.id).map((q) => q.id),
  }));
}

/**
 * Everything the report is built from, gathered from the review's records in words: the terms of
 * reference, the pseudonyms of the family (never their real names), who took part and how, the
 * research questions, the key practice episodes and the findings.
 */
export async function gatherReportFacts(
  ctx: ReviewCtx,
  register: readonly RegisterEntry[],
  versionNumber: number,
): Promise<ReportFacts> {
  const review = ctx.review;
  const [partnership] = await ctx.tx
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, review.partnershipId));
  const { people, talked, conversationsHeld } = await peopleOf(ctx);
  const inRole = (...roles: ReviewRole[]) => people.filter((p) => roles.includes(p.role as ReviewRole));
  const questions = await ctx.tx
    .select({ id: researchQuestions.id, position: researchQuestions.position, text: researchQuestions.text })
    .from(researchQuestions)
    .where(eq(researchQuestions.reviewId, review.id))
    .orderBy(asc(researchQuestions.position));
  return {
    partnershipName: partnership?.name ?? '',
    review: {
      title: review.title,
      typeLabel: reviewTypes[review.type as ReviewType] ?? review.type,
      initiatedDate: review.initiatedDate,
      scopeFrom: review.scopeFrom,
      scopeTo: review.scopeTo,
      purposeStatement: review.purposeStatement,
      proportionalityRationale: review.proportionalityRationale,
    },
    versionNumber,
    generatedOn: londonDate(ctx.now),
    family: register
      .filter((e) => familyCategories.has(e.category))
      .map((e) => ({ category: e.category as 'child' | 'family_member', pseudonym: e.replacement })),
    leadReviewers: inRole('lead_reviewer').map((p) => ({
      name: p.name,
      jobTitle: p.jobTitle,
      agencyName: p.agencyName,
    })),
    reviewTeam: reviewTeamRoles.flatMap((role) =>
      inRole(role).map((p) => ({
        roleLabel: reviewRoles[role],
        jobTitle: p.jobTitle,
        agencyName: p.agencyName,
      })),
    ),
    caseGroup: inRole('case_group_member').map((p) => ({
      jobTitle: p.jobTitle,
      agencyName: p.agencyName,
      hadConversation: talked.has(p.id),
    })),
    familyTookPart: inRole('family_member').some((p) => talked.has(p.id)),
    conversationsHeld,
    researchQuestions: questions,
    episodes: await episodeFacts(ctx),
    findings: await findingFacts(ctx),
  };
}
