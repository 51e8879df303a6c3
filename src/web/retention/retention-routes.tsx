import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { RetentionSettingsPage } from './retention-settings-page.tsx';
import { ReviewsDueForErasurePage } from './reviews-due-page.tsx';
import { SubjectAccessPage } from './subject-access-page.tsx';

export { EraseReviewPage } from './erase-review-page.tsx';

/** The pages under /partnerships/:partnershipId/retention: the period, reviews due, subject access. */
export function RetentionRoutes() {
  return (
    <Routes>
      <Route index element={<RetentionSettingsPage />} />
      <Route path="due" element={<ReviewsDueForErasurePage />} />
      <Route path="subject-access" element={<SubjectAccessPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
