import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { LibraryPage } from './library-page.tsx';
import { LibrarySettingsPage } from './library-settings-page.tsx';

/** The pages under /partnerships/:partnershipId/library: the search, and its sharing and imports. */
export function LibraryRoutes() {
  return (
    <Routes>
      <Route index element={<LibraryPage />} />
      <Route path="settings" element={<LibrarySettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
