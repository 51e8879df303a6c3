import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type DocumentRestriction, documentKinds, documentRestrictions } from '#domain/document/document.ts';
import { useAgencies } from '../api/partnership.ts';
import { useSession } from '../api/session.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { describedBy, ErrorMessage, SelectField, TextField } from '../components/form-fields.tsx';
import { type FormProblem, formProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { useReview } from '../review/api.ts';
import { clientProblem } from '../review/client-problem.ts';
import { type DateParts, emptyDate, parseDateParts } from '../review/dates.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { documentsPage, documentsPath, uploadDocument, useDocuments, useForgetDocuments } from './api.ts';
import type { DocumentsState } from './documents-page.tsx';

const fieldIds = ['file', 'title', 'kind', 'agencyId', 'dateFrom', 'dateTo', 'restriction'] as const;
const restrictionHints: Record<DocumentRestriction, string> = {
  lead_reviewers: 'For sensitive records only the lead reviewers need to read',
  review_team: 'The lead reviewers, business manager and the review team members from each agency',
  case_group: 'Also the practitioners in the case group, for example a document they will discuss',
};

/** Upload a document as evidence, with its kind, agency, the dates it covers and who may see it. */
export function UploadDocumentPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const documents = useDocuments(partnershipId, reviewId, {});
  const agencies = useAgencies(partnershipId);
  const csrfToken = useSession().data?.csrfToken ?? null;
  const forget = useForgetDocuments(partnershipId, reviewId);
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('');
  const [agencyId, setAgencyId] = useState('');
  const [dateFrom, setDateFrom] = useState<DateParts>(emptyDate);
  const [dateTo, setDateTo] = useState<DateParts>(emptyDate);
  const [restriction, setRestriction] = useState<string>('review_team');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  if (review.isError) return <QueryProblem error={review.error} />;
  if (documents.isError) return <QueryProblem error={documents.error} />;
  if (!review.data || !documents.data) return <Loading />;
  if (!documents.data.abilities.upload)
    return <ForbiddenPage message="You do not have permission to upload documents to this review." />;
  const listPath = documentsPage(partnershipId, reviewId);
  const canChooseLeadOnly = review.data.abilities.editReview || review.data.abilities.recordConversations;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (progress !== null) return;
    const from = parseDateParts(dateFrom, 'the start date');
    const to = parseDateParts(dateTo, 'the end date');
    const found = clientProblem(
      {
        file: !file ? 'Select a file to upload' : file.size === 0 ? 'The selected file is empty' : '',
        kind: kind ? '' : 'Select the kind of document',
        dateFrom: from.ok ? '' : from.message,
        dateTo: to.ok
          ? from.ok && from.iso && to.iso && to.iso < from.iso
            ? 'The end date must be the same as or after the start date'
            : ''
          : to.message,
      },
      fieldIds,
    );
    setProblem(found);
    if (found || !file || !from.ok || !to.ok) return;
    const form = new FormData();
    form.set('title', title);
    form.set('kind', kind);
    form.set('agencyId', agencyId);
    form.set('dateFrom', from.iso ?? '');
    form.set('dateTo', to.iso ?? '');
    form.set('restriction', restriction);
    form.set('file', file);
    setProgress(0);
    try {
      const saved = await uploadDocument(
        documentsPath(partnershipId, reviewId),
        form,
        csrfToken,
        setProgress,
      );
      await forget();
      navigate(listPath, {
        state: { banner: `‘${saved.title}’ has been uploaded` } satisfies DocumentsState,
      });
    } catch (error) {
      setProblem(formProblem(error, fieldIds));
    } finally {
      setProgress(null);
    }
  };

  const fileError = problem?.fields.file;
  return (
    <Page
      title={['Upload a document', review.data.title]}
      heading="Upload a document"
      caption={review.data.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <form onSubmit={submit} noValidate>
          <div className={`govuk-form-group${fileError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="file">
              Upload a file
            </label>
            <div id="file-hint" className="govuk-hint">
              PDF, Word, Excel, CSV, text, email (.eml) or an image (PNG, JPEG, GIF, WebP)
            </div>
            {fileError ? <ErrorMessage id="file-error">{fileError}</ErrorMessage> : null}
            <input
              className={`govuk-file-upload${fileError ? ' govuk-file-upload--error' : ''}`}
              id="file"
              name="file"
              type="file"
              accept=".pdf,.docx,.xlsx,.csv,.txt,.eml,.png,.jpg,.jpeg,.gif,.webp"
              aria-describedby={describedBy('file', true, fileError)}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
          <TextField
            id="title"
            label="Title (optional)"
            hint="If you leave this empty, the file name is used"
            value={title}
            onChange={setTitle}
            error={problem?.fields.title}
          />
          <SelectField
            id="kind"
            label="Kind of document"
            value={kind}
            onChange={setKind}
            emptyLabel="Select the kind of document"
            choices={Object.entries(documentKinds).map(([value, label]) => ({ value, label }))}
            error={problem?.fields.kind}
          />
          <SelectField
            id="agencyId"
            label="Agency (optional)"
            hint="The agency the document came from"
            value={agencyId}
            onChange={setAgencyId}
            emptyLabel="Not from one agency"
            choices={(agencies.data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name }))}
            error={problem?.fields.agencyId}
          />
          <DateInputField
            id="dateFrom"
            legend="Start of the period it covers (optional)"
            hint="For example, 27 3 2024"
            value={dateFrom}
            onChange={setDateFrom}
            error={problem?.fields.dateFrom}
            spellCheck={false}
          />
          <DateInputField
            id="dateTo"
            legend="End of the period it covers (optional)"
            hint="For example, 31 12 2024"
            value={dateTo}
            onChange={setDateTo}
            error={problem?.fields.dateTo}
            spellCheck={false}
          />
          <RadiosField
            id="restriction"
            legend="Who may see it"
            value={restriction}
            onChange={setRestriction}
            error={problem?.fields.restriction}
            choices={(Object.keys(documentRestrictions) as DocumentRestriction[])
              .filter((r) => r !== 'lead_reviewers' || canChooseLeadOnly)
              .map((r) => ({ value: r, label: documentRestrictions[r], hint: restrictionHints[r] }))}
          />
          <p className="govuk-body" role="status" aria-live="polite">
            {progress === null ? '' : `Uploading… ${Math.round(progress * 100)}%`}
          </p>
          <div className="govuk-button-group">
            <button
              type="submit"
              className="govuk-button"
              disabled={progress !== null}
              aria-disabled={progress !== null}
            >
              Upload document
            </button>
            <Link className="govuk-link" to={listPath}>
              Cancel
            </Link>
          </div>
        </form>
      </ReviewContent>
    </Page>
  );
}
