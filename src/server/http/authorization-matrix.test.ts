import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { givenAction } from '../action/testing.ts';
import { givenCaseGroupScope, givenEpisode, givenEpisodeComment, givenFactor } from '../analysis/testing.ts';
import { apiRoutes } from '../app.ts';
import { givenChronologyEvent, givenChronologyImport } from '../chronology/testing.ts';
import { givenConversation } from '../conversation/testing.ts';
import { givenDocument } from '../document/testing.ts';
import { givenFinding } from '../finding/testing.ts';
import {
  givenAgencyRequest,
  givenClosure,
  givenNotification,
  givenRapidReview,
} from '../intake/intake.fixtures.ts';
import { givenLibraryImport } from '../library/testing.ts';
import { givenMeetingForEveryone } from '../meeting/testing.ts';
import { givenSupervisionThread } from '../quality/supervision-testing.ts';
import { givenCirculation, givenReportComment } from '../report/review-testing.ts';
import { givenReportVersion } from '../report/testing.ts';
import {
  call,
  createTestApp,
  givenAgency,
  givenMember,
  givenParallelProcess,
  givenParticipant,
  givenPartnership,
  givenReview,
  signInAs,
  type TestApp,
} from '../testing/harness.ts';
import { givenApiToken } from '../token/testing.ts';
import { givenReviewer } from '../training/testing.ts';

/**
 * Who may use an operation: anyone; anyone signed in; the listed partnership roles; or, inside a
 * review, the partnership's admins and business managers plus the listed review roles (a member
 * of the partnership with no role in the review gets 404).
 */
type Who = 'anyone' | 'signedIn' | PartnershipRole[] | { review: ReviewRole[]; hidden?: ReviewRole[] };

const allReviewRoles = Object.keys(reviewRoles) as ReviewRole[];
const analysts: ReviewRole[] = [
  'business_manager',
  'lead_reviewer',
  'trainee_reviewer',
  'supervisor',
  'review_team_member',
];
const reviewTeamSide: ReviewRole[] = [
  'business_manager',
  'lead_reviewer',
  'trainee_reviewer',
  'supervisor',
  'review_team_member',
  'chair',
];
const reportEditors: ReviewRole[] = ['business_manager', 'lead_reviewer', 'trainee_reviewer'];
const draftHidden: ReviewRole[] = ['family_member', 'board_member'];
const supervisionReaders: ReviewRole[] = [
  'business_manager',
  'lead_reviewer',
  'trainee_reviewer',
  'supervisor',
];

/**
 * Who may use each operation. A route added without a row here fails this suite, so nobody can
 * ship an endpoint whose access was never decided.
 */
