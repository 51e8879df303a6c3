import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { NarrativePage } from './narrative-page.tsx';

/**
 * A narrative page whose code is loaded when first shown. The narrative itself is not: it is the
 * page people arrive at, and its code stays small without the forms, the import and the timeline.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AddEventPage = page(() => import('./event-edit-pages.tsx'), 'AddEventPage');
const ChangeEventPage = page(() => import('./event-edit-pages.tsx'), 'ChangeEventPage');
const EventPage = page(() => import('./event-page.tsx'), 'EventPage');
const MergeEventPage = page(() => import('./merge-event-page.tsx'), 'MergeEventPage');
const TimelinePage = page(() => import('./timeline-page.tsx'), 'TimelinePage');
const TunnelPage = page(() => import('./tunnel-page.tsx'), 'TunnelPage');
const ImportPage = page(() => import('./import-page.tsx'), 'ImportPage');

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
