import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { type ActiveStage, reviewStages, stageOrder } from '#domain/review/stages.ts';
import type { ErrorSummaryItem } from '../components/error-summary.tsx';
import { SelectField } from '../components/form-fields.tsx';
import { type FormProblem, formProblem } from '../components/form-problem.ts';
import { TextareaField } from '../components/textarea-field.tsx';
import { ReviewApiError, type ReviewDto, useTransitionReview } from './api.ts';
import { clientProblem } from './client-problem.ts';
import { checkElementId } from './stage-checklist.tsx';

type Action = 'advance' | 'pause' | 'resume' | 'return';
const fieldIds = ['pauseReason', 'returnTo', 'returnReason'] as const;

/** The stages a review may go back to from where it is now. */
export function earlierStages(stage: string): ActiveStage[] {
  const here = stageOrder.indexOf(stage as (typeof stageOrder)[number]);
  return here <= 0 ? [] : (stageOrder.slice(0, here) as ActiveStage[]);
}

/** What a refused change shows in the error summary: each unmet check, linked to its entry in the checklist. */
function transitionProblem(
  error: unknown,
  action: Action | null,
  review: ReviewDto | undefined,
): FormProblem | null {
  if (error instanceof ReviewApiError && error.unmet.length > 0) {
    const items: ErrorSummaryItem[] = [
      { message: `The review cannot move to ${review?.nextStageLabel ?? 'the next stage'} yet. First:` },
      ...error.unmet.map((check) => ({ field: checkElementId(check.id), message: check.label })),
    ];
    return { items, fields: {}, code: error.code };
  }
  const problem = formProblem(error, ['reason', 'to']);
  if (!problem) return null;
  // The server names the fields "reason" and "to"; on this page they belong to the form that was sent.
  const rename = (field: string | undefined) =>
    field === 'to'
      ? 'returnTo'
      : field === 'reason'
        ? action === 'pause'
          ? 'pauseReason'
          : 'returnReason'
        : field;
  return {
    ...problem,
    items: problem.items.map((item) => ({ ...item, field: rename(item.field) })),
    fields: Object.fromEntries(Object.entries(problem.fields).map(([k, v]) => [rename(k) as string, v])),
  };
}

/**
 * Moving a review on, pausing it, resuming it and sending it back a stage: the state of those
 * forms, the problems to show in the page's error summary and the message once a change is made.
 */
export function useStageChanges(partnershipId: string, review: ReviewDto | undefined) {
  const transition = useTransitionReview(partnershipId, review?.id ?? '');
  const [action, setAction] = useState<Action | null>(null);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pauseOpen, setPauseOpen] = useState(false);
  const [returnOpen, setReturnOpen] = useState(false);
  const [pauseReason, setPauseReason] = useState('');
  const [returnTo, setReturnTo] = useState('');
  const [returnReason, setReturnReason] = useState('');
  const problem = useMemo(
    () => checked ?? transitionProblem(transition.error, action, review),
    [checked, transition.error, action, review],
  );

  // A change made on this page is confirmed in the banner, which takes focus as a new page's would.
  useEffect(() => {
    if (done) document.querySelector<HTMLElement>('.govuk-notification-banner')?.focus();
  }, [done]);

  const send = (next: Action, extra: { reason?: string; to?: ActiveStage } = {}) => {
    if (!review) return;
    setAction(next);
    setDone(null);
    const body =
      next === 'return'
        ? { action: next, to: extra.to as ActiveStage, reason: extra.reason, version: review.version }
        : { action: next, ...(extra.reason ? { reason: extra.reason } : {}), version: review.version };
    transition.mutate(body, {
      onSuccess: (saved) => {
        setPauseOpen(false);
        setReturnOpen(false);
        setPauseReason('');
        setReturnTo('');
        setReturnReason('');
        setDone(
          next === 'pause'
            ? 'The review is paused'
            : next === 'resume'
              ? `The review has resumed at ${saved.stageLabel}`
              : next === 'return'
                ? `The review has gone back to ${saved.stageLabel}`
                : `The review has moved to ${saved.stageLabel}`,
        );
      },
    });
  };

  const submitPause = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientProblem(
      { pauseReason: pauseReason.trim() ? '' : 'Enter why the review is being paused' },
      fieldIds,
    );
    setChecked(found);
    setAction('pause');
    if (!found) send('pause', { reason: pauseReason });
  };

  const submitReturn = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = clientProblem(
      {
        returnTo: returnTo ? '' : 'Select the stage to go back to',
        returnReason: returnReason.trim() ? '' : 'Enter why the review is going back to an earlier stage',
      },
      fieldIds,
    );
    setChecked(found);
    setAction('return');
    if (!found) send('return', { to: returnTo as ActiveStage, reason: returnReason });
  };

  const advance = () => {
    setChecked(null);
    send('advance');
  };
  const resume = () => {
    setChecked(null);
    send('resume');
  };

  // A form with a problem is open, so the error summary's links reach its fields.
  useEffect(() => {
    if (problem?.fields.pauseReason) setPauseOpen(true);
    if (problem?.fields.returnTo || problem?.fields.returnReason) setReturnOpen(true);
  }, [problem]);

  return {
    problem,
    done,
    pending: transition.isPending,
    advance,
    resume,
    pauseForm: { reason: pauseReason, setReason: setPauseReason, submit: submitPause },
    returnForm: {
      to: returnTo,
      setTo: setReturnTo,
      reason: returnReason,
      setReason: setReturnReason,
      submit: submitReturn,
    },
    pauseOpen,
    setPauseOpen,
    returnOpen,
    setReturnOpen,
  };
}