const matrix: Record<string, Who> = {
  getHealth: 'anyone',
  login: 'anyone',
  getSession: 'signedIn',
  logout: 'signedIn',
  changePassword: 'signedIn',
  getPartnership: ['partnership_admin', 'business_manager', 'member'],
  listAgencies: ['partnership_admin', 'business_manager', 'member'],
  createAgency: ['partnership_admin', 'business_manager'],
  updateAgency: ['partnership_admin', 'business_manager'],
  listUsers: ['partnership_admin', 'business_manager'],
  createUser: ['partnership_admin'],
  updateUser: ['partnership_admin'],
  listAuditEvents: ['partnership_admin'],
  listReviews: ['partnership_admin', 'business_manager', 'member'],
  commissionReview: ['partnership_admin', 'business_manager'],
  getReview: { review: allReviewRoles },
  updateReview: { review: ['business_manager', 'lead_reviewer'] },
  transitionReview: { review: ['business_manager', 'lead_reviewer', 'chair'] },
  listParallelProcesses: { review: reviewTeamSide },
  addParallelProcess: { review: ['business_manager', 'lead_reviewer'] },
  updateParallelProcess: { review: ['business_manager', 'lead_reviewer'] },
  listParticipants: { review: allReviewRoles },
  addParticipant: { review: ['business_manager', 'lead_reviewer'] },
  updateParticipant: { review: ['business_manager', 'lead_reviewer'] },
  reissueInvitation: { review: ['business_manager', 'lead_reviewer'] },
  searchReviewEvidence: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'supervisor', 'review_team_member'],
  },
  getInvitation: 'anyone',
  acceptInvitation: 'anyone',
  listMeetings: { review: allReviewRoles },
  scheduleMeeting: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  // Every review role is invited to the fixture meeting; uninvited people get 404 (see the meeting tests).
  getMeeting: { review: allReviewRoles },
  updateMeeting: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  downloadMeetingCalendar: { review: allReviewRoles },
  listLetterTemplates: ['partnership_admin', 'business_manager', 'member'],
  updateLetterTemplate: ['partnership_admin', 'business_manager'],
  listLetters: { review: ['business_manager', 'lead_reviewer'] },
  generateLetter: { review: ['business_manager', 'lead_reviewer'] },
  listNotifications: ['partnership_admin', 'business_manager'],
  createNotification: ['partnership_admin', 'business_manager'],
  getNotification: ['partnership_admin', 'business_manager'],
  updateNotification: ['partnership_admin', 'business_manager'],
  createRapidReview: ['partnership_admin', 'business_manager'],
  listRapidReviews: ['partnership_admin', 'business_manager'],
  getRapidReview: ['partnership_admin', 'business_manager'],
  updateRapidReview: ['partnership_admin', 'business_manager'],
  addRapidReviewAgencyRequest: ['partnership_admin', 'business_manager'],
  updateRapidReviewAgencyRequest: ['partnership_admin', 'business_manager'],
  scheduleRapidReviewMeeting: ['partnership_admin', 'business_manager'],
  listCalendarClosures: ['partnership_admin', 'business_manager'],
  addCalendarClosure: ['partnership_admin', 'business_manager'],
  // Removing a day that is already gone answers 204, so every allowed role gets through.
  removeCalendarClosure: ['partnership_admin', 'business_manager'],
  listConversations: { review: [...analysts, 'case_group_member', 'family_member'] },
  recordConversation: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  // The fixture conversation is the case group member's, shared; the family member may not see it (404).
  getConversation: { review: [...analysts, 'case_group_member'], hidden: ['family_member'] },
  updateConversation: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  changeConversationStatus: { review: [...analysts, 'case_group_member'], hidden: ['family_member'] },
  listConversationVersions: { review: analysts },
  listChronologyEvents: { review: analysts },
  createChronologyEvent: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  getChronologyEvent: { review: analysts },
  updateChronologyEvent: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  deleteChronologyEvent: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  mergeChronologyEvents: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  getTunnelView: { review: analysts },
  downloadChronologyTemplate: { review: analysts },
  previewChronologyImport: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  getChronologyImport: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  commitChronologyImport: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  exportChronology: { review: analysts },
  // The fixture document is shared with the case group, so case group members may open it.
  listDocuments: { review: [...analysts, 'case_group_member'] },
  uploadDocument: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  getDocument: { review: [...analysts, 'case_group_member'] },
  updateDocument: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  downloadDocument: { review: [...analysts, 'case_group_member'] },
  previewDocument: { review: [...analysts, 'case_group_member'] },
  // Analysis (key practice episodes, factors, comments, language, causal map)
  // The fixture episode is shared and the case group sees every shared episode, so its members may open it.
  listEpisodes: { review: [...analysts, 'case_group_member'] },
  createEpisode: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'] },
  reorderEpisodes: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  shareEpisodesWithCaseGroup: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  getEpisode: { review: [...analysts, 'case_group_member'] },
  updateEpisode: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'] },
  changeEpisodeStatus: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  addContributoryFactor: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  updateContributoryFactor: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  commentOnEpisode: { review: [...analysts, 'case_group_member'] },
  resolveEpisodeComment: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  checkLanguage: { review: analysts },
  listLanguageFlags: { review: analysts },
  dismissLanguageFlag: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  getCausalMap: { review: analysts },
  getReviewReference: { review: [...analysts, 'case_group_member'] },
  // Removing what is already gone changes nothing, so every allowed role gets through (these run last).
  deleteContributoryFactor: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  deleteEpisode: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'] },
  // Reference data
  listReferenceData: ['partnership_admin', 'business_manager', 'member'],
  getReferenceVersion: ['partnership_admin', 'business_manager', 'member'],
  publishReferenceVersion: ['partnership_admin'],
  // Findings
  // Case group, family, chair and board members see the review but not its findings: 403.
  listFindings: { review: analysts },
  createFinding: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'] },
  reorderFindings: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  getFinding: { review: analysts },
  updateFinding: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'] },
  agreeFinding: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  changeFindingStatus: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer'] },
  // Removing a finding that is already gone changes nothing, so every allowed role gets through (it runs last).
  deleteFinding: { review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'] },
  // Pseudonym register
  // The most sensitive record: lead reviewers and the business manager only; the rest of the review get 403.
  getPseudonymRegister: { review: ['business_manager', 'lead_reviewer'] },
  updatePseudonymRegister: { review: ['business_manager', 'lead_reviewer'] },
  previewPseudonymisation: { review: ['business_manager', 'lead_reviewer'] },
  // Publication
  // The review team side and the board see it; the chair and the business manager record it.
  getPublication: { review: [...reviewTeamSide, 'board_member'] },
  recordPublication: { review: ['business_manager', 'chair'] },
  // Report: written sections, versions, downloads, the identifier scan, comparison.
  // The fixture version is a draft circulated to the case group: the family and the board may not
  // read it (404); the case group reads it but may not scan or sign it off (403).
  getReport: { review: allReviewRoles },
  updateReportNarrative: { review: reportEditors },
  generateReport: { review: reportEditors },
  getReportVersion: { review: [...reviewTeamSide, 'case_group_member'], hidden: draftHidden },
  downloadReportVersion: { review: [...reviewTeamSide, 'case_group_member'], hidden: draftHidden },
  scanReportIdentifiers: { review: ['business_manager', 'lead_reviewer'], hidden: draftHidden },
  acknowledgeReportIdentifier: { review: ['business_manager', 'lead_reviewer'], hidden: draftHidden },
  markReportPublishable: { review: ['business_manager', 'lead_reviewer'], hidden: draftHidden },
  // Without the versions to compare every reader gets 400; which versions they may compare is in the report tests.
  compareReportVersions: { review: allReviewRoles },
  // Report review: circulation, comments, sign-off
  circulateReport: { review: ['business_manager', 'lead_reviewer'], hidden: draftHidden },
  closeReportCirculation: { review: ['business_manager', 'lead_reviewer'], hidden: draftHidden },
  // Anyone who reads the version reaches the body check; whether they are in the round's audience is in the report tests.
  commentOnReport: { review: [...reviewTeamSide, 'case_group_member'], hidden: draftHidden },
  resolveReportComment: { review: reportEditors, hidden: draftHidden },
  signOffReport: { review: ['business_manager', 'lead_reviewer', 'chair'], hidden: draftHidden },
  // Quality markers and the partners' monitoring
  getQualitySummary: { review: [...reviewTeamSide, 'board_member'] },
  assessQualityMarker: { review: ['business_manager', 'lead_reviewer', 'chair'] },
  listDraftRequests: { review: [...reviewTeamSide, 'board_member'] },
  // Requests for a draft are the partners': partnership admins and business managers only.
  recordDraftRequest: { review: [] },
  markDraftReceived: { review: [] },
  getMonitoring: ['partnership_admin', 'business_manager'],
  // Supervision: between the review's supervisor and its reviewers
  listSupervisionComments: { review: supervisionReaders },
  addSupervisionComment: { review: ['supervisor'] },
  replyToSupervisionComment: { review: ['lead_reviewer', 'trainee_reviewer', 'supervisor'] },
  resolveSupervisionComment: { review: ['lead_reviewer', 'trainee_reviewer', 'supervisor'] },
  listSupervisionSessions: { review: supervisionReaders },
  recordSupervisionSession: { review: ['lead_reviewer', 'trainee_reviewer', 'supervisor'] },
  // Reviewer pool and training programme
  listReviewers: ['partnership_admin', 'business_manager'],
  createReviewer: ['partnership_admin', 'business_manager'],
  updateReviewer: ['partnership_admin', 'business_manager'],
  getTrainingRecord: ['partnership_admin', 'business_manager'],
  recordTrainingMilestone: ['partnership_admin', 'business_manager'],
  downloadLogbook: ['partnership_admin', 'business_manager'],
  listCohorts: ['partnership_admin', 'business_manager'],
  createCohort: ['partnership_admin', 'business_manager'],
  // After the review: the board's response, the action plan and tracker, the learning briefing
  getBoardResponse: { review: [...reviewTeamSide, 'board_member'] },
  recordBoardResponse: { review: ['business_manager', 'chair'] },
  downloadBoardResponse: { review: [...reviewTeamSide, 'board_member'] },
  generateLearningBriefing: { review: ['business_manager', 'lead_reviewer', 'chair'] },
  listReviewActions: { review: [...reviewTeamSide, 'board_member'] },
  createAction: { review: ['business_manager', 'chair'] },
  updateAction: { review: ['business_manager', 'chair'] },
  listActions: ['partnership_admin', 'business_manager'],
  exportActions: ['partnership_admin', 'business_manager'],
  getAnalytics: ['partnership_admin', 'business_manager', 'member'],
  downloadAnalyticsCsv: ['partnership_admin', 'business_manager', 'member'],
  downloadAnnualReport: ['partnership_admin', 'business_manager', 'member'],
  searchLibrary: ['partnership_admin', 'business_manager', 'member'],
  similarFindings: {
    review: ['business_manager', 'lead_reviewer', 'trainee_reviewer', 'review_team_member'],
  },
  getLibrarySettings: ['partnership_admin', 'business_manager'],
  updateLibrarySettings: ['partnership_admin', 'business_manager'],
  importLibraryFindings: ['partnership_admin', 'business_manager'],
  removeLibraryImport: ['partnership_admin', 'business_manager'],
  downloadLibraryImportTemplate: ['partnership_admin', 'business_manager'],
  enrolMfa: 'signedIn',
  verifyMfa: 'signedIn',
  disableMfa: 'signedIn',
  getSecurityPolicy: ['partnership_admin'],
  updateSecurityPolicy: ['partnership_admin'],
  listApiTokens: ['partnership_admin'],
  createApiToken: ['partnership_admin'],
  revokeApiToken: ['partnership_admin'],
  resetMfa: ['partnership_admin'],
  getSsoConfig: ['partnership_admin'],
  updateSsoConfig: ['partnership_admin'],
  startSsoSignIn: 'anyone',
  completeSsoSignIn: 'anyone',
  requestPasswordReset: 'anyone',
  getPasswordToken: 'anyone',
  resetPassword: 'anyone',
  getRetentionPolicy: ['partnership_admin'],
  updateRetentionPolicy: ['partnership_admin'],
  listReviewsDueForErasure: ['partnership_admin'],
  getReviewErasure: { review: allReviewRoles },
  eraseReviewPersonalData: ['partnership_admin'],
  subjectAccessExport: ['partnership_admin'],
  exportReview: { review: [] },
  importReview: ['partnership_admin', 'business_manager'],
};
const roles: PartnershipRole[] = ['partnership_admin', 'business_manager', 'member'];

