import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { mayCommission } from '#domain/review/policy.ts';
import { ApiError } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { ErrorMessage, TextField } from '../components/form-fields.tsx';
import { formProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { clientProblem } from '../review/client-problem.ts';
import { importReviewFile, type ReviewImportDto } from './api.ts';

const fieldIds = ['file', 'title'];
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The server's problems with the file, each saying where in the file it is (table, row, column). */
function problemsOf(error: unknown): { items: ErrorSummaryItem[]; fields: Record<string, string> } {
  if (
    error instanceof ApiError &&
    error.fields.length > 0 &&
    error.fields.some((f) => !fieldIds.includes(f.path))
  ) {
    return {
      items: error.fields.map((f) => ({
        message: fieldIds.includes(f.path) || f.path === '(body)' ? f.message : `${f.path}: ${f.message}`,
      })),
      fields: {},
    };
  }
  const p = formProblem(error, fieldIds);
  return { items: p?.items ?? [], fields: p?.fields ?? {} };
}

/**
 * Import a review exported from Sightlines (here or in another partnership) as a new review: the
 * file is checked first, and either everything in it is imported or nothing is.
 */
export function ImportReviewPage() {
  const { partnershipId, membership } = useMembership();
  const csrfToken = useSession().data?.csrfToken ?? null;
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [problems, setProblems] = useState<{
    items: ErrorSummaryItem[];
    fields: Record<string, string>;
  } | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<ReviewImportDto | null>(null);
  const reviews = `/partnerships/${partnershipId}/reviews`;

  if (membership && !mayCommission(membership.role)) {
    return (
      <Page title={['Import a review']} heading="Import a review">
        <p className="govuk-body">Only the partnership’s admins and business managers can import reviews.</p>
      </Page>
    );
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientProblem(
      {
        file: !file
          ? 'Select the review export file'
          : !file.name.toLowerCase().endsWith('.json')
            ? 'The selected file must be a review export (.json)'
            : file.size === 0
              ? 'The selected file is empty'
              : '',
      },
      fieldIds,
    );
    setProblems(found);
    if (found || !file) return;
    setPending(true);
    try {
      setDone(await importReviewFile(partnershipId, file, csrfToken, title.trim() || undefined));
    } catch (error) {
      setProblems(problemsOf(error));
    } finally {
      setPending(false);
    }
  };

  if (done) {
    const rows = Object.values(done.counts).reduce((n, c) => n + c, 0);
    return (
      <Page
        title={['Review imported', 'Reviews']}
        heading="Review imported"
        banner={{ heading: `${done.title} was imported as a new review` }}
      >
        <p className="govuk-body">
          It holds {plural(rows, 'record')} and {plural(done.files, 'document file')}.
        </p>
        {done.unmatchedPeople.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">People without an account here</h2>
            <p className="govuk-body">
              These people are on the review without an account in this partnership. Invite them from the
              review’s people page if they need to take part.
            </p>
            <ul className="govuk-list govuk-list--bullet">
              {done.unmatchedPeople.map((p) => (
                <li key={p.email}>
                  {p.name} ({p.email})
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {done.addedAgencies.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Agencies added to the partnership</h2>
            <ul className="govuk-list govuk-list--bullet">
              {done.addedAgencies.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`${reviews}/${done.reviewId}`}>
            Go to the imported review
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={['Import a review', 'Reviews']}
      heading="Import a review"
      caption={membership?.partnershipName}
      errors={problems?.items}
    >
      <p className="govuk-body">
        Use a file made with “Export this review”, from this partnership or another one using Sightlines. The
        file is checked first. If there is a problem, nothing is imported and every problem is listed.
      </p>
      <p className="govuk-body">
        The review is added as a new review. People are matched to this partnership’s accounts by email
        address, and agencies by name; agencies this partnership does not have are added.
      </p>
      <form noValidate onSubmit={submit}>
        <div className={`govuk-form-group${problems?.fields.file ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-label--s" htmlFor="file">
            Review export file
          </label>
          <div id="file-hint" className="govuk-hint">
            A .json file
          </div>
          {problems?.fields.file ? <ErrorMessage id="file-error">{problems.fields.file}</ErrorMessage> : null}
          <input
            className={`govuk-file-upload${problems?.fields.file ? ' govuk-file-upload--error' : ''}`}
            id="file"
            name="file"
            type="file"
            accept=".json,application/json"
            aria-describedby={`file-hint${problems?.fields.file ? ' file-error' : ''}`}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <TextField
          id="title"
          label="Title of the new review (optional)"
          hint="Leave it empty to use the exported title with “(imported)” after it"
          value={title}
          onChange={setTitle}
          error={problems?.fields.title}
        />
        {pending ? (
          <p className="govuk-body" role="status">
            Importing the review… This can take a minute for a large review.
          </p>
        ) : null}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
            Import review
          </button>
          <Link className="govuk-link" to={reviews}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
