import { useState } from 'react';
import { type ReviewerDto, useReviewers } from './api.ts';
import { StatusTag } from './status-tag.tsx';

/** What choosing a reviewer fills in on the form to add a person to a review. */
export type PoolChoice = { who: 'existing'; userId: string } | { who: 'new'; name: string; email: string };

/**
 * A reviewer from the pool as the add-person form takes them: their Sightlines account where the
 * form lists it, otherwise their name and email address for an invitation.
 */
export function poolChoice(reviewer: ReviewerDto, accountIds: readonly string[]): PoolChoice {
  if (reviewer.userId && accountIds.includes(reviewer.userId))
    return { who: 'existing', userId: reviewer.userId };
  return { who: 'new', name: reviewer.name, email: reviewer.email ?? '' };
}

type Props = {
  partnershipId: string;
  reviewId: string;
  onChoose: (reviewer: ReviewerDto) => void;
};

/**
 * "Choose from the reviewer pool", for adding a lead or trainee reviewer: each reviewer with their
 * accreditation, expertise and availability, and what to weigh before choosing them (lapsed
 * accreditation, a conflict with one of the review's agencies, a trainee without a supervisor).
 */
export function ReviewerPoolChooser({ partnershipId, reviewId, onChoose }: Props) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<ReviewerDto | null>(null);
  const reviewers = useReviewers(partnershipId, { forReviewId: reviewId }, open);
  const list = reviewers.data?.reviewers;

  return (
    <>
      {chosen ? (
        <div className="govuk-inset-text" aria-live="polite">
          You chose {chosen.name} from the reviewer pool. Check their details below.
        </div>
      ) : null}
      <details className="govuk-details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Choose from the reviewer pool</span>
        </summary>
        <div className="govuk-details__text">
          {!open ? null : reviewers.isError ? (
            <p className="govuk-body">
              Sorry, the reviewer pool could not be loaded. Enter their details below.
            </p>
          ) : !list ? (
            <p className="govuk-body" role="status">
              Loading…
            </p>
          ) : list.length === 0 ? (
            <p className="govuk-body">There are no reviewers in the pool yet.</p>
          ) : (
            <ul className="govuk-list" aria-label="Reviewers in the pool">
              {list.map((r) => (
                <li key={r.id} className="govuk-!-margin-bottom-6">
                  <PoolReviewer
                    reviewer={r}
                    onChoose={() => {
                      setChosen(r);
                      setOpen(false);
                      onChoose(r);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
      </details>
    </>
  );
}

function PoolReviewer({ reviewer: r, onChoose }: { reviewer: ReviewerDto; onChoose: () => void }) {
  const details = [
    r.accreditingBody,
    r.expertise.length ? `Expertise: ${r.expertise.join(', ')}` : null,
    r.availability ? `Available: ${r.availability}` : null,
  ].filter(Boolean);
  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
        {r.name} <StatusTag status={r.status} label={r.statusLabel} />
      </h3>
      {details.length ? <p className="govuk-body-s govuk-!-margin-bottom-2">{details.join('. ')}</p> : null}
      {r.warnings.map((w) => (
        <div className="govuk-warning-text govuk-!-margin-bottom-2" key={`${w.code}:${w.message}`}>
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {w.message}
          </strong>
        </div>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        onClick={onChoose}
      >
        Choose {r.name}
      </button>
    </>
  );
}