let t: TestApp;
let ids: Record<string, string>;
let conversationId = '';
const emails = {} as Record<PartnershipRole | 'outsider', string>;
const reviewEmails = {} as Record<ReviewRole, string>;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await givenPartnership(t)).id;
  const other = await givenPartnership(t);
  for (const role of roles) emails[role] = (await givenMember(t, pid, role)).email;
  emails.outsider = (await givenMember(t, other.id, 'partnership_admin')).email;
  const review = await givenReview(t, pid);
  for (const role of allReviewRoles) {
    const user = await givenMember(t, pid, 'member');
    const participant = await givenParticipant(t, review, role, user);
    reviewEmails[role] = user.email;
    if (role === 'case_group_member')
      conversationId = (await givenConversation(t, review, participant.id, 'shared')).id;
  }
  const someone = await givenParticipant(t, review, 'case_group_member');
  const episode = await givenEpisode(t, review, { shared: true });
  await givenCaseGroupScope(t, review, 'all');
  const rapidReview = await givenRapidReview(t, await givenNotification(t, pid));
  ids = {
    partnershipId: pid,
    agencyId: (await givenAgency(t, pid)).id,
    userId: (await givenMember(t, pid, 'member')).id,
    reviewId: review.id,
    participantId: someone.id,
    processId: (await givenParallelProcess(t, review)).id,
    token: 'x'.repeat(43),
    meetingId: (await givenMeetingForEveryone(t, review)).id,
    kind: 'introductory',
    notificationId: rapidReview.notificationId,
    rapidReviewId: rapidReview.id,
    requestId: (await givenAgencyRequest(t, rapidReview, (await givenAgency(t, pid)).id)).id,
    closureId: (await givenClosure(t, pid)).id,
    conversationId,
    eventId: (await givenChronologyEvent(t, review)).id,
    importId: (await givenChronologyImport(t, review)).id,
    documentId: (await givenDocument(t, review, { restriction: 'case_group' })).id,
    episodeId: episode.id,
    factorId: (await givenFactor(t, episode)).id,
    commentId: (await givenEpisodeComment(t, episode, { id: someone.userId! })).id,
    referenceKind: 'language',
    referenceVersion: '1',
    findingId: (await givenFinding(t, review)).id,
    versionNumber: '1',
    format: 'pdf',
    circulationId: '',
    reportCommentId: '',
    markerNumber: '4',
    threadId: (await givenSupervisionThread(t, review)).id,
    reviewerId: (await givenReviewer(t, pid)).id,
  };
  ids.actionId = (await givenAction(t, review, ids.findingId!)).id;
  ids.tokenId = (await givenApiToken(t, pid, ids.userId!)).id;
  ids.libraryImportId = (await givenLibraryImport(t, pid)).record.id;
  const version = await givenReportVersion(t, review);
  const round = await givenCirculation(t, review, version.id, { audience: 'case_group' });
  ids.circulationId = round.id;
  ids.reportCommentId = (await givenReportComment(t, review, round.id, someone.userId!)).id;
});
afterAll(() => t.close());

