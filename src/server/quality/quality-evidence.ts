import { and, asc, count, countDistinct, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { londonDate } from '#domain/intake/deadlines.ts';
import type { PublicationDecision } from '#domain/publication/publication.ts';
import type { QualityFacts } from '#domain/quality/rules.ts';
import { unacknowledgedHits } from '#domain/report/rules.ts';
import { flaggedFields, unresolvedIn } from '../analysis/language.service.ts';
import type { Queryable } from '../db/client.ts';
import {
  auditEvents,
  chronologyEvents,
  contributoryFactors,
  conversations,
  documents,
  episodes,
  notifications,
  parallelProcesses,
  participants,
  publications,
  rapidReviews,
  reportDrafts,
  reportHitAcknowledgements,
  reportVersions,
  reviewAgencies,
} from '../db/schema/index.ts';
import type { ReviewRow } from '../review/access.ts';
import { reviewDeadlines } from '../review/deadlines.ts';
import { listDraftRequestRows } from './monitoring.service.ts';

const written = (text: string | null | undefined) => Boolean(text?.trim());

/** The serious incident notification and rapid review the review came from, if any. */
async function intakeFacts(q: Queryable, review: ReviewRow) {
  if (!review.rapidReviewId) return { notification: null, rapidReview: null };
  const [found] = await q
    .select({ rapidReview: rapidReviews, notification: notifications })
    .from(rapidReviews)
    .innerJoin(notifications, eq(notifications.id, rapidReviews.notificationId))
    .where(eq(rapidReviews.id, review.rapidReviewId));
  if (!found) return { notification: null, rapidReview: null };
  const { rapidReview: r, notification: n } = found;
  return {
    notification: { id: n.id, awareDate: n.awareDate, dueDate: n.dueDate, submittedDate: n.submittedDate },
    rapidReview: { notificationId: n.id, dueDate: r.dueDate, sentToPanelDate: r.sentToPanelDate },
  };
}

/** The days the letter to the family was generated for the review (its audit rows), earliest first. */
async function familyLetterDates(q: Queryable, review: ReviewRow) {
  const rows = await q
    .select({ at: auditEvents.occurredAt })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.partnershipId, review.partnershipId),
        eq(auditEvents.action, 'letter.generated'),
        sql`${auditEvents.details}->>'reviewId' = ${review.id}`,
        sql`${auditEvents.details}->>'kind' = 'family'`,
      ),
    )
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => londonDate(r.at));
}

/** The narrative's events, the documents, and the agencies in scope with events in the narrative. */
async function narrativeFacts(q: Queryable, reviewId: string) {
  const [events] = await q
    .select({ n: count() })
    .from(chronologyEvents)
    .where(eq(chronologyEvents.reviewId, reviewId));
  const [docs] = await q.select({ n: count() }).from(documents).where(eq(documents.reviewId, reviewId));
  const [inScope] = await q
    .select({ n: count() })
    .from(reviewAgencies)
    .where(eq(reviewAgencies.reviewId, reviewId));
  const [contributing] = await q
    .select({ n: countDistinct(chronologyEvents.agencyId) })
    .from(chronologyEvents)
    .innerJoin(
      reviewAgencies,
      and(eq(reviewAgencies.reviewId, reviewId), eq(reviewAgencies.agencyId, chronologyEvents.agencyId)),
    )
    .where(eq(chronologyEvents.reviewId, reviewId));
  return {
    events: events?.n ?? 0,
    documents: docs?.n ?? 0,
    agenciesInScope: inScope?.n ?? 0,
    agenciesContributing: contributing?.n ?? 0,
  };
}

/** The active case group and family members, and the conversations held with each group and confirmed. */
async function peopleFacts(q: Queryable, reviewId: string) {
  const roles = ['case_group_member', 'family_member'];
  const people = await q
    .select({ id: participants.id, role: participants.role })
    .from(participants)
    .where(
      and(
        eq(participants.reviewId, reviewId),
        eq(participants.active, true),
        inArray(participants.role, roles),
      ),
    );
  const talks = await q
    .select({ role: participants.role, status: conversations.status })
    .from(conversations)
    .innerJoin(participants, eq(participants.id, conversations.participantId))
    .where(
      and(
        eq(conversations.reviewId, reviewId),
        eq(participants.active, true),
        inArray(participants.role, roles),
        isNotNull(conversations.heldOn),
      ),
    );
  const of = (role: string) => ({
    members: people.filter((p) => p.role === role).length,
    conversationsHeld: talks.filter((c) => c.role === role).length,
    conversationsConfirmed: talks.filter((c) => c.role === role && ['confirmed', 'agreed'].includes(c.status))
      .length,
  });
  return { caseGroup: of('case_group_member'), family: of('family_member') };
}

