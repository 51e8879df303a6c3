import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { AddReviewerPage, ChangeReviewerPage } from './reviewer-edit-pages.tsx';
import { ReviewerPoolPage } from './reviewer-pool-page.tsx';
import { TrainingPage } from './training-page.tsx';
import { TrainingRecordPage } from './training-record-page.tsx';

/** The pages under /partnerships/:partnershipId/reviewers: the reviewer pool and each reviewer's record. */
export function ReviewerRoutes() {
  return (
    <Routes>
      <Route index element={<ReviewerPoolPage />} />
      <Route path="new" element={<AddReviewerPage />} />
      <Route path=":reviewerId" element={<OneReviewer page="record" />} />
      <Route path=":reviewerId/change" element={<OneReviewer page="change" />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** A reviewer's pages start afresh for each reviewer: their forms and problems belong to that one. */
function OneReviewer({ page }: { page: 'record' | 'change' }) {
  const { reviewerId } = useParams();
  return page === 'record' ? (
    <TrainingRecordPage key={reviewerId} />
  ) : (
    <ChangeReviewerPage key={reviewerId} />
  );
}

/** The page at /partnerships/:partnershipId/training: the training programme's cohorts. */
export function TrainingRoute() {
  return <TrainingPage />;
}
