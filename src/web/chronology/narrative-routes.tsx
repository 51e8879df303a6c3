import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { AddEventPage, ChangeEventPage } from './event-edit-pages.tsx';
import { EventPage } from './event-page.tsx';
import { ImportPage } from './import-page.tsx';
import { MergeEventPage } from './merge-event-page.tsx';
import { NarrativePage } from './narrative-page.tsx';
import { TimelinePage } from './timeline-page.tsx';
import { TunnelPage } from './tunnel-page.tsx';

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
