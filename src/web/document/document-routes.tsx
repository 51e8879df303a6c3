import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../components/problem-pages.tsx';
import { DocumentPage } from './document-page.tsx';
import { DocumentsPage } from './documents-page.tsx';
import { UploadDocumentPage } from './upload-page.tsx';

/** The pages under /partnerships/:partnershipId/reviews/:reviewId/documents. */
export function DocumentRoutes() {
  return (
    <Routes>
      <Route index element={<DocumentsPage />} />
      <Route path="new" element={<UploadDocumentPage />} />
      <Route path=":documentId" element={<DocumentPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
