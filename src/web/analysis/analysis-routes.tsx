import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { EpisodePage } from './episode-page.tsx';
import { EpisodesPage } from './episodes-page.tsx';
import { NewEpisodePage } from './new-episode-page.tsx';

// The causal map draws a graph; its code loads only when the map is shown.
const CausalMapPage = lazy(async () => ({ default: (await import('./causal-map-page.tsx')).CausalMapPage }));

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/episodes: the key practice episodes. */
export function AnalysisRoutes() {
  return (
    <Routes>
      <Route index element={<EpisodesPage />} />
      <Route path="new" element={<NewEpisodePage />} />
      <Route path=":episodeId" element={<EpisodePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** The page at /partnerships/:partnershipId/reviews/:reviewId/causal-map (the app's Suspense waits for it). */
export function CausalMapRoute() {
  return <CausalMapPage />;
}
