import { and, eq, inArray, isNotNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type {
  EraseReviewInput,
  ReviewErasureDto,
  ReviewErasureStatusDto,
} from '#domain/retention/retention.ts';
import {
  type ErasureKind,
  erasureDueOn,
  erasureKinds,
  erasureRefusal,
  mayManageRetention,
  referenceMatches,
  retentionStartsOn,
} from '#domain/retention/rules.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Tx } from '../db/client.ts';
import {
  actions,
  chronologyEvents,
  chronologyImports,
  chronologyKnowledge,
  chronologyPerspectives,
  chronologySources,
  contributoryFactors,
  conversations,
  conversationVersions,
  documents,
  episodeComments,
  episodeEvidence,
  episodes,
  findings,
  languageFlagDismissals,
  meetingAttendees,
  meetings,
  parallelProcesses,
  participants,
  pseudonymEntries,
  reportCirculations,
  reportComments,
  reportDrafts,
  reportHitAcknowledgements,
  reportSignOffs,
  reportVersions,
  reviewErasures,
  reviews,
  reviewTransitions,
  supervisionReplies,
  supervisionSessions,
  supervisionThreads,
  users,
} from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import type { ErasureCtx } from './access.ts';
import { findErasure } from './access.ts';
import { retainYearsOf, retentionFactsOf } from './policy.service.ts';

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
/** `column IN (…)`, or nothing at all for an empty list. */
const within = (column: Parameters<typeof inArray>[0], values: string[]): SQL =>
  values.length ? inArray(column, values) : sql`false`;

async function presentErasure(
  ctx: { tx: Tx },
  row: typeof reviewErasures.$inferSelect,
): Promise<ReviewErasureDto> {
  const [by] = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, row.erasedBy));
  return {
    reason: row.reason,
    counts: (Object.keys(erasureKinds) as ErasureKind[]).map((kind) => ({
      kind,
      label: erasureKinds[kind],
      count: row.counts[kind] ?? 0,
    })),
    erasedBy: by ?? null,
    erasedAt: row.erasedAt.toISOString(),
  };
}

/** Whether a review's personal data has been erased (and by whom, why and how much), or whether it may be. */
export async function getReviewErasureStatus(
  ctx: MemberCtx & { review: { id: string; title: string } },
): Promise<ReviewErasureStatusDto> {
  const erasure = await findErasure(ctx.tx, ctx.review.id);
  const [facts] = await retentionFactsOf(ctx.tx, ctx.membership.partnershipId, ctx.review.id);
  if (!facts) throw AppError.notFound('review');
  const retainYears = await retainYearsOf(ctx.tx, ctx.membership.partnershipId);
  const refusal = erasure ? null : erasureRefusal({ ...facts.facts, erased: false });
  return {
    reviewId: ctx.review.id,
    reference: ctx.review.title,
    erased: erasure !== null,
    erasure: erasure ? await presentErasure(ctx, erasure) : null,
    retentionStartsOn: retentionStartsOn(facts.facts),
    dueOn: erasureDueOn(facts.facts, retainYears),
    refusal: refusal?.message ?? null,
    abilities: { erase: !erasure && refusal === null && mayManageRetention(ctx.membership.role) },
  };
}

/** What erasure did: the records removed or blanked per kind, and the stored files no longer used by any document. */
type ErasureResult = { counts: Record<ErasureKind, number>; unusedFiles: string[] };

/**
 * Removes or blanks every piece of personal data a finished review holds, in the request's
 * transaction, and leaves a tombstone. What is already anonymised and published (the publication,
 * publishable report versions, the library's entries) and the audit log stay. Returns the stored
 * files to delete once the transaction has committed.
 */
export async function eraseReviewPersonalData(
  ctx: ErasureCtx,
  input: EraseReviewInput,
): Promise<{ erasure: ReviewErasureDto; unusedFiles: string[] }> {
  const review = ctx.review;
  const [facts] = await retentionFactsOf(ctx.tx, ctx.membership.partnershipId, review.id);
  if (!facts) throw AppError.notFound('review');
  const refusal = erasureRefusal({ ...facts.facts, erased: facts.erased });
  if (refusal) throw new AppError('conflict', refusal.message, { reason: refusal.code });
  if (!referenceMatches(input.confirmReference, review.title)) {
    throw AppError.invalid([
      { path: 'confirmReference', message: `Enter the review’s name exactly as shown: ${review.title}` },
    ]);
  }

  const { counts, unusedFiles } = await eraseRecords(ctx.tx, review.id, ctx.now);
  await ctx.tx
    .update(reviews)
    .set({
      decisionRationale: null,
      pauseReason: null,
      qualityAssurer: null,
      version: review.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(reviews.id, review.id));
  const [tombstone] = await ctx.tx
    .insert(reviewErasures)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      reason: input.reason,
      counts,
      erasedBy: ctx.principal.userId,
      erasedAt: ctx.now,
    })
    .returning();
  await auditAction(ctx, {
    action: 'review.personal_data_erased',
    entityType: 'review',
    entityId: review.id,
    details: { counts, filesToDelete: unusedFiles.length },
  });
  return { erasure: await presentErasure(ctx, tombstone!), unusedFiles };
}

