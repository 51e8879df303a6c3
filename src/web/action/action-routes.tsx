import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { ActionFormPage } from './action-form-page.tsx';
import { ActionsPage } from './actions-page.tsx';
import { BoardResponsePage } from './board-response-page.tsx';
import { TrackerPage } from './tracker-page.tsx';

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/actions: the review's action plan. */
export function ActionRoutes() {
  return (
    <Routes>
      <Route index element={<ActionsPage />} />
      <Route path="new" element={<ActionFormPage />} />
      <Route path=":actionId" element={<OneAction />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** An action's page starts afresh for each action: its form and problems belong to that one. */
function OneAction() {
  const { actionId } = useParams();
  return <ActionFormPage key={actionId} />;
}

/** The page at /partnerships/:partnershipId/reviews/:reviewId/board-response. */
export function BoardResponseRoute() {
  return <BoardResponsePage />;
}

/** The page at /partnerships/:partnershipId/actions: the partnership's action tracker. */
export function ActionTrackerRoute() {
  return <TrackerPage />;
}
