import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { ChangeConversationPage } from './change-conversation-page.tsx';
import { ConversationPage } from './conversation-page.tsx';
import { ConversationsPage } from './conversations-page.tsx';
import { RecordConversationPage } from './record-conversation-page.tsx';

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/conversations. */
export function ConversationRoutes() {
  return (
    <Routes>
      <Route index element={<ConversationsPage />} />
      <Route path="new" element={<RecordConversationPage />} />
      <Route path=":conversationId" element={<ConversationPage />} />
      <Route path=":conversationId/change" element={<ChangeConversationPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
