import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { AskAgenciesPage, RecordReplyPage } from './agency-request-pages.tsx';
import { ChangeNotificationPage } from './change-notification-page.tsx';
import { ChangeRapidReviewPage } from './change-rapid-review-page.tsx';
import { NotificationPage } from './notification-page.tsx';
import { NotificationsPage } from './notifications-page.tsx';
import { RapidReviewPage } from './rapid-review-page.tsx';
import { RecordNotificationPage } from './record-notification-page.tsx';
import { ScheduleMeetingPage } from './schedule-meeting-page.tsx';

/** The pages under /partnerships/:partnershipId/notifications: notifications and their rapid reviews. */
export function NotificationsRoutes() {
  const rr = ':notificationId/rapid-review';
  return (
    <Routes>
      <Route index element={<NotificationsPage />} />
      <Route path="new" element={<RecordNotificationPage />} />
      <Route path=":notificationId" element={<NotificationPage />} />
      <Route path=":notificationId/change" element={<ChangeNotificationPage />} />
      <Route path={rr} element={<RapidReviewPage />} />
      <Route path={`${rr}/change`} element={<ChangeRapidReviewPage />} />
      <Route path={`${rr}/agencies/new`} element={<AskAgenciesPage />} />
      <Route path={`${rr}/agencies/:requestId`} element={<RecordReplyPage />} />
      <Route path={`${rr}/meetings/new`} element={<ScheduleMeetingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
