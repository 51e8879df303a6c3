import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { DraftRequestsPage } from './draft-requests-page.tsx';
import { MarkerPage } from './marker-page.tsx';
import { MonitoringPage } from './monitoring-page.tsx';
import { QualityMarkersPage } from './quality-markers-page.tsx';
import { SupervisionPage } from './supervision-page.tsx';

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/quality-markers: the self-assessment. */
export function QualityRoutes() {
  return (
    <Routes>
      <Route index element={<QualityMarkersPage />} />
      <Route path=":markerNumber" element={<OneMarker />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** A marker's page starts afresh for each marker: its form and problems belong to that one. */
function OneMarker() {
  const { markerNumber } = useParams();
  return <MarkerPage key={markerNumber} />;
}

/** The page at /partnerships/:partnershipId/reviews/:reviewId/draft-requests. */
export function DraftRequestsRoute() {
  return <DraftRequestsPage />;
}

/** The page at /partnerships/:partnershipId/reviews/:reviewId/supervision. */
export function SupervisionRoute() {
  return <SupervisionPage />;
}

/** The page at /partnerships/:partnershipId/monitoring. */
export function MonitoringRoute() {
  return <MonitoringPage />;
}
