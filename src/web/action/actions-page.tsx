import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { impactEvidenceKinds } from '#domain/action/action.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { plural } from '../review/review-bits.tsx';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { ActionTags, targetName } from './action-bits.tsx';
import { type ActionDto, afterReviewPage, useBoardResponse, useReviewActions } from './api.ts';
import './action.scss';

/** What a page that sends the person here may ask the plan to say, such as "The action has been added". */
export type ActionsPageState = { banner?: string } | null;

/**
 * The review's action plan, grouped by the finding each action answers: each action with its status,
 * whether it is overdue or due soon, who owns it and when it is due.
 */
export function ActionsPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const allowed = Boolean(review.data?.abilities.viewActions);
  const plan = useReviewActions(partnershipId, reviewId, allowed);
  const board = useBoardResponse(partnershipId, reviewId, allowed);
  const state = useLocation().state as ActionsPageState;

  if (review.isError) return <QueryProblem error={review.error} />;
  if (review.data && !allowed)
    return <ForbiddenPage message="You do not have permission to see the action plan of this review." />;
  if (plan.isError) return <QueryProblem error={plan.error} />;
  if (board.isError) return <QueryProblem error={board.error} />;
  if (!review.data || !plan.data || !board.data) return <Loading />;
  const r = review.data;
  const { actions, counts } = plan.data;
  const manage = Boolean(r.abilities.manageActions);

  return (
    <Page
      title={['Actions', r.title]}
      heading="Action plan"
      caption={r.title}
      width="full"
      banner={state?.banner ? { heading: state.banner } : null}
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          What the partnership will do about each finding, who owns it, when it is due, and the evidence that
          practice has changed.
        </p>
        {actions.length > 0 ? (
          <p className="govuk-body">
            {plural(actions.length, 'action', 'actions')}: {counts.open} open, {counts.in_progress} in
            progress, {counts.done} done, {counts.impact_verified} with impact verified.
            {counts.overdue > 0 ? ` ${plural(counts.overdue, 'action is', 'actions are')} overdue.` : ''}
          </p>
        ) : null}
        {manage && board.data.findings.length > 0 ? (
          <div className="govuk-button-group">
            <Link className="govuk-button" to={afterReviewPage(partnershipId, reviewId, 'actions/new')}>
              Add an action
            </Link>
          </div>
        ) : null}
        {board.data.findings.length === 0 ? (
          <p className="govuk-body">The review has no findings yet.</p>
        ) : null}
        {board.data.findings.map((f) => {
          const answering = actions.filter((a) => a.findingId === f.findingId);
          return (
            <section key={f.findingId} aria-labelledby={`finding-${f.findingNumber}`}>
              <h2 className="govuk-heading-m" id={`finding-${f.findingNumber}`} tabIndex={-1}>
                Finding {f.findingNumber}
              </h2>
              <p className="govuk-body">{f.statement}</p>
              {answering.length === 0 ? (
                <p className="govuk-body govuk-hint">No actions answer this finding yet.</p>
              ) : (
                answering.map((a) => (
                  <ActionCard
                    key={a.id}
                    action={a}
                    href={afterReviewPage(partnershipId, reviewId, `actions/${a.id}`)}
                  />
                ))
              )}
            </section>
          );
        })}
      </ReviewContent>
    </Page>
  );
}

/** One action as a GOV.UK summary card, with a link to change it for those who may. */
export function ActionCard({ action: a, href }: { action: ActionDto; href: string }) {
  const rows: [string, ReactNode][] = [
    ['Status', <ActionTags key="tags" action={a} />],
    ['Answers', `${targetName(a)}${a.target === 'finding' ? '' : `: ${a.targetText}`}`],
    ['Owner', [a.ownerName, a.ownerAgency?.name].filter(Boolean).join(', ') || 'Not given'],
    ['Due', a.dueOn ? formatDate(a.dueOn) : 'No date'],
    ['Measure of success', a.successMeasure ?? 'Not given'],
  ];
  if (a.completedOn) rows.push(['Done on', formatDate(a.completedOn)]);
  if (a.impactEvidence)
    rows.push([
      'Evidence of impact',
      a.impactEvidenceKind
        ? `${impactEvidenceKinds[a.impactEvidenceKind]}: ${a.impactEvidence}`
        : a.impactEvidence,
    ]);
  if (a.progressNote) rows.push(['Progress', a.progressNote]);
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title app-action-text">{a.description}</h3>
        {a.abilities.edit ? (
          <ul className="govuk-summary-card__actions">
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={href}>
                Change<span className="govuk-visually-hidden"> the action: {a.description}</span>
              </Link>
            </li>
          </ul>
        ) : null}
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          {rows.map(([key, value]) => (
            <div className="govuk-summary-list__row" key={key}>
              <dt className="govuk-summary-list__key">{key}</dt>
              <dd className="govuk-summary-list__value app-action-text">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
