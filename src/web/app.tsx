import { type ComponentType, lazy, Suspense } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { RequireSession } from './auth/require-session.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Layout } from './components/layout.tsx';
import { NavigationFocusProvider } from './components/navigation-focus.tsx';
import { Loading, NotFoundPage } from './components/problem-pages.tsx';

/** Loads a page's code only when it is first shown, so the first download stays small. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SignInPage = page(() => import('./auth/sign-in-page.tsx'), 'SignInPage');
const PasswordPage = page(() => import('./auth/password-page.tsx'), 'PasswordPage');
const ForgotPasswordPage = page(() => import('./email/forgot-password-page.tsx'), 'ForgotPasswordPage');
const SetPasswordPage = page(() => import('./email/set-password-page.tsx'), 'SetPasswordPage');
const SecondStepPage = page(() => import('./auth/second-step-page.tsx'), 'SecondStepPage');
const SetUpMfaPage = page(() => import('./auth/set-up-mfa-page.tsx'), 'SetUpMfaPage');
const AccountPage = page(() => import('./auth/account-page.tsx'), 'AccountPage');
const SecurityPolicyPage = page(() => import('./auth/security-policy-page.tsx'), 'SecurityPolicyPage');
const SsoSettingsPage = page(() => import('./sso/sso-settings-page.tsx'), 'SsoSettingsPage');
const ApiTokensPage = page(() => import('./token/api-tokens-page.tsx'), 'ApiTokensPage');
const CreateApiTokenPage = page(() => import('./token/create-api-token-page.tsx'), 'CreateApiTokenPage');
const HomePage = page(() => import('./partnership/home-page.tsx'), 'HomePage');
const PartnershipHomePage = page(
  () => import('./partnership/partnership-home-page.tsx'),
  'PartnershipHomePage',
);
const AgenciesPage = page(() => import('./partnership/agencies-page.tsx'), 'AgenciesPage');
const AddAgencyPage = page(() => import('./partnership/add-agency-page.tsx'), 'AddAgencyPage');
const ChangeAgencyPage = page(() => import('./partnership/change-agency-page.tsx'), 'ChangeAgencyPage');
const UsersPage = page(() => import('./user/users-page.tsx'), 'UsersPage');
const AddUserPage = page(() => import('./user/add-user-page.tsx'), 'AddUserPage');
const ChangeUserPage = page(() => import('./user/change-user-page.tsx'), 'ChangeUserPage');
const AuditPage = page(() => import('./audit/audit-page.tsx'), 'AuditPage');
const ReviewsPage = page(() => import('./review/reviews-page.tsx'), 'ReviewsPage');
const CommissionReviewPage = page(
  () => import('./review/commission-review-page.tsx'),
  'CommissionReviewPage',
);
const ReviewOverviewPage = page(() => import('./review/review-overview-page.tsx'), 'ReviewOverviewPage');
const TermsOfReferencePage = page(
  () => import('./review/terms-of-reference-page.tsx'),
  'TermsOfReferencePage',
);
const ParallelProcessesPage = page(
  () => import('./review/parallel-processes-page.tsx'),
  'ParallelProcessesPage',
);
const AddParallelProcessPage = page(
  () => import('./review/parallel-processes-page.tsx'),
  'AddParallelProcessPage',
);
const ChangeParallelProcessPage = page(
  () => import('./review/parallel-processes-page.tsx'),
  'ChangeParallelProcessPage',
);
const PeoplePage = page(() => import('./participant/people-page.tsx'), 'PeoplePage');
const SearchPage = page(() => import('./search/search-page.tsx'), 'SearchPage');
const AddParticipantPage = page(() => import('./participant/add-participant-page.tsx'), 'AddParticipantPage');
const ChangeParticipantPage = page(
  () => import('./participant/change-participant-page.tsx'),
  'ChangeParticipantPage',
);
const InvitationPage = page(() => import('./participant/invitation-page.tsx'), 'InvitationPage');
const NotificationsRoutes = page(() => import('./intake/intake-routes.tsx'), 'NotificationsRoutes');
const CalendarPage = page(() => import('./intake/calendar-page.tsx'), 'CalendarPage');
const MeetingsPage = page(() => import('./meeting/meetings-page.tsx'), 'MeetingsPage');
const ScheduleMeetingPage = page(() => import('./meeting/schedule-meeting-page.tsx'), 'ScheduleMeetingPage');
const MeetingPage = page(() => import('./meeting/meeting-page.tsx'), 'MeetingPage');
const ChangeMeetingPage = page(() => import('./meeting/change-meeting-page.tsx'), 'ChangeMeetingPage');
const NarrativeRoutes = page(() => import('./chronology/narrative-routes.tsx'), 'NarrativeRoutes');
const AnalysisRoutes = page(() => import('./analysis/analysis-routes.tsx'), 'AnalysisRoutes');
const CausalMapRoute = page(() => import('./analysis/analysis-routes.tsx'), 'CausalMapRoute');
const FindingRoutes = page(() => import('./finding/finding-routes.tsx'), 'FindingRoutes');
const QualityRoutes = page(() => import('./quality/quality-routes.tsx'), 'QualityRoutes');
const DraftRequestsRoute = page(() => import('./quality/quality-routes.tsx'), 'DraftRequestsRoute');
const SupervisionRoute = page(() => import('./quality/quality-routes.tsx'), 'SupervisionRoute');
const MonitoringRoute = page(() => import('./quality/quality-routes.tsx'), 'MonitoringRoute');
const ReviewerRoutes = page(() => import('./training/training-routes.tsx'), 'ReviewerRoutes');
const TrainingRoute = page(() => import('./training/training-routes.tsx'), 'TrainingRoute');
const ReportRoutes = page(() => import('./report/report-routes.tsx'), 'ReportRoutes');
const ActionRoutes = page(() => import('./action/action-routes.tsx'), 'ActionRoutes');
const BoardResponseRoute = page(() => import('./action/action-routes.tsx'), 'BoardResponseRoute');
const ActionTrackerRoute = page(() => import('./action/action-routes.tsx'), 'ActionTrackerRoute');
const RetentionRoutes = page(() => import('./retention/retention-routes.tsx'), 'RetentionRoutes');
const EraseReviewPage = page(() => import('./retention/retention-routes.tsx'), 'EraseReviewPage');
const ImportReviewPage = page(() => import('./transfer/import-review-page.tsx'), 'ImportReviewPage');
const LibraryRoutes = page(() => import('./library/library-routes.tsx'), 'LibraryRoutes');
const AnalyticsRoute = page(() => import('./analytics/analytics-routes.tsx'), 'AnalyticsRoute');
const PseudonymRegisterPage = page(
  () => import('./pseudonym/pseudonym-register-page.tsx'),
  'PseudonymRegisterPage',
);
const PublicationPage = page(() => import('./publication/publication-page.tsx'), 'PublicationPage');
const DocumentRoutes = page(() => import('./document/document-routes.tsx'), 'DocumentRoutes');
const ConversationRoutes = page(() => import('./conversation/conversation-routes.tsx'), 'ConversationRoutes');
const ReferenceDataPage = page(() => import('./reference/reference-data-page.tsx'), 'ReferenceDataPage');
const ReferenceKindPage = page(() => import('./reference/reference-kind-page.tsx'), 'ReferenceKindPage');
const LettersPage = page(() => import('./letter/letters-page.tsx'), 'LettersPage');
const LetterTemplatesPage = page(() => import('./letter/letter-templates-page.tsx'), 'LetterTemplatesPage');
const EditLetterTemplatePage = page(
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