async function eraseRecords(tx: Tx, reviewId: string, now: Date): Promise<ErasureResult> {
  const counts = Object.fromEntries(Object.keys(erasureKinds).map((k) => [k, 0])) as Record<
    ErasureKind,
    number
  >;
  const conversationIds = ids(
    await tx.select({ id: conversations.id }).from(conversations).where(eq(conversations.reviewId, reviewId)),
  );
  const documentRows = await tx
    .select({ id: documents.id, sha256: documents.sha256 })
    .from(documents)
    .where(eq(documents.reviewId, reviewId));
  const documentIds = ids(documentRows);
  const eventIds = ids(
    await tx
      .select({ id: chronologyEvents.id })
      .from(chronologyEvents)
      .where(eq(chronologyEvents.reviewId, reviewId)),
  );
  const episodeIds = ids(
    await tx.select({ id: episodes.id }).from(episodes).where(eq(episodes.reviewId, reviewId)),
  );
  const meetingIds = ids(
    await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.reviewId, reviewId)),
  );
  const versions = await tx
    .select({ id: reportVersions.id, publishable: reportVersions.publishable })
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, reviewId));
  const unpublishedIds = ids(versions.filter((v) => !v.publishable));
  const keptIds = ids(versions.filter((v) => v.publishable));

  // The multi-agency narrative: events keep their dates and agencies; what they say goes.
  counts.chronologySources = (
    await tx
      .delete(chronologySources)
      .where(
        or(
          within(chronologySources.eventId, eventIds),
          within(chronologySources.documentId, documentIds),
          within(chronologySources.conversationId, conversationIds),
        ),
      )
      .returning({ id: chronologySources.id })
  ).length;
  counts.chronologyPerspectives = (
    await tx
      .delete(chronologyPerspectives)
      .where(within(chronologyPerspectives.eventId, eventIds))
      .returning({ id: chronologyPerspectives.id })
  ).length;
  await tx
    .update(chronologyKnowledge)
    .set({ how: null })
    .where(within(chronologyKnowledge.eventId, eventIds));
  counts.chronologyEvents = (
    await tx
      .update(chronologyEvents)
      .set({ summary: '', significance: null, practitionerRole: null, updatedAt: now })
      .where(eq(chronologyEvents.reviewId, reviewId))
      .returning({ id: chronologyEvents.id })
  ).length;
  counts.chronologyImports = (
    await tx
      .delete(chronologyImports)
      .where(eq(chronologyImports.reviewId, reviewId))
      .returning({ id: chronologyImports.id })
  ).length;

  // The analysis: episodes keep their number, title and period; their case detail goes.
  counts.episodeEvidence = (
    await tx
      .delete(episodeEvidence)
      .where(
        or(
          within(episodeEvidence.episodeId, episodeIds),
          within(episodeEvidence.documentId, documentIds),
          within(episodeEvidence.conversationId, conversationIds),
        ),
      )
      .returning({ id: episodeEvidence.id })
  ).length;
  counts.episodeComments = (
    await tx
      .delete(episodeComments)
      .where(within(episodeComments.episodeId, episodeIds))
      .returning({ id: episodeComments.id })
  ).length;
  counts.episodes = (
    await tx
      .update(episodes)
      .set({
        whatHappened: '',
        localRationality: '',
        appraisalRationale: '',
        hindsight: '',
        wentWell: '',
        overviewQueries: '',
        roles: [],
        updatedAt: now,
      })
      .where(eq(episodes.reviewId, reviewId))
      .returning({ id: episodes.id })
  ).length;
  counts.contributoryFactors = (
    await tx
      .update(contributoryFactors)
      .set({ evidence: [] })
      .where(
        and(eq(contributoryFactors.reviewId, reviewId), sql`${contributoryFactors.evidence} <> '[]'::jsonb`),
      )
      .returning({ id: contributoryFactors.id })
  ).length;
  counts.languageFlagDismissals = (
    await tx
      .delete(languageFlagDismissals)
      .where(eq(languageFlagDismissals.reviewId, reviewId))
      .returning({ id: languageFlagDismissals.id })
  ).length;
  counts.findings = (
    await tx
      .update(findings)
      .set({ howItShowed: '' })
      .where(and(eq(findings.reviewId, reviewId), ne(findings.howItShowed, '')))
      .returning({ id: findings.id })
  ).length;

  // Conversation records and documents: removed with every earlier version.
  counts.conversationVersions = (
    await tx
      .delete(conversationVersions)
      .where(within(conversationVersions.conversationId, conversationIds))
      .returning({ id: conversationVersions.id })
  ).length;
  counts.conversations = (
    await tx
      .delete(conversations)
      .where(eq(conversations.reviewId, reviewId))
      .returning({ id: conversations.id })
  ).length;
  counts.documents = (
    await tx.delete(documents).where(eq(documents.reviewId, reviewId)).returning({ id: documents.id })
  ).length;

  // Meetings keep their kind, title and time; who came and what was said go.
  counts.meetingAttendees = (
    await tx
      .delete(meetingAttendees)
      .where(within(meetingAttendees.meetingId, meetingIds))
      .returning({ id: meetingAttendees.participantId })
  ).length;
  counts.meetings = (
    await tx
      .update(meetings)
      .set({ location: null, agenda: null, notes: null, decisions: null, followUps: null, updatedAt: now })
      .where(eq(meetings.reviewId, reviewId))
      .returning({ id: meetings.id })
  ).length;

  // The report: drafts, comments and unpublished versions go; publishable versions were anonymised and stay.
  counts.reportDrafts = (
    await tx
      .update(reportDrafts)
      .set({ sections: {}, updatedAt: now })
      .where(eq(reportDrafts.reviewId, reviewId))
      .returning({ id: reportDrafts.reviewId })
  ).length;
  counts.reportComments = (
    await tx
      .delete(reportComments)
      .where(eq(reportComments.reviewId, reviewId))
      .returning({ id: reportComments.id })
  ).length;
  counts.reportHitAcknowledgements = (
    await tx
      .delete(reportHitAcknowledgements)
      .where(within(reportHitAcknowledgements.versionId, ids(versions)))
      .returning({ id: reportHitAcknowledgements.versionId })
  ).length;
  counts.reportSignOffs = (
    await tx
      .delete(reportSignOffs)
      .where(within(reportSignOffs.versionId, unpublishedIds))
      .returning({ id: reportSignOffs.id })
  ).length;
  await tx.update(reportSignOffs).set({ note: null }).where(within(reportSignOffs.versionId, keptIds));
  counts.reportCirculations = (
    await tx
      .delete(reportCirculations)
      .where(within(reportCirculations.versionId, unpublishedIds))
      .returning({ id: reportCirculations.id })
  ).length;
  await tx
    .update(reportCirculations)
    .set({ note: null })
    .where(within(reportCirculations.versionId, keptIds));
  counts.reportVersions = (
    await tx
      .delete(reportVersions)
      .where(within(reportVersions.id, unpublishedIds))
      .returning({ id: reportVersions.id })
  ).length;
  await tx
    .update(reportVersions)
    .set({ hits: [], ambiguous: [], note: null })
    .where(within(reportVersions.id, keptIds));

  // Supervision between the supervisor and the reviewers.
  counts.supervisionReplies = (
    await tx
      .delete(supervisionReplies)
      .where(eq(supervisionReplies.reviewId, reviewId))
      .returning({ id: supervisionReplies.id })
  ).length;
  counts.supervisionThreads = (
    await tx
      .delete(supervisionThreads)
      .where(eq(supervisionThreads.reviewId, reviewId))
      .returning({ id: supervisionThreads.id })
  ).length;
  counts.supervisionSessions = (
    await tx
      .update(supervisionSessions)
      .set({ attendees: null, notes: null })
      .where(eq(supervisionSessions.reviewId, reviewId))
      .returning({ id: supervisionSessions.id })
  ).length;

  // The pseudonym register keeps its categories and replacements; the real names go.
  counts.pseudonymEntries = (
    await tx
      .update(pseudonymEntries)
      .set({ realValue: '', variants: [], note: null })
      .where(eq(pseudonymEntries.reviewId, reviewId))
      .returning({ id: pseudonymEntries.id })
  ).length;

  // The people in the review: no longer named, reachable or linked to an account.
  counts.participants = (
    await tx
      .update(participants)
      .set({
        name: 'Erased',
        email: sql`'erased-' || ${participants.id}::text`,
        jobTitle: null,
        userId: null,
        lineManagerParticipantId: null,
        invitationTokenHash: null,
        invitationExpiresAt: null,
        active: false,
        updatedAt: now,
      })
      .where(eq(participants.reviewId, reviewId))
      .returning({ id: participants.id })
  ).length;

  counts.parallelProcesses = (
    await tx
      .update(parallelProcesses)
      .set({ description: 'Erased', contact: null, notes: null, updatedAt: now })
      .where(eq(parallelProcesses.reviewId, reviewId))
      .returning({ id: parallelProcesses.id })
  ).length;
  counts.actions = (
    await tx
      .update(actions)
      .set({ ownerName: null })
      .where(and(eq(actions.reviewId, reviewId), isNotNull(actions.ownerName)))
      .returning({ id: actions.id })
  ).length;
  counts.reviewTransitions = (
    await tx
      .update(reviewTransitions)
      .set({ reason: null })
      .where(and(eq(reviewTransitions.reviewId, reviewId), isNotNull(reviewTransitions.reason)))
      .returning({ id: reviewTransitions.id })
  ).length;

  // Files are content-addressed: one still used by another document (of any review) stays.
  const shas = [...new Set(documentRows.map((d) => d.sha256))];
  const stillUsed = new Set(
    shas.length
      ? (
          await tx
            .selectDistinct({ sha256: documents.sha256 })
            .from(documents)
            .where(inArray(documents.sha256, shas))
        ).map((r) => r.sha256)
      : [],
  );
  return { counts, unusedFiles: shas.filter((s) => !stillUsed.has(s)) };
}
