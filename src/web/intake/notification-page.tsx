import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { formatDate, workingDaysText } from './dates.ts';
import { Deadline } from './deadline.tsx';
import { Multiline, SummaryList } from './fields.tsx';
import { intakePages, useNotification, useStartRapidReview } from './intake-api.ts';
import type { BannerState } from './use-form-errors.ts';

/** A notification: its deadline first, its details, and its rapid review (or the button to start it). */
export function NotificationPage() {
  const { partnershipId: pid } = useMembership();
  const id = useParams().notificationId ?? '';
  const navigate = useNavigate();
  const state = useLocation().state as BannerState;
  const notification = useNotification(pid, id);
  const start = useStartRapidReview(pid, id);
  const problem = useFormProblem(start.error, []);
  if (notification.isError) return <QueryProblem error={notification.error} />;
  const n = notification.data;
  if (!n) return <Loading />;

  const changeLink = n.abilities.update ? (
    <Link className="govuk-link" to={`${intakePages.notification(pid, n.id)}/change`}>
      Change<span className="govuk-visually-hidden"> the notification</span>
    </Link>
  ) : undefined;
  const onStart = () =>
    start.mutate(undefined, {
      onSuccess: (r) =>
        navigate(intakePages.rapidReview(pid, n.id), {
          state: {
            banner: 'Rapid review started',
            detail: `It is due by ${formatDate(r.deadline.date, true)} (${workingDaysText(r.deadline.workingDaysLeft).toLowerCase()}).`,
          } satisfies BannerState,
        }),
    });

  return (
    <Page
      title={[`Notification for ${n.childPseudonym}`]}
      heading={`Notification for ${n.childPseudonym}`}
      caption="Serious incident notification"
      errors={problem?.items}
      banner={
        state?.banner
          ? {
              heading: state.banner,
              children: state.detail ? <p className="govuk-body">{state.detail}</p> : null,
            }
          : null
      }
    >
      <SummaryList
        rows={[
          { key: 'Notification due', value: <Deadline deadline={n.deadline} metLabel="Sent" /> },
          { key: 'Sent', value: n.submittedDate ? formatDate(n.submittedDate) : 'Not sent yet' },
          {
            key: 'Sent to',
            value: n.recipientLabels.length > 0 ? n.recipientLabels.join(', ') : 'Not recorded',
          },
          { key: 'Reference', value: n.reference ?? 'None recorded' },
          { key: 'Child’s pseudonym', value: n.childPseudonym },
          { key: 'Date of the incident', value: formatDate(n.incidentDate) },
          { key: 'Local authority aware', value: formatDate(n.awareDate) },
          { key: 'What happened', value: `${n.outcomeLabel}. ${n.abuseOrNeglectLabel}.` },
          { key: 'Looked after', value: n.lookedAfter ? 'Yes' : 'No' },
          { key: 'Summary', value: <Multiline text={n.summary} empty="None recorded" /> },
        ]}
      />
      {changeLink ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${intakePages.notification(pid, n.id)}/change`}>
            Change the notification
          </Link>
        </p>
      ) : null}

      <h2 className="govuk-heading-m">Rapid review</h2>
      {n.rapidReview ? (
        <SummaryList
          rows={[
            {
              key: 'Status',
              value: (
                <Link className="govuk-link" to={intakePages.rapidReview(pid, n.id)}>
                  {n.rapidReview.statusLabel}
                  <span className="govuk-visually-hidden">: go to the rapid review</span>
                </Link>
              ),
            },
            {
              key: 'Rapid review due',
              value: <Deadline deadline={n.rapidReview.deadline} metLabel="Sent" />,
            },
          ]}
        />
      ) : (
        <>
          <p className="govuk-body">
            The rapid review has not started. It is due 15 working days after the notification is sent.
          </p>
          {n.abilities.startRapidReview ? (
            <button type="button" className="govuk-button" onClick={onStart} disabled={start.isPending}>
              Start the rapid review
            </button>
          ) : null}
        </>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to={intakePages.list(pid)}>
          Back to notifications
        </Link>
      </p>
    </Page>
  );
}