export type StageChanges = ReturnType<typeof useStageChanges>;

/** The buttons and short forms that change a review's stage, for those who may. */
export function StageControls({ review, changes }: { review: ReviewDto; changes: StageChanges }) {
  if (!review.abilities.transitionReview || review.stage === 'closed') return null;
  const { problem, pending, pauseForm, returnForm } = changes;

  if (review.stage === 'paused') {
    return (
      <button type="button" className="govuk-button" onClick={changes.resume} disabled={pending}>
        Resume the review
      </button>
    );
  }

  const earlier = earlierStages(review.stage);
  return (
    <>
      {review.nextStage ? (
        <button type="button" className="govuk-button" onClick={changes.advance} disabled={pending}>
          Move to {review.nextStageLabel}
        </button>
      ) : null}
      <h2 className="govuk-heading-m">If the review needs to stop or go back</h2>
      <details
        className="govuk-details"
        open={changes.pauseOpen}
        onToggle={(event) => changes.setPauseOpen(event.currentTarget.open)}
      >
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Pause the review</span>
        </summary>
        <div className="govuk-details__text">
          <form noValidate onSubmit={pauseForm.submit}>
            <p className="govuk-body">
              For example, while a criminal trial or inquest runs. The target publication date stays as it is:
              change it in the terms of reference if it needs to move.
            </p>
            <TextareaField
              id="pauseReason"
              label="Why is the review being paused?"
              rows={3}
              value={pauseForm.reason}
              onChange={pauseForm.setReason}
              error={problem?.fields.pauseReason}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
              Pause the review
            </button>
          </form>
        </div>
      </details>
      {earlier.length > 0 ? (
        <details
          className="govuk-details"
          open={changes.returnOpen}
          onToggle={(event) => changes.setReturnOpen(event.currentTarget.open)}
        >
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Go back to an earlier stage</span>
          </summary>
          <div className="govuk-details__text">
            <form noValidate onSubmit={returnForm.submit}>
              <SelectField
                id="returnTo"
                label="Stage to go back to"
                emptyLabel="Select a stage"
                value={returnForm.to}
                onChange={returnForm.setTo}
                choices={earlier.map((stage) => ({ value: stage, label: reviewStages[stage] }))}
                error={problem?.fields.returnTo}
              />
              <TextareaField
                id="returnReason"
                label="Why is the review going back?"
                rows={3}
                value={returnForm.reason}
                onChange={returnForm.setReason}
                error={problem?.fields.returnReason}
              />
              <button type="submit" className="govuk-button govuk-button--secondary" disabled={pending}>
                Go back to this stage
              </button>
            </form>
          </div>
        </details>
      ) : null}
    </>
  );
}
