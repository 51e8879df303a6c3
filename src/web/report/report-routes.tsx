import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { ComparePage } from './compare-page.tsx';
import { ReportPage } from './report-page.tsx';
import { VersionPage } from './version-page.tsx';

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/report: the review's report and its versions. */
export function ReportRoutes() {
  return (
    <Routes>
      <Route index element={<ReportPage />} />
      <Route path="versions/:versionNumber" element={<OneVersion />} />
      <Route path="compare" element={<ComparePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** A version's page starts afresh for each version: its forms, banner and problems belong to that one. */
function OneVersion() {
  const { versionNumber } = useParams();
  return <VersionPage key={versionNumber} />;
}
