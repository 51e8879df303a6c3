import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { FindingPage } from './finding-page.tsx';
import { FindingsPage } from './findings-page.tsx';
import { NewFindingPage } from './new-finding-page.tsx';

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/findings: the review's findings. */
export function FindingRoutes() {
  return (
    <Routes>
      <Route index element={<FindingsPage />} />
      <Route path="new" element={<NewFindingPage />} />
      <Route path=":findingId" element={<OneFinding />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** A finding's page starts afresh for each finding: its form, banner and problems belong to that one. */
function OneFinding() {
  const { findingId } = useParams();
  return <FindingPage key={findingId} />;
}
