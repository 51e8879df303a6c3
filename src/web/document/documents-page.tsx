import { type FormEvent, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { formatSize } from '#domain/document/content.ts';
import { type DocumentRestriction, documentKinds } from '#domain/document/document.ts';
import { ApiError } from '../api/client.ts';
import { useAgencies } from '../api/partnership.ts';
import { SelectField } from '../components/form-fields.tsx';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type DocumentDto, documentsPage, useDocuments } from './api.ts';

export type DocumentsState = { banner?: string } | null;

const tagClass: Record<DocumentRestriction, string> = {
  lead_reviewers: 'govuk-tag govuk-tag--red',
  review_team: 'govuk-tag govuk-tag--blue',
  case_group: 'govuk-tag govuk-tag--green',
};

/** The restriction of a document as a coloured tag. */
export function RestrictionTag({
  document: d,
}: {
  document: Pick<DocumentDto, 'restriction' | 'restrictionLabel'>;
}) {
  return <strong className={tagClass[d.restriction]}>{d.restrictionLabel}</strong>;
}

/** A document's date range in words: "2 January 2024 to 1 March 2024", or what is known of it. */
export function dateRange(d: Pick<DocumentDto, 'dateFrom' | 'dateTo'>): string {
  if (d.dateFrom && d.dateTo)
    return d.dateFrom === d.dateTo
      ? formatDate(d.dateFrom)
      : `${formatDate(d.dateFrom)} to ${formatDate(d.dateTo)}`;
  if (d.dateFrom) return `From ${formatDate(d.dateFrom)}`;
  if (d.dateTo) return `Up to ${formatDate(d.dateTo)}`;
  return 'Not given';
}

/** The review's documents the person may see, with filters by agency and kind. */
export function DocumentsPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const [params, setParams] = useSearchParams();
  const filters = { agencyId: params.get('agencyId') ?? undefined, kind: params.get('kind') ?? undefined };
  const review = useReview(partnershipId, reviewId);
  const documents = useDocuments(partnershipId, reviewId, filters);
  const agencies = useAgencies(partnershipId);
  const banner = (useLocation().state as DocumentsState)?.banner;
  const [agencyId, setAgencyId] = useState(filters.agencyId ?? '');
  const [kind, setKind] = useState(filters.kind ?? '');
  const closed = documents.error instanceof ApiError && documents.error.status === 403;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (documents.isError && !closed) return <QueryProblem error={documents.error} />;
  if (!review.data) return <Loading />;
  const list = documents.data?.documents ?? [];
  const filtered = Boolean(filters.agencyId || filters.kind);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (agencyId) next.set('agencyId', agencyId);
    if (kind) next.set('kind', kind);
    setParams(next);
  };

  return (
    <Page
      title={['Documents', review.data.title]}
      heading="Documents"
      caption={review.data.title}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      {closed ? (
        <ReviewContent>
          <p className="govuk-body">No documents have been shared with you in this review.</p>
        </ReviewContent>
      ) : (
        <>
          <ReviewContent>
            <p className="govuk-body">
              Agency records and other documents gathered as evidence. You see the documents shared with your
              part in the review.
            </p>
            {documents.data?.abilities.upload ? (
              <Link className="govuk-button" to={documentsPage(partnershipId, reviewId, 'new')}>
                Upload a document
              </Link>
            ) : null}
            <form className="app-document-filters" onSubmit={apply} aria-label="Filter documents">
              <SelectField
                id="agencyId"
                label="Agency"
                value={agencyId}
                onChange={setAgencyId}
                emptyLabel="All agencies"
                choices={(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
              <SelectField
                id="kind"
                label="Kind of document"
                value={kind}
                onChange={setKind}
                emptyLabel="All kinds"
                choices={Object.entries(documentKinds).map(([value, label]) => ({ value, label }))}
              />
              <button type="submit" className="govuk-button govuk-button--secondary">
                Apply filters
              </button>
            </form>
          </ReviewContent>
          {!documents.data ? <Loading /> : null}
          {documents.data && list.length === 0 ? (
            <p className="govuk-body">
              {filtered ? 'No documents match these filters.' : 'No documents have been uploaded yet.'}
            </p>
          ) : null}
          {list.length > 0 ? (
            <DocumentsTable partnershipId={partnershipId} reviewId={reviewId} documents={list} />
          ) : null}
        </>
      )}
    </Page>
  );
}

function DocumentsTable(props: { partnershipId: string; reviewId: string; documents: DocumentDto[] }) {
  return (
    <ScrollableTable label="Documents">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {props.documents.length === 1 ? '1 document' : `${props.documents.length} documents`}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {['Title', 'Kind', 'Agency', 'Dates', 'Who may see it', 'Size', 'Uploaded'].map((h) => (
              <th key={h} scope="col" className="govuk-table__header">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {props.documents.map((d) => (
            <tr key={d.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={documentsPage(props.partnershipId, props.reviewId, d.id)}>
                  {d.title}
                </Link>
                <br />
                <span className="govuk-hint govuk-!-font-size-16">{d.typeLabel}</span>
              </td>
              <td className="govuk-table__cell">{d.kindLabel}</td>
              <td className="govuk-table__cell">{d.agencyName ?? 'Not given'}</td>
              <td className="govuk-table__cell">{dateRange(d)}</td>
              <td className="govuk-table__cell">
                <RestrictionTag document={d} />
              </td>
              <td className="govuk-table__cell">{formatSize(d.sizeBytes)}</td>
              <td className="govuk-table__cell">
                {formatDateTime(d.uploadedAt)}
                {d.uploadedBy ? ` by ${d.uploadedBy}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
