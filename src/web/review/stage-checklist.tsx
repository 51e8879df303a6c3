import { Link } from 'react-router';
import type { ReviewDto } from './api.ts';
import { reviewPage } from './api.ts';

type Fix = { section: string; hash?: string; ability: string };

/** Where each stage check is done, and who may do it. */
const fixes: Record<string, Fix> = {
  decision_rationale: { section: 'terms', hash: 'decisionRationale', ability: 'editReview' },
  purpose: { section: 'terms', hash: 'purposeStatement', ability: 'editReview' },
  scope_period: { section: 'terms', hash: 'scopeFrom', ability: 'editReview' },
  agencies_in_scope: { section: 'terms', hash: 'agencyIds', ability: 'editReview' },
  research_question: { section: 'terms', hash: 'researchQuestions', ability: 'editReview' },
  quality_assurer: { section: 'terms', hash: 'qualityAssurer', ability: 'editReview' },
  sign_off_chain: { section: 'terms', hash: 'signOffChain', ability: 'editReview' },
  two_lead_reviewers: { section: 'people', ability: 'viewParticipants' },
  review_team: { section: 'people', ability: 'viewParticipants' },
  case_group: { section: 'people', ability: 'viewParticipants' },
  no_embargo: { section: 'parallel-processes', ability: 'viewParallelProcesses' },
};

/** The id of a check's entry in the list, so the error summary can link to it. */
export const checkElementId = (checkId: string) => `check-${checkId}`;

/**
 * What is still needed before the review can move to its next stage, as a GOV.UK task list: each
 * check is "Completed" or "Not done yet", and links to where it is done if the person may do it.
 */
export function StageChecklist({ partnershipId, review }: { partnershipId: string; review: ReviewDto }) {
  if (review.checklist.length === 0) {
    return <p className="govuk-body">Nothing else needs to be done before the review can move on.</p>;
  }
  return (
    <ul className="govuk-task-list">
      {review.checklist.map((check) => {
        const fix = fixes[check.id];
        const statusId = `${checkElementId(check.id)}-status`;
        const to =
          fix && review.abilities[fix.ability]
            ? `${reviewPage(partnershipId, review.id, fix.section)}${fix.hash ? `#${fix.hash}` : ''}`
            : null;
        return (
          <li
            className={`govuk-task-list__item${to ? ' govuk-task-list__item--with-link' : ''}`}
            key={check.id}
          >
            <div className="govuk-task-list__name-and-hint">
              {to ? (
                <Link
                  className="govuk-link govuk-task-list__link"
                  to={to}
                  id={checkElementId(check.id)}
                  aria-describedby={statusId}
                >
                  {check.label}
                </Link>
              ) : (
                <span id={checkElementId(check.id)} tabIndex={-1}>
                  {check.label}
                </span>
              )}
            </div>
            <div className="govuk-task-list__status" id={statusId}>
              {check.met ? 'Completed' : <strong className="govuk-tag govuk-tag--blue">Not done yet</strong>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
