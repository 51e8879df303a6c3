import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SearchResultDto } from '#domain/search/search.ts';
import { ApiError, api } from '../api/client.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { reviewPath, useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';

const kindLabels: Record<SearchResultDto['kind'], string> = {
  document: 'Document',
  conversation: 'Conversation',
  event: 'Narrative event',
};

/** Search a review's documents, conversation records and narrative events, with matches highlighted. */
export function SearchPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useQuery({
    queryKey: ['search', partnershipId, reviewId, q],
    queryFn: () =>
      api.get<{ query: string; results: SearchResultDto[] }>(
        `${reviewPath(partnershipId, reviewId)}/search?q=${encodeURIComponent(q)}`,
      ),
    enabled: q.length > 0,
    retry: false,
  });
  const fieldError =
    results.error instanceof ApiError ? results.error.fields.find((f) => f.path === 'q')?.message : undefined;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (!review.data) return <Loading />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <Page
      title={[q ? `Search: ${q}` : 'Search', review.data.title]}
      heading="Search the evidence"
      caption={review.data.title}
      errors={fieldError ? [{ field: 'q', message: fieldError }] : undefined}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <form onSubmit={submit} noValidate aria-label="Search the evidence">
          <div className={`govuk-form-group${fieldError ? ' govuk-form-group--error' : ''}`}>
            <label className="govuk-label govuk-label--s" htmlFor="q">
              Words to find in documents, conversations and the narrative
            </label>
            <div className="govuk-hint" id="q-hint">
              Use quotation marks for a phrase, like "strategy discussion", and a minus sign to leave a word
              out.
            </div>
            {fieldError ? (
              <p className="govuk-error-message" id="q-error">
                <span className="govuk-visually-hidden">Error:</span> {fieldError}
              </p>
            ) : null}
            <input
              className={`govuk-input govuk-!-width-two-thirds${fieldError ? ' govuk-input--error' : ''}`}
              id="q"
              name="q"
              type="search"
              value={draft}
              aria-describedby={fieldError ? 'q-hint q-error' : 'q-hint'}
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <button type="submit" className="govuk-button">
            Search
          </button>
        </form>
        {results.isFetching ? (
          <p className="govuk-body" aria-live="polite">
            Searching…
          </p>
        ) : null}
        {results.data ? <Results partnershipId={partnershipId} results={results.data.results} /> : null}
      </ReviewContent>
    </Page>
  );
}

function Results({ results }: { partnershipId: string; results: SearchResultDto[] }) {
  if (results.length === 0) {
    return (
      <p className="govuk-body" role="status">
        Nothing matched. Try fewer or different words.
      </p>
    );
  }
  return (
    <>
      <h2 className="govuk-heading-m" role="status">
        {results.length === 1 ? '1 result' : `${results.length} results`}
      </h2>
      <ol className="govuk-list app-search-results">
        {results.map((r) => (
          <li key={`${r.kind}-${r.id}`} className="govuk-!-margin-bottom-6">
            <strong className="govuk-tag govuk-tag--grey">{kindLabels[r.kind]}</strong>{' '}
            <Link className="govuk-link govuk-!-font-weight-bold" to={r.path}>
              {r.title}
            </Link>
            <p className="govuk-body govuk-!-margin-top-1">
              {r.snippet.map((part, i) =>
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one snippet never reorder
                part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
              )}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}
