import { type ComponentType, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { RequireSession } from './auth/require-session.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Layout } from './components/layout.tsx';
import { lazyPage } from './components/lazy-page.ts';
import { NavigationFocusProvider } from './components/navigation-focus.tsx';
import { Loading, NotFoundPage } from './components/problem-pages.tsx';

const SignInPage = lazyPage(() => import('./auth/sign-in-page.tsx'), 'SignInPage');
const PasswordPage = lazyPage(() => import('./auth/password-page.tsx'), 'PasswordPage');
const ForgotPasswordPage = lazyPage(() => import('./email/forgot-password-page.tsx'), 'ForgotPasswordPage');
const SetPasswordPage = lazyPage(() => import('./email/set-password-page.tsx'), 'SetPasswordPage');
const SecondStepPage = lazyPage(() => import('./auth/second-step-page.tsx'), 'SecondStepPage');
const SetUpMfaPage = lazyPage(() => import('./auth/set-up-mfa-page.tsx'), 'SetUpMfaPage');
const AccountPage = lazyPage(() => import('./auth/account-page.tsx'), 'AccountPage');
const SecurityPolicyPage = lazyPage(() => import('./auth/security-policy-page.tsx'), 'SecurityPolicyPage');
const SsoSettingsPage = lazyPage(() => import('./sso/sso-settings-page.tsx'), 'SsoSettingsPage');
const ApiTokensPage = lazyPage(() => import('./token/api-tokens-page.tsx'), 'ApiTokensPage');
const CreateApiTokenPage = lazyPage(() => import('./token/create-api-token-page.tsx'), 'CreateApiTokenPage');
const HomePage = lazyPage(() => import('./partnership/home-page.tsx'), 'HomePage');
const PartnershipHomePage = lazyPage(
  () => import('./partnership/partnership-home-page.tsx'),
  'PartnershipHomePage',
);
const AgenciesPage = lazyPage(() => import('./partnership/agencies-page.tsx'), 'AgenciesPage');
const AddAgencyPage = lazyPage(() => import('./partnership/add-agency-page.tsx'), 'AddAgencyPage');
const ChangeAgencyPage = lazyPage(() => import('./partnership/change-agency-page.tsx'), 'ChangeAgencyPage');
const UsersPage = lazyPage(() => import('./user/users-page.tsx'), 'UsersPage');
const AddUserPage = lazyPage(() => import('./user/add-user-page.tsx'), 'AddUserPage');
const ChangeUserPage = lazyPage(() => import('./user/change-user-page.tsx'), 'ChangeUserPage');
const AuditPage = lazyPage(() => import('./audit/audit-page.tsx'), 'AuditPage');
const ReviewsPage = lazyPage(() => import('./review/reviews-page.tsx'), 'ReviewsPage');
const CommissionReviewPage = lazyPage(
  () => import('./review/commission-review-page.tsx'),
  'CommissionReviewPage',
);
const ReviewOverviewPage = lazyPage(() => import('./review/review-overview-page.tsx'), 'ReviewOverviewPage');
const TermsOfReferencePage = lazyPage(
  () => import('./review/terms-of-reference-page.tsx'),
  'TermsOfReferencePage',
);
const ParallelProcessesPage = lazyPage(
  () => import('./review/parallel-processes-page.tsx'),
  'ParallelProcessesPage',
);
const AddParallelProcessPage = lazyPage(
  () => import('./review/parallel-processes-page.tsx'),
  'AddParallelProcessPage',
);
const ChangeParallelProcessPage = lazyPage(
  () => import('./review/parallel-processes-page.tsx'),
  'ChangeParallelProcessPage',
);
const PeoplePage = lazyPage(() => import('./participant/people-page.tsx'), 'PeoplePage');
const SearchPage = lazyPage(() => import('./search/search-page.tsx'), 'SearchPage');
const AddParticipantPage = lazyPage(
  () => import('./participant/add-participant-page.tsx'),
  'AddParticipantPage',
);
const ChangeParticipantPage = lazyPage(
  () => import('./participant/change-participant-page.tsx'),
  'ChangeParticipantPage',
);
const InvitationPage = lazyPage(() => import('./participant/invitation-page.tsx'), 'InvitationPage');
const NotificationsRoutes = lazyPage(() => import('./intake/intake-routes.tsx'), 'NotificationsRoutes');
const CalendarPage = lazyPage(() => import('./intake/calendar-page.tsx'), 'CalendarPage');
const MeetingsPage = lazyPage(() => import('./meeting/meetings-page.tsx'), 'MeetingsPage');
const ScheduleMeetingPage = lazyPage(
  () => import('./meeting/schedule-meeting-page.tsx'),
  'ScheduleMeetingPage',
);
const MeetingPage = lazyPage(() => import('./meeting/meeting-page.tsx'), 'MeetingPage');
const ChangeMeetingPage = lazyPage(() => import('./meeting/change-meeting-page.tsx'), 'ChangeMeetingPage');
const NarrativeRoutes = lazyPage(() => import('./chronology/narrative-routes.tsx'), 'NarrativeRoutes');
const AnalysisRoutes = lazyPage(() => import('./analysis/analysis-routes.tsx'), 'AnalysisRoutes');
const CausalMapRoute = lazyPage(() => import('./analysis/analysis-routes.tsx'), 'CausalMapRoute');
const FindingRoutes = lazyPage(() => import('./finding/finding-routes.tsx'), 'FindingRoutes');
const QualityRoutes = lazyPage(() => import('./quality/quality-routes.tsx'), 'QualityRoutes');
const DraftRequestsRoute = lazyPage(() => import('./quality/quality-routes.tsx'), 'DraftRequestsRoute');
const SupervisionRoute = lazyPage(() => import('./quality/quality-routes.tsx'), 'SupervisionRoute');
const MonitoringRoute = lazyPage(() => import('./quality/quality-routes.tsx'), 'MonitoringRoute');
const ReviewerRoutes = lazyPage(() => import('./training/training-routes.tsx'), 'ReviewerRoutes');
const TrainingRoute = lazyPage(() => import('./training/training-routes.tsx'), 'TrainingRoute');
const ReportRoutes = lazyPage(() => import('./report/report-routes.tsx'), 'ReportRoutes');
const ActionRoutes = lazyPage(() => import('./action/action-routes.tsx'), 'ActionRoutes');
const BoardResponseRoute = lazyPage(() => import('./action/action-routes.tsx'), 'BoardResponseRoute');
const ActionTrackerRoute = lazyPage(() => import('./action/action-routes.tsx'), 'ActionTrackerRoute');
const RetentionRoutes = lazyPage(() => import('./retention/retention-routes.tsx'), 'RetentionRoutes');
const EraseReviewPage = lazyPage(() => import('./retention/retention-routes.tsx'), 'EraseReviewPage');
const ImportReviewPage = lazyPage(() => import('./transfer/import-review-page.tsx'), 'ImportReviewPage');
const LibraryRoutes = lazyPage(() => import('./library/library-routes.tsx'), 'LibraryRoutes');
const AnalyticsRoute = lazyPage(() => import('./analytics/analytics-routes.tsx'), 'AnalyticsRoute');
const PseudonymRegisterPage = lazyPage(
  () => import('./pseudonym/pseudonym-register-page.tsx'),
  'PseudonymRegisterPage',
);
const PublicationPage = lazyPage(() => import('./publication/publication-page.tsx'), 'PublicationPage');
const DocumentRoutes = lazyPage(() => import('./document/document-routes.tsx'), 'DocumentRoutes');
const ConversationRoutes = lazyPage(
  () => import('./conversation/conversation-routes.tsx'),
  'ConversationRoutes',
);
const ReferenceDataPage = lazyPage(() => import('./reference/reference-data-page.tsx'), 'ReferenceDataPage');
const ReferenceKindPage = lazyPage(() => import('./reference/reference-kind-page.tsx'), 'ReferenceKindPage');
const LettersPage = lazyPage(() => import('./letter/letters-page.tsx'), 'LettersPage');
const LetterTemplatesPage = lazyPage(
  () => import('./letter/letter-templates-page.tsx'),
  'LetterTemplatesPage',
);
const EditLetterTemplatePage = lazyPage(
  () => import('./letter/edit-letter-template-page.tsx'),
  'EditLetterTemplatePage',
);

function signedIn(Page: ComponentType) {
  return (
    <RequireSession>
      <Page />
    </RequireSession>
  );
}

/** Every page of the web app, inside the shared layout. */
export function App() {
  const { pathname } = useLocation();
  const p = '/partnerships/:partnershipId';
  return (
    <NavigationFocusProvider>
      <Layout>
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/sign-in/code" element={<SecondStepPage />} />
              <Route path="/sign-in/set-up" element={<SetUpMfaPage />} />
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/set-password" element={<SetPasswordPage />} />
              <Route path="/password" element={signedIn(PasswordPage)} />
              <Route path="/account" element={signedIn(AccountPage)} />
              <Route path={`${p}/security`} element={signedIn(SecurityPolicyPage)} />
              <Route path={`${p}/sso`} element={signedIn(SsoSettingsPage)} />
              <Route path={`${p}/api-tokens`} element={signedIn(ApiTokensPage)} />
              <Route path={`${p}/api-tokens/new`} element={signedIn(CreateApiTokenPage)} />
              <Route path="/" element={signedIn(HomePage)} />
              <Route path={p} element={signedIn(PartnershipHomePage)} />
              <Route path={`${p}/agencies`} element={signedIn(AgenciesPage)} />
              <Route path={`${p}/agencies/new`} element={signedIn(AddAgencyPage)} />
              <Route path={`${p}/agencies/:agencyId/change`} element={signedIn(ChangeAgencyPage)} />
              <Route path={`${p}/users`} element={signedIn(UsersPage)} />
              <Route path={`${p}/users/new`} element={signedIn(AddUserPage)} />
              <Route path={`${p}/users/:userId/change`} element={signedIn(ChangeUserPage)} />
              <Route path={`${p}/audit`} element={signedIn(AuditPage)} />
              <Route path={`${p}/monitoring`} element={signedIn(MonitoringRoute)} />
              <Route path={`${p}/actions`} element={signedIn(ActionTrackerRoute)} />
              <Route path={`${p}/library/*`} element={signedIn(LibraryRoutes)} />
              <Route path={`${p}/retention/*`} element={signedIn(RetentionRoutes)} />
              <Route path={`${p}/reviews/:reviewId/erase`} element={signedIn(EraseReviewPage)} />
              <Route path={`${p}/analytics`} element={signedIn(AnalyticsRoute)} />
              <Route path={`${p}/reviewers/*`} element={signedIn(ReviewerRoutes)} />
              <Route path={`${p}/training`} element={signedIn(TrainingRoute)} />
              <Route path={`${p}/reviews`} element={signedIn(ReviewsPage)} />
              <Route path={`${p}/reviews/new`} element={signedIn(CommissionReviewPage)} />
              <Route path={`${p}/reviews/import`} element={signedIn(ImportReviewPage)} />
              <Route path={`${p}/reviews/:reviewId`} element={signedIn(ReviewOverviewPage)} />
              <Route path={`${p}/reviews/:reviewId/terms`} element={signedIn(TermsOfReferencePage)} />
              <Route path={`${p}/reviews/:reviewId/people`} element={signedIn(PeoplePage)} />
              <Route path={`${p}/reviews/:reviewId/people/new`} element={signedIn(AddParticipantPage)} />
              <Route
                path={`${p}/reviews/:reviewId/people/:participantId/change`}
                element={signedIn(ChangeParticipantPage)}
              />
              <Route path={`${p}/reviews/:reviewId/search`} element={signedIn(SearchPage)} />
              <Route
                path={`${p}/reviews/:reviewId/parallel-processes`}
                element={signedIn(ParallelProcessesPage)}
              />
              <Route
                path={`${p}/reviews/:reviewId/parallel-processes/new`}
                element={signedIn(AddParallelProcessPage)}
              />
              <Route
                path={`${p}/reviews/:reviewId/parallel-processes/:processId/change`}
                element={signedIn(ChangeParallelProcessPage)}
              />
              <Route path="/invitations/:token" element={<InvitationPage />} />
              <Route path={`${p}/notifications/*`} element={signedIn(NotificationsRoutes)} />
              <Route path={`${p}/calendar`} element={signedIn(CalendarPage)} />
              <Route path={`${p}/reviews/:reviewId/meetings`} element={signedIn(MeetingsPage)} />
              <Route path={`${p}/reviews/:reviewId/meetings/new`} element={signedIn(ScheduleMeetingPage)} />
              <Route path={`${p}/reviews/:reviewId/meetings/:meetingId`} element={signedIn(MeetingPage)} />
              <Route
                path={`${p}/reviews/:reviewId/meetings/:meetingId/change`}
                element={signedIn(ChangeMeetingPage)}
              />
              <Route path={`${p}/reviews/:reviewId/narrative/*`} element={signedIn(NarrativeRoutes)} />
              <Route path={`${p}/reviews/:reviewId/episodes/*`} element={signedIn(AnalysisRoutes)} />
              <Route path={`${p}/reviews/:reviewId/causal-map`} element={signedIn(CausalMapRoute)} />
              <Route path={`${p}/reviews/:reviewId/findings/*`} element={signedIn(FindingRoutes)} />
              <Route path={`${p}/reviews/:reviewId/quality-markers/*`} element={signedIn(QualityRoutes)} />
              <Route path={`${p}/reviews/:reviewId/draft-requests`} element={signedIn(DraftRequestsRoute)} />
              <Route path={`${p}/reviews/:reviewId/supervision`} element={signedIn(SupervisionRoute)} />
              <Route path={`${p}/reviews/:reviewId/report/*`} element={signedIn(ReportRoutes)} />
              <Route path={`${p}/reviews/:reviewId/board-response`} element={signedIn(BoardResponseRoute)} />
              <Route path={`${p}/reviews/:reviewId/actions/*`} element={signedIn(ActionRoutes)} />
              <Route
                path={`${p}/reviews/:reviewId/pseudonym-register`}
                element={signedIn(PseudonymRegisterPage)}
              />
              <Route path={`${p}/reviews/:reviewId/publication`} element={signedIn(PublicationPage)} />
              <Route path={`${p}/reviews/:reviewId/documents/*`} element={signedIn(DocumentRoutes)} />
              <Route path={`${p}/reviews/:reviewId/conversations/*`} element={signedIn(ConversationRoutes)} />
              <Route path={`${p}/reviews/:reviewId/letters`} element={signedIn(LettersPage)} />
              <Route path={`${p}/letter-templates`} element={signedIn(LetterTemplatesPage)} />
              <Route path={`${p}/reference-data`} element={signedIn(ReferenceDataPage)} />
              <Route path={`${p}/reference-data/:kind`} element={signedIn(ReferenceKindPage)} />
              <Route path={`${p}/letter-templates/:kind`} element={signedIn(EditLetterTemplatePage)} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </NavigationFocusProvider>
  );
}
