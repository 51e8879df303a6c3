import { givenAction } from '../../action/testing.ts';
import {
  givenCaseGroupScope,
  givenEpisode,
  givenEpisodeComment,
  givenFactor,
} from '../../analysis/testing.ts';
import { givenChronologyEvent, givenChronologyImport } from '../../chronology/testing.ts';
import { givenConversation } from '../../conversation/testing.ts';
import { givenDocument } from '../../document/testing.ts';
import { givenFinding } from '../../finding/testing.ts';
import {
  givenAgencyRequest,
  givenClosure,
  givenNotification,
  givenRapidReview,
} from '../../intake/intake.fixtures.ts';
import { givenLibraryImport } from '../../library/testing.ts';
import { givenMeetingForEveryone } from '../../meeting/testing.ts';
import { givenSupervisionThread } from '../../quality/supervision-testing.ts';
import { givenDraftRequest } from '../../quality/testing.ts';
import { givenCirculation, givenReportComment } from '../../report/review-testing.ts';
import { givenReportVersion } from '../../report/testing.ts';
import { givenApiToken } from '../../token/testing.ts';
import { givenReviewer } from '../../training/testing.ts';
import {
  call,
  givenAgency,
  givenMember,
  givenParallelProcess,
  givenParticipant,
  givenPartnership,
  givenReview,
  type Session,
  signInAs,
  type TestApp,
} from '../harness.ts';

/** Who sends the generated requests: the partnership's administrator and the review's lead reviewer. */
export type ActorName = 'partnership admin' | 'lead reviewer';
export type Actor = { name: ActorName; email: string; session: Session };

/**
 * A partnership with one review holding at least one record of every kind, and the values each path
 * parameter can take: real identifiers (several where one name means different records).
 */
export type World = {
  partnershipId: string;
  reviewId: string;
  actors: Actor[];
  params: Record<string, string[]>;
  knownIds: string[];
};

/** Builds a world the way the authorization matrix does, from the features' own `given…` helpers. */
export async function givenWorld(t: TestApp): Promise<World> {
  const partnership = await givenPartnership(t);
  const pid = partnership.id;
  const admin = await givenMember(t, pid, 'partnership_admin');
  const review = await givenReview(t, pid);
  const leadUser = await givenMember(t, pid, 'member');
  await givenParticipant(t, review, 'lead_reviewer', leadUser);
  const caseGroup = await givenParticipant(t, review, 'case_group_member');
  await givenParticipant(t, review, 'supervisor');
  const conversation = await givenConversation(t, review, caseGroup.id, 'shared');
  const episode = await givenEpisode(t, review, { shared: true });
  await givenCaseGroupScope(t, review, 'all');
  const rapidReview = await givenRapidReview(t, await givenNotification(t, pid));
  const agency = await givenAgency(t, pid);
  const member = await givenMember(t, pid, 'member');
  const finding = await givenFinding(t, review);
  const version = await givenReportVersion(t, review);
  const round = await givenCirculation(t, review, version.id, { audience: 'case_group' });
  const params: Record<string, string[]> = {
    partnershipId: [pid],
    agencyId: [agency.id],
    userId: [member.id],
    reviewId: [review.id],
    participantId: [caseGroup.id],
    processId: [(await givenParallelProcess(t, review)).id],
    token: ['x'.repeat(43)],
    meetingId: [(await givenMeetingForEveryone(t, review)).id],
    kind: ['introductory'],
    notificationId: [rapidReview.notificationId],
    rapidReviewId: [rapidReview.id],
    requestId: [
      (await givenAgencyRequest(t, rapidReview, agency.id)).id,
      (await givenDraftRequest(t, review)).id,
    ],
    closureId: [(await givenClosure(t, pid)).id],
    conversationId: [conversation.id],
    eventId: [(await givenChronologyEvent(t, review)).id],
    importId: [(await givenChronologyImport(t, review)).id],
    documentId: [(await givenDocument(t, review, { restriction: 'case_group' })).id],
    episodeId: [episode.id],
    factorId: [(await givenFactor(t, episode)).id],
    commentId: [(await givenEpisodeComment(t, episode, { id: caseGroup.userId! })).id],
    referenceKind: ['language'],
    referenceVersion: ['1'],
    findingId: [finding.id],
    versionNumber: [String(version.number ?? 1)],
    format: ['pdf'],
    circulationId: [round.id],
    reportCommentId: [(await givenReportComment(t, review, round.id, caseGroup.userId!)).id],
    markerNumber: ['4'],
    threadId: [(await givenSupervisionThread(t, review)).id],
    reviewerId: [(await givenReviewer(t, pid)).id],
    actionId: [(await givenAction(t, review, finding.id)).id],
    tokenId: [(await givenApiToken(t, pid, member.id)).id],
    libraryImportId: [(await givenLibraryImport(t, pid)).record.id],
  };
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const knownIds = [...new Set(Object.values(params).flat())].filter((v) => uuid.test(v));
  knownIds.push(admin.id, leadUser.id, caseGroup.userId!);
  return {
    partnershipId: pid,
    reviewId: review.id,
    actors: [
      { name: 'partnership admin', email: admin.email, session: await signInAs(t, admin.email) },
      { name: 'lead reviewer', email: leadUser.email, session: await signInAs(t, leadUser.email) },
    ],
    params,
    knownIds,
  };
}

/**
 * Whether every actor can still work in the review (a generated request may have signed them out,
 * changed the partnership's security policy or ended their role); signs in again when that is enough.
 */
export async function actorsStillWork(t: TestApp, world: World): Promise<boolean> {
  const url = `/api/partnerships/${world.partnershipId}/reviews/${world.reviewId}`;
  for (const actor of world.actors) {
    if ((await call(t, actor.session, 'GET', url)).statusCode === 200) continue;
    try {
      actor.session = await signInAs(t, actor.email);
    } catch {
      return false;
    }
    if ((await call(t, actor.session, 'GET', url)).statusCode !== 200) return false;
  }
  return true;
}
