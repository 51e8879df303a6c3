import { useState } from 'react';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { SummaryRow, useReviewParams } from '../review/review-overview-page.tsx';
import { type PublicationDto, usePublication, useRecordPublication } from './api.ts';
import { PublicationForm } from './publication-form.tsx';
import { publicationFieldIds } from './publication-form-values.ts';

/**
 * A review's publication record: whether the report is published and why not, notice to the
 * national panel and the Department for Education, when and where it is published, when it may
 * come down and when it went to the NSPCC repository, with what is still needed. The chair and the
 * business manager record it with the form below the summary; the review team and the board read it.
 */
export function PublicationPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const abilities = review.data?.abilities;
  const publication = usePublication(partnershipId, reviewId, Boolean(abilities?.viewPublication));
  const save = useRecordPublication(partnershipId, reviewId);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const serverProblem = useFormProblem(save.error, publicationFieldIds);
  const problem = checked ?? serverProblem;

  if (review.isError) return <QueryProblem error={review.error} />;
  if (!review.data) return <Loading />;
  if (!abilities?.viewPublication)
    return (
      <ForbiddenPage message="Only the review team, the chair, the business manager and the board can see the publication record." />
    );
  if (publication.isError) return <QueryProblem error={publication.error} />;
  const p = publication.data;

  return (
    <Page
      title={['Publication', review.data.title]}
      heading="Publication"
      caption={review.data.title}
      errors={problem?.items}
      banner={saved ? { heading: 'The publication record has been saved' } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <p className="govuk-body">
          Whether the report is published, the notice sent before publication, where it is published and for
          how long, and when it went to the NSPCC national case review repository. A published report stays
          online for at least 12 months.
        </p>
        {!p ? (
          <Loading />
        ) : (
          <>
            <LastChanged publication={p} />
            <Checks checks={p.checks} />
            <h2 className="govuk-heading-m">Publication record</h2>
            <PublicationSummary publication={p} />
            {p.abilities.record ? (
              <>
                <h2 className="govuk-heading-l govuk-!-margin-top-8">Record the publication</h2>
                {/* What was typed stays after a refusal; the next save is based on the record as it is now. */}
                <PublicationForm
                  publication={p}
                  targetPublicationDate={review.data.targetPublicationDate ?? null}
                  pending={save.isPending}
                  problem={problem}
                  onCheck={(found) => {
                    setChecked(found);
                    if (found) setSaved(false);
                  }}
                  onSubmit={(body) => {
                    setSaved(false);
                    save.mutate(body, { onSuccess: () => setSaved(true) });
                  }}
                />
              </>
            ) : null}
          </>
        )}
      </ReviewContent>
    </Page>
  );
}

function LastChanged({ publication }: { publication: PublicationDto }) {
  if (!publication.updatedAt) return <p className="govuk-body">Nobody has recorded anything yet.</p>;
  return (
    <p className="govuk-body">
      Last changed{publication.updatedByName ? ` by ${publication.updatedByName}` : ''} on{' '}
      {formatDateTime(publication.updatedAt)}.
    </p>
  );
}

/** What is still needed for a complete record, as the server works it out. */
function Checks({ checks }: { checks: string[] }) {
  if (checks.length === 0)
    return (
      <p className="govuk-body">
        <strong className="govuk-tag govuk-tag--green">Complete</strong> The publication record is complete.
      </p>
    );
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">Still needed for a complete record</h2>
      <ul className="govuk-list govuk-list--bullet" aria-label="Still needed">
        {checks.map((check) => (
          <li key={check}>{check}</li>
        ))}
      </ul>
    </div>
  );
}

/** The record to read, as a GOV.UK summary list: only the rows the decision calls for. */
function PublicationSummary({ publication: p }: { publication: PublicationDto }) {
  const none = (text = 'Not recorded') => <span className="govuk-hint govuk-!-margin-bottom-0">{text}</span>;
  const date = (iso: string | null, empty = 'Not recorded') => (iso ? formatDate(iso) : none(empty));
  const publish = p.decision === 'publish';
  return (
    <dl className="govuk-summary-list">
      <SummaryRow label="Decision">
        {p.decisionLabel}
        {p.decisionReason ? <p className="govuk-body govuk-!-margin-top-2">{p.decisionReason}</p> : null}
      </SummaryRow>
      {publish ? (
        <SummaryRow label="How it is published">
          {p.formLabel ?? none()}
          {p.formReason ? <p className="govuk-body govuk-!-margin-top-2">{p.formReason}</p> : null}
        </SummaryRow>
      ) : null}
      <SummaryRow label="Notice sent to the Child Safeguarding Practice Review Panel">
        {date(p.panelNoticeSentOn, 'Not sent yet')}
      </SummaryRow>
      <SummaryRow label="Notice sent to the Department for Education">
        {date(p.dfeNoticeSentOn, 'Not sent yet')}
      </SummaryRow>
      {p.decision !== 'not_publish' ? (
        <SummaryRow label="Planned publication date">{date(p.plannedPublicationDate)}</SummaryRow>
      ) : null}
      {publish ? (
        <>
          <SummaryRow label="Date published">{date(p.publishedOn, 'Not published yet')}</SummaryRow>
          <SummaryRow label="Address">
            {p.url ? (
              <a className="govuk-link" href={p.url} rel="noreferrer noopener">
                {p.url}
              </a>
            ) : (
              none()
            )}
          </SummaryRow>
          <SummaryRow label="Earliest it may come down">
            {p.earliestRemovalDate
              ? `${formatDate(p.earliestRemovalDate)} (12 months after ${p.publishedOn ? 'publication' : 'the planned date'})`
              : none('12 months after publication')}
          </SummaryRow>
          <SummaryRow label="Date it comes down">{date(p.removalDate)}</SummaryRow>
          <SummaryRow label="Sent to the NSPCC national case review repository">
            {date(p.repositorySentOn, 'Not sent yet')}
          </SummaryRow>
        </>
      ) : null}
      <SummaryRow label="Notes">{p.notes ?? none('None')}</SummaryRow>
    </dl>
  );
}
