import { AnalyticsPage } from './analytics-page.tsx';

/** The page at /partnerships/:partnershipId/analytics; its charts load only with it. */
export function AnalyticsRoute() {
  return <AnalyticsPage />;
}
