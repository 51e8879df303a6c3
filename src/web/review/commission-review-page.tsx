import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { mayCommission } from '#domain/review/policy.ts';
import { type ReviewType, type ReviewVariant, reviewVariants } from '#domain/review/review.ts';
import { DateInputField } from '../components/date-input-field.tsx';
import { TextField } from '../components/form-fields.tsx';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, QueryProblem } from '../components/problem-pages.tsx';
import { RadiosField } from '../components/radios-field.tsx';
import { TextareaField } from '../components/textarea-field.tsx';
import { useRapidReview } from '../intake/intake-api.ts';
import { useMembership } from '../partnership/use-membership.ts';
import { reviewPage, useCommissionReview, useReviews } from './api.ts';
import { clientProblem } from './client-problem.ts';
import { type DateParts, parseDateParts, partsFromIso, todayIso } from './dates.ts';
import { typeChoices, variantChoices } from './review-choices.ts';
import type { OverviewPageState } from './review-overview-page.tsx';

const fieldIds = ['title', 'type', 'variant', 'initiatedDate', 'purposeStatement'] as const;

/**
 * Commission a review: only what is needed to start (title, type, variant, date, and optionally
 * its purpose). The rest of the terms of reference is filled in afterwards.
 */
export function CommissionReviewPage() {
  const { partnershipId, membership } = useMembership();
  const [searchParams] = useSearchParams();
  const rapidReviewId = searchParams.get('rapidReviewId');
  const navigate = useNavigate();
  const runsReviews = membership ? mayCommission(membership.role) : false;
  const reviews = useReviews(partnershipId, runsReviews ? 'all' : 'mine', Boolean(membership));
  const commission = useCommissionReview(partnershipId);
  const serverProblem = useFormProblem(commission.error, fieldIds);
  const [checked, setChecked] = useState<ReturnType<typeof clientProblem>>(null);
  const [title, setTitle] = useState('');
  // Commissioned from a rapid review: its pseudonym and its decision carry over.
  const rapid = useRapidReview(partnershipId, rapidReviewId ?? undefined);
  const rapidReview = rapid.data;
  useEffect(() => {
    if (rapidReview) setTitle((current) => current || rapidReview.childPseudonym);
  }, [rapidReview]);
  const [type, setType] = useState('');
  const [variant, setVariant] = useState('');
  const [initiated, setInitiated] = useState<DateParts>(partsFromIso(todayIso()));
  const [purpose, setPurpose] = useState('');
  const problem = checked ?? serverProblem;

  if (reviews.isError) return <QueryProblem error={reviews.error} />;
  if (reviews.data && !reviews.data.abilities.commission) {
    return <ForbiddenPage message="You do not have permission to commission reviews in this partnership." />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const date = parseDateParts(initiated, 'the date the review was initiated');
    const found = clientProblem(
      { initiatedDate: date.ok ? (date.iso ? '' : 'Enter the date the review was initiated') : date.message },
      fieldIds,
    );
    setChecked(found);
    if (found || !date.ok || !date.iso) return;
    const chosen = reviewVariants[variant as ReviewVariant];
    commission.mutate(
      {
        title,
        type: (type || undefined) as ReviewType,
        variant: (variant || undefined) as ReviewVariant,
        initiatedDate: date.iso,
        purposeStatement: purpose.trim() ? purpose : null,
        rapidReviewId: rapidReviewId || null,
        ...(rapidReview?.decisionRationale
          ? { decisionRationale: rapidReview.decisionRationale, decisionDate: rapidReview.decisionDate }
          : {}),
        ...(chosen
          ? {
              plannedReviewTeamMeetings: chosen.reviewTeamMeetings,
              plannedJointMeetings: chosen.jointMeetings,
            }
          : {}),
      },
      {
        onSuccess: (review) => {
          const state: OverviewPageState = {
            banner: `${review.title} has been commissioned`,
            detail: 'Next, complete the terms of reference and add the people taking part.',
          };
          navigate(reviewPage(partnershipId, review.id), { state });
        },
      },
    );
  };

  return (
    <Page
      title={['Commission a review', ...(membership ? [membership.partnershipName] : [])]}
      heading="Commission a review"
      caption={membership?.partnershipName}
      errors={problem?.items}
    >
      <p className="govuk-body">
        Start with the basics. You can complete the terms of reference (scope, agencies, research questions
        and governance) after the review is commissioned.
      </p>
      {rapidReviewId ? (
        <div className="govuk-inset-text">
          This review will be linked to the rapid review
          {rapidReview ? ` for ${rapidReview.childPseudonym}` : ''} it follows
          {rapidReview?.decisionRationale
            ? ', and the rapid review’s decision and its rationale are copied to it'
            : ''}
          .
        </div>
      ) : null}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="title"
          label="Review title"
          hint="Use a pseudonym, like Child A. Never use the child’s real name."
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-!-width-two-thirds"
          value={title}
          onChange={setTitle}
          error={problem?.fields.title}
        />
        <RadiosField
          id="type"
          legend="Type of review"
          value={type}
          onChange={setType}
          choices={typeChoices}
          error={problem?.fields.type}
        />
        <RadiosField
          id="variant"
          legend="Review variant"
          hint="How the review will run. You can change this later."
          value={variant}
          onChange={setVariant}
          choices={variantChoices}
          error={problem?.fields.variant}
        />
        <DateInputField
          id="initiatedDate"
          legend="Date the review was initiated"
          hint="For example, 27 3 2026"
          value={initiated}
          onChange={setInitiated}
          error={problem?.fields.initiatedDate}
          spellCheck={false}
        />
        <TextareaField
          id="purposeStatement"
          label="Purpose of the review (optional)"
          hint="What the partnership wants to learn about how its agencies work together. You can add this later."
          value={purpose}
          onChange={setPurpose}
          error={problem?.fields.purposeStatement}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={commission.isPending}>
            Commission review
          </button>
          <Link className="govuk-link" to={`/partnerships/${partnershipId}`}>
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}
