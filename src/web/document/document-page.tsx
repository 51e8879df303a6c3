import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { formatSize } from '#domain/document/content.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { documentsPath, useDocument } from './api.ts';
import { dateRange, RestrictionTag } from './documents-page.tsx';

/** One document: its details, a preview for PDFs and images, and the download. Opening it is audited. */
export function DocumentPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const documentId = useParams().documentId ?? '';
  const review = useReview(partnershipId, reviewId);
  const document = useDocument(partnershipId, reviewId, documentId);
  if (review.isError) return <QueryProblem error={review.error} />;
  if (document.isError) return <QueryProblem error={document.error} />;
  if (!review.data || !document.data) return <Loading />;
  const d = document.data;
  const api = documentsPath(partnershipId, reviewId, d.id);
  const row = (key: string, value: ReactNode) => (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{key}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );

  return (
    <Page
      title={[d.title, 'Documents', review.data.title]}
      heading={d.title}
      caption={review.data.title}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <dl className="govuk-summary-list">
          {row('Kind', d.kindLabel)}
          {row('Agency', d.agencyName ?? 'Not given')}
          {row('Period it covers', dateRange(d))}
          {row('Who may see it', <RestrictionTag document={d} />)}
          {row('File', `${d.originalFilename} (${d.typeLabel}, ${formatSize(d.sizeBytes)})`)}
          {row('Uploaded', `${formatDateTime(d.uploadedAt)}${d.uploadedBy ? ` by ${d.uploadedBy}` : ''}`)}
          {row('Searchable text', d.hasText ? 'Yes' : 'No text could be read from this file')}
        </dl>
        <div className="govuk-inset-text">
          Opening or downloading a document is recorded in the audit log.
        </div>
        <div className="govuk-button-group">
          {d.abilities.preview ? (
            <a
              className="govuk-button govuk-button--secondary"
              href={`${api}/preview`}
              target="_blank"
              rel="noopener noreferrer"
            >
              Preview <span className="govuk-visually-hidden">{d.title}</span> (opens in new tab)
            </a>
          ) : null}
          <a className="govuk-button" href={`${api}/content`} download>
            Download <span className="govuk-visually-hidden">{d.title}</span>
          </a>
        </div>
        {!d.abilities.preview ? (
          <p className="govuk-body">This kind of file cannot be previewed. Download it to open it.</p>
        ) : null}
      </ReviewContent>
    </Page>
  );
}
