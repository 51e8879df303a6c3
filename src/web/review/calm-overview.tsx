import { Link } from 'react-router';
import { useParticipants } from '../participant/api.ts';
import { type ReviewDto, reviewPage } from './api.ts';
import { formatDate } from './dates.ts';
import { hasRole, rolesInWords } from './review-bits.tsx';

/**
 * The overview for the case group, family and board: what the review is, where it has got to, the
 * person's part in it and who to contact. Kept short and calm; nothing about other people's practice.
 */
export function CalmOverview({ partnershipId, review }: { partnershipId: string; review: ReviewDto }) {
  const participants = useParticipants(partnershipId, review.id, Boolean(review.abilities.viewParticipants));
  const people = participants.data?.participants.filter((p) => p.status !== 'removed') ?? [];
  const names = (roles: string[]) =>
    people
      .filter((p) => roles.includes(p.role))
      .map((p) => p.name)
      .join(', ');
  const leads = names(['lead_reviewer']);
  const managers = names(['business_manager']);
  const inCaseGroup = hasRole(review.myRoles, 'case_group_member');
  const isFamily = hasRole(review.myRoles, 'family_member');
  const terms = review.termsOfReference;

  return (
    <>
      {review.myRoles.length > 0 ? (
        <p className="govuk-body-l">You are taking part as: {rolesInWords(review.myRoles).toLowerCase()}.</p>
      ) : null}
      {inCaseGroup ? (
        <div className="govuk-inset-text">
          This review is about learning how agencies work together, not about blaming anyone. The lead
          reviewers want to understand what it was like to work on this case at the time, and why things made
          sense then.
        </div>
      ) : null}
      {isFamily ? (
        <div className="govuk-inset-text">
          Your views matter to this review. The lead reviewers will talk with you about how you would like to
          take part.
        </div>
      ) : null}

      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Where the review is now</dt>
          <dd className="govuk-summary-list__value">{review.stageLabel}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Lead reviewers</dt>
          <dd className="govuk-summary-list__value">{leads || 'Not yet chosen'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Business manager</dt>
          <dd className="govuk-summary-list__value">{managers || 'The partnership’s business team'}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Expected publication</dt>
          <dd className="govuk-summary-list__value">{formatDate(review.targetPublicationDate)}</dd>
        </div>
      </dl>

      {review.abilities.viewOwnMeetings || review.abilities.viewAllMeetings ? (
        <>
          <h2 className="govuk-heading-m">Your meetings</h2>
          <p className="govuk-body">
            <Link className="govuk-link" to={reviewPage(partnershipId, review.id, 'meetings')}>
              See the meetings and conversations you are invited to
            </Link>
          </p>
        </>
      ) : null}

      <h2 className="govuk-heading-m">Questions</h2>
      <p className="govuk-body">
        If you have questions about the review or your part in it, contact the lead reviewers or the business
        manager.
      </p>

      {terms ? (
        <>
          <h2 className="govuk-heading-m">What the review wants to learn</h2>
          {terms.purposeStatement ? <p className="govuk-body">{terms.purposeStatement}</p> : null}
          {terms.researchQuestions.length > 0 ? (
            <ol className="govuk-list govuk-list--number">
              {[...terms.researchQuestions]
                .sort((a, b) => a.position - b.position)
                .map((q) => (
                  <li key={q.id}>{q.text}</li>
                ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </>
  );
}