const routes = apiRoutes({ kind: 'pglite' } as never);
const urlFor = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, name: string) => ids[name] ?? name);
const checked = { requests: 0, endpoints: new Set<string>(), actors: new Set<string>() };
const statusFor = async (email: string | null, method: string, url: string) => {
  const s = email ? await signInAs(t, email) : null;
  checked.requests += 1;
  checked.endpoints.add(`${method} ${url}`);
  checked.actors.add(email ?? 'anonymous');
  return (await call(t, s, method as 'GET', urlFor(url), {})).statusCode;
};
afterAll(() => {
  console.info(
    `authorization matrix: ${checked.endpoints.size} endpoints × up to ${checked.actors.size} actors = ${checked.requests} requests checked`,
  );
});

describe('authorization matrix', () => {
  it('has a row for every route', () => {
    const missing = routes.map((r) => r.operationId).filter((id) => !(id in matrix));
    expect(missing).toEqual([]);
  });

  for (const route of routes) {
    const who = matrix[route.operationId];
    const { method, url } = route;
    describe(`${route.operationId} (${method} ${url})`, () => {
      if (!who) return;
      if (who === 'anyone') {
        it('answers an anonymous request', async () => {
          expect([401, 403]).not.toContain(await statusFor(null, method, url));
        });
        return;
      }
      it('refuses an anonymous request with 401', async () => {
        expect(await statusFor(null, method, url)).toBe(401);
      });
      if (who === 'signedIn') return;
      it('answers 404 to a person from another partnership', async () => {
        expect(await statusFor(emails.outsider, method, url)).toBe(404);
      });
      const partnershipAllowed = Array.isArray(who)
        ? who
        : (['partnership_admin', 'business_manager'] as PartnershipRole[]);
      for (const role of roles) {
        const allowed = partnershipAllowed.includes(role);
        const refusal = Array.isArray(who) ? 403 : 404;
        it(`${allowed ? 'lets' : `refuses with ${refusal}`} a partnership ${role}${Array.isArray(who) ? '' : ' with no role in the review'}`, async () => {
          const status = await statusFor(emails[role], method, url);
          if (allowed) expect([401, 403, 404]).not.toContain(status);
          else expect(status).toBe(refusal);
        });
      }
      if (!Array.isArray(who)) {
        for (const role of allReviewRoles) {
          const allowed = who.review.includes(role);
          const hidden = who.hidden?.includes(role);
          it(`${allowed ? 'lets' : `refuses with ${hidden ? 404 : 403}`} a ${role} of the review`, async () => {
            const status = await statusFor(reviewEmails[role], method, url);
            if (allowed) expect([401, 403, 404]).not.toContain(status);
            else expect(status).toBe(hidden ? 404 : 403);
          });
        }
      }
    });
  }
});