/** The episodes with hindsight noted, and the flagged wording in episodes and factors left unresolved. */
async function analysisFacts(q: Queryable, review: ReviewRow) {
  const rows = await q.select().from(episodes).where(eq(episodes.reviewId, review.id));
  const factors = await q
    .select()
    .from(contributoryFactors)
    .where(eq(contributoryFactors.reviewId, review.id));
  const flags = await flaggedFields(q, review, rows, factors);
  return {
    episodes: rows.length,
    withHindsight: rows.filter((e) => written(e.hindsight)).length,
    unresolvedLanguageFlags: unresolvedIn(flags),
  };
}

/** How many report versions there are, and the latest's identifier scan and whether it is publishable. */
async function reportFacts(q: Queryable, reviewId: string): Promise<QualityFacts['report']> {
  const [versions] = await q
    .select({ n: count() })
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, reviewId));
  const [latest] = await q
    .select({
      id: reportVersions.id,
      number: reportVersions.number,
      hits: reportVersions.hits,
      scannedAt: reportVersions.scannedAt,
      publishable: reportVersions.publishable,
    })
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, reviewId))
    .orderBy(desc(reportVersions.number))
    .limit(1);
  if (!latest) return { versions: 0, latest: null };
  const acknowledged = await q
    .select({ key: reportHitAcknowledgements.hitKey })
    .from(reportHitAcknowledgements)
    .where(eq(reportHitAcknowledgements.versionId, latest.id));
  const keys = latest.hits.map((h) => h.key);
  return {
    versions: versions?.n ?? 0,
    latest: {
      number: latest.number,
      scannedOn: londonDate(latest.scannedAt),
      hits: keys.length,
      unacknowledged: unacknowledgedHits(keys, new Set(acknowledged.map((a) => a.key))).length,
      publishable: latest.publishable,
    },
  };
}

/**
 * Gathers what Sightlines holds about a review for the automatic evidence of the quality markers,
 * one query after another in the request's transaction.
 */
export async function gatherQualityFacts(q: Queryable, review: ReviewRow, now: Date): Promise<QualityFacts> {
  const [draft] = await q
    .select({ sections: reportDrafts.sections })
    .from(reportDrafts)
    .where(eq(reportDrafts.reviewId, review.id));
  const [publication] = await q.select().from(publications).where(eq(publications.reviewId, review.id));
  const processes = await q
    .select({ contact: parallelProcesses.contact })
    .from(parallelProcesses)
    .where(eq(parallelProcesses.reviewId, review.id));
  const target = reviewDeadlines(review, now)[0];
  const { episodes: episodeCount, withHindsight, unresolvedLanguageFlags } = await analysisFacts(q, review);
  const people = await peopleFacts(q, review.id);
  return {
    partnershipId: review.partnershipId,
    reviewId: review.id,
    today: londonDate(now),
    ...(await intakeFacts(q, review)),
    termsOfReference: {
      decisionDate: review.decisionDate,
      decisionRationaleRecorded: written(review.decisionRationale),
      purposeRecorded: written(review.purposeStatement),
      proportionalityRecorded: written(review.proportionalityRationale),
      qualityAssurer: written(review.qualityAssurer) ? (review.qualityAssurer?.trim() ?? null) : null,
      signOffChain: review.signOffChain,
    },
    familyLetterDates: await familyLetterDates(q, review),
    targetPublicationDate: review.targetPublicationDate,
    publicationTarget: target
      ? { date: target.date, overdue: target.overdue, daysLeft: target.daysLeft }
      : null,
    draftRequests: await listDraftRequestRows(q, review.id),
    parallelProcesses: {
      total: processes.length,
      withContact: processes.filter((p) => written(p.contact)).length,
    },
    narrative: await narrativeFacts(q, review.id),
    caseGroup: people.caseGroup,
    family: { ...people.family, participationSectionWritten: written(draft?.sections.limitations) },
    analysis: {
      episodes: episodeCount,
      withHindsight,
      methodologyWritten: written(draft?.sections.methodology),
      unresolvedLanguageFlags,
    },
    report: await reportFacts(q, review.id),
    publication: publication
      ? {
          decision: publication.decision as PublicationDecision,
          panelNoticeSentOn: publication.panelNoticeSentOn,
          dfeNoticeSentOn: publication.dfeNoticeSentOn,
          publishedOn: publication.publishedOn,
        }
      : null,
  };
}
