import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useAgencies } from '../api/partnership.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { type ReviewDto, reviewPage, useReview, useUpdateReview } from './api.ts';
import { formatDate } from './dates.ts';
import { ReviewContent, ReviewNavigation } from './review-navigation.tsx';
import { type OverviewPageState, SummaryRow, useReviewParams } from './review-overview-page.tsx';
import { placeListProblems, TermsForm, type TermsValues, termsFieldIds, termsInput } from './terms-form.tsx';

type Sent = { researchQuestions: string[]; signOffChain: string[] };

/**
 * The review's terms of reference: a form for those who may change them (the business manager and
 * lead reviewers), otherwise a summary. Opening it at "#field" goes straight to that question.
 */
export function TermsOfReferencePage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const canEdit = Boolean(review.data?.abilities.editReview);
  const agencies = useAgencies(partnershipId, canEdit);
  const update = useUpdateReview(partnershipId, reviewId);
  const navigate = useNavigate();
  const { hash } = useLocation();
  const [checked, setChecked] = useState<ReturnType<typeof useFormProblem>>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const serverProblem = useFormProblem(update.error, termsFieldIds);
  const placed = useMemo(
    () => placeListProblems(serverProblem, sent, update.error instanceof ApiError ? update.error.fields : []),
    [serverProblem, sent, update.error],
  );
  const problem = checked ?? placed.problem;
  const ready = Boolean(review.data && (!canEdit || agencies.data));

  // Arriving at "…/terms#scopeFrom" (from the overview's checklist) goes to that question, after the
  // page has put focus on its heading.
  useEffect(() => {
    if (!ready || !hash) return;
    const timer = setTimeout(() => {
      const target = document.getElementById(decodeURIComponent(hash.slice(1)));
      target?.scrollIntoView?.();
      target?.focus({ preventScroll: true });
    }, 0);
    return () => clearTimeout(timer);
  }, [ready, hash]);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  if (!review.data) return <Loading />;
  const r = review.data;
  if (!r.termsOfReference && !canEdit) return <NotFoundPage />;

  const onSubmit = (values: TermsValues) => {
    const result = termsInput(values, r.version);
    if ('items' in result) {
      setChecked(result);
      return;
    }
    setChecked(null);
    setSent(result.sent);
    update.mutate(result.input, {
      onSuccess: () => {
        const state: OverviewPageState = { banner: 'The terms of reference have been saved' };
        navigate(reviewPage(partnershipId, reviewId), { state });
      },
    });
  };

  return (
    <Page
      title={['Terms of reference', r.title]}
      heading="Terms of reference"
      caption={r.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={r.id} review={r} />
      <ReviewContent>
        {canEdit ? (
          agencies.data ? (
            <>
              <p className="govuk-body">
                What the review will look at, what the partnership wants to learn, and how it will be run and
                signed off. Save your changes at the end of the page.
              </p>
              <TermsForm
                key={`${r.id}:${r.version}`}
                review={r}
                agencies={agencies.data.agencies}
                pending={update.isPending}
                problem={problem}
                itemErrors={checked ? {} : placed.itemErrors}
                cancelTo={reviewPage(partnershipId, reviewId)}
                onSubmit={onSubmit}
              />
            </>
          ) : (
            <Loading />
          )
        ) : (
          <TermsSummary review={r} />
        )}
      </ReviewContent>
    </Page>
  );
}

/** The terms of reference to read, for those who may see but not change them. */
function TermsSummary({ review }: { review: ReviewDto }) {
  const t = review.termsOfReference;
  if (!t) return null;
  const none = <span className="govuk-hint govuk-!-margin-bottom-0">Not recorded yet</span>;
  const questions = [...t.researchQuestions].sort((a, b) => a.position - b.position);
  return (
    <>
      <dl className="govuk-summary-list">
        <SummaryRow label="Type of review">{review.typeLabel}</SummaryRow>
        <SummaryRow label="Review variant">{review.variantLabel}</SummaryRow>
        <SummaryRow label="Purpose">{t.purposeStatement || none}</SummaryRow>
        <SummaryRow label="Scope period">
          {t.scopeFrom && t.scopeTo ? `${formatDate(t.scopeFrom)} to ${formatDate(t.scopeTo)}` : none}
        </SummaryRow>
        <SummaryRow label="Why this approach is proportionate">
          {t.proportionalityRationale || none}
        </SummaryRow>
        <SummaryRow label="Decision">
          {t.decisionDate ? <p className="govuk-body">Decided on {formatDate(t.decisionDate)}</p> : null}
          {t.decisionRationale || none}
        </SummaryRow>
        <SummaryRow label="Agencies in scope">
          {t.agencies.length > 0 ? (
            <ul className="govuk-list">
              {t.agencies.map((a) => (
                <li key={a.id}>{a.name}</li>
              ))}
            </ul>
          ) : (
            none
          )}
        </SummaryRow>
        <SummaryRow label="Quality assurance">{t.qualityAssurer || none}</SummaryRow>
        <SummaryRow label="Sign-off chain">
          {t.signOffChain.length > 0 ? (
            <ol className="govuk-list govuk-list--number">
              {t.signOffChain.map((step, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps are plain text and may repeat
                <li key={i}>{step}</li>
              ))}
            </ol>
          ) : (
            none
          )}
        </SummaryRow>
        <SummaryRow label="Meetings planned">
          {t.plannedReviewTeamMeetings} review team, {t.plannedJointMeetings} joint
        </SummaryRow>
        <SummaryRow label="Target publication">{formatDate(review.targetPublicationDate)}</SummaryRow>
      </dl>
      <h2 className="govuk-heading-m">Research questions</h2>
      {questions.length > 0 ? (
        <ol className="govuk-list govuk-list--number govuk-list--spaced">
          {questions.map((q) => (
            <li key={q.id}>{q.text}</li>
          ))}
        </ol>
      ) : (
        <p className="govuk-body">There are no research questions yet.</p>
      )}
    </>
  );
}
