import { useState } from 'react';
import { Link } from 'react-router';
import type { FormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { plural } from '../review/review-bits.tsx';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { FindingQuestions } from './action-bits.tsx';
import { afterReviewPage, boardResponsePath, type FindingResponseDto, useBoardResponse } from './api.ts';
import { BoardResponseForm } from './board-response-form.tsx';
import { LearningBriefingLinks } from './learning-briefing-links.tsx';
import './action.scss';

/**
 * The board's written response to each finding of the review and its issues for the board, with the
 * date the board agreed it: recorded here by the business manager or chair, and published beside the
 * report as a Word document or PDF.
 */
export function BoardResponsePage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewBoardResponse);
  const board = useBoardResponse(partnershipId, reviewId, allowed);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (review.data && !allowed)
    return <ForbiddenPage message="You do not have permission to see the board’s response to this review." />;
  if (board.isError) return <QueryProblem error={board.error} />;
  if (!review.data || !board.data) return <Loading />;
  const r = review.data;
  const data = board.data;
  const showActions = Boolean(r.abilities.viewActions);

  return (
    <Page
      title={['Board response', r.title]}
      heading="The board’s response"
      caption={r.title}
      errors={problem?.items}
      width="full"
      banner={saved && !problem ? { heading: saved } : null}
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          The safeguarding partnership’s answer to each finding and the issues it raises for the board. It is
          published beside the report.
        </p>
        <p className="govuk-body">
          {data.findings.length === 0
            ? 'The review has no findings yet.'
            : `The board has agreed its response to ${data.agreedCount} of ${plural(data.findings.length, 'finding', 'findings')}.`}
        </p>
        {data.abilities.download && data.findings.length > 0 ? (
          <ResponseDownloads partnershipId={partnershipId} reviewId={reviewId} />
        ) : null}
        {r.abilities.generateBriefing && data.findings.length > 0 ? (
          <LearningBriefingLinks partnershipId={partnershipId} reviewId={reviewId} />
        ) : null}
        {data.findings.map((f) => (
          <section key={f.findingId} aria-labelledby={`finding-${f.findingNumber}-heading`}>
            <h2 className="govuk-heading-m" id={`finding-${f.findingNumber}-heading`}>
              Finding {f.findingNumber}
            </h2>
            <FindingQuestions finding={f} />
            {showActions ? (
              <p className="govuk-body">
                <Link
                  className="govuk-link"
                  to={`${afterReviewPage(partnershipId, reviewId, 'actions')}#finding-${f.findingNumber}`}
                >
                  {f.actionCount === 0
                    ? 'No actions answer this finding yet'
                    : `${plural(f.actionCount, 'action answers', 'actions answer')} this finding`}
                </Link>
              </p>
            ) : null}
            {data.abilities.record ? (
              <BoardResponseForm
                partnershipId={partnershipId}
                reviewId={reviewId}
                finding={f}
                onSaved={(message) => {
                  setProblem(null);
                  setSaved(message);
                }}
                onProblem={(p) => {
                  setProblem(p);
                  if (p) setSaved(null);
                }}
              />
            ) : (
              <RecordedResponse finding={f} />
            )}
            <hr className="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
          </section>
        ))}
      </ReviewContent>
    </Page>
  );
}

/** The response as recorded, for those who read it. */
function RecordedResponse({ finding: f }: { finding: FindingResponseDto }) {
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">The board’s response</dt>
        <dd className="govuk-summary-list__value app-action-text">{f.response ?? 'Not recorded yet'}</dd>
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Agreed by the board</dt>
        <dd className="govuk-summary-list__value">
          {f.agreedOn ? formatDate(f.agreedOn) : f.response ? 'Not yet: this is a draft' : 'Not yet'}
          {f.updatedAt && f.updatedByName ? (
            <p className="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1">
              Last changed by {f.updatedByName} on {formatDateTime(f.updatedAt)}
            </p>
          ) : null}
        </dd>
      </div>
    </dl>
  );
}

/** The response as a publishable document: Word to edit, PDF to publish. */
function ResponseDownloads({ partnershipId, reviewId }: { partnershipId: string; reviewId: string }) {
  return (
    <ul className="govuk-list">
      <li>
        <a className="govuk-link" href={boardResponsePath(partnershipId, reviewId, 'files/docx')} download>
          Download the board’s response as a Word document (DOCX)
        </a>
      </li>
      <li>
        <a className="govuk-link" href={boardResponsePath(partnershipId, reviewId, 'files/pdf')} download>
          Download the board’s response as a PDF
        </a>
      </li>
    </ul>
  );
}
