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
              <Route path="/password" element={signedIn(PasswordPage)} />
              <Route path="/" element={signedIn(HomePage)} />
              <Route path={p} element={signedIn(PartnershipHomePage)} />
              <Route path={`${p}/agencies`} element={signedIn(AgenciesPage)} />
              <Route path={`${p}/agencies/new`} element={signedIn(AddAgencyPage)} />
              <Route path={`${p}/agencies/:agencyId/change`} element={signedIn(ChangeAgencyPage)} />
              <Route path={`${p}/users`} element={signedIn(UsersPage)} />
              <Route path={`${p}/users/new`} element={signedIn(AddUserPage)} />
              <Route path={`${p}/users/:userId/change`} element={signedIn(ChangeUserPage)} />
              <Route path={`${p}/audit`} element={signedIn(AuditPage)} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </Suspense>
        </ErrorBoundary>
      </Layout>
    </NavigationFocusProvider>
  );
}
