import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazy-page.ts';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { NarrativePage } from './narrative-page.tsx';

// The narrative itself is not loaded lazily: it is the page people arrive at, and its code stays
// small without the forms, the import and the timeline, which are.
const AddEventPage = lazyPage(() => import('./event-edit-pages.tsx'), 'AddEventPage');
const ChangeEventPage = lazyPage(() => import('./event-edit-pages.tsx'), 'ChangeEventPage');
const EventPage = lazyPage(() => import('./event-page.tsx'), 'EventPage');
const MergeEventPage = lazyPage(() => import('./merge-event-page.tsx'), 'MergeEventPage');
const TimelinePage = lazyPage(() => import('./timeline-page.tsx'), 'TimelinePage');
const TunnelPage = lazyPage(() => import('./tunnel-page.tsx'), 'TunnelPage');
const ImportPage = lazyPage(() => import('./import-page.tsx'), 'ImportPage');

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/narrative: the multi-agency narrative. */
export function NarrativeRoutes() {
  return (
    <Routes>
      <Route index element={<NarrativePage />} />
      <Route path="events/new" element={<AddEventPage />} />
      <Route path="events/:eventId" element={<EventPage />} />
      <Route path="events/:eventId/change" element={<ChangeEventPage />} />
      <Route path="events/:eventId/merge" element={<MergeEventPage />} />
      <Route path="timeline" element={<TimelinePage />} />
      <Route path="tunnel" element={<TunnelPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
