import { useNavigate } from 'react-router';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { formatDate, workingDaysText } from './dates.ts';
import { intakePages, useNotifications, useRecordNotification } from './intake-api.ts';
import { NotificationForm, notificationFieldIds, notificationValues } from './notification-form.tsx';
import { type BannerState, useFormErrors } from './use-form-errors.ts';

/** Record a serious incident notification; the next page shows when it is due. */
export function RecordNotificationPage() {
  const { partnershipId: pid, membership } = useMembership();
  const navigate = useNavigate();
  const list = useNotifications(pid);
  const record = useRecordNotification(pid);
  const { problem, onInvalid, sending } = useFormErrors(record, notificationFieldIds);
  if (list.isError) return <QueryProblem error={list.error} />;
  if (list.data && !list.data.abilities.create)
    return <ForbiddenPage message="You do not have permission to record notifications." />;

  return (
    <Page
      title={['Record a serious incident notification', ...(membership ? [membership.partnershipName] : [])]}
      heading="Record a serious incident notification"
      caption="Notifications"
      errors={problem?.items}
    >
      <NotificationForm
        initial={notificationValues()}
        submitLabel="Save notification"
        cancelTo={intakePages.list(pid)}
        pending={record.isPending}
        fieldErrors={problem?.fields}
        onInvalid={onInvalid}
        onSubmit={(input) => {
          sending();
          record.mutate(input, {
            onSuccess: (n) => {
              const state: BannerState = {
                banner: `Notification for ${n.childPseudonym} saved`,
                detail: n.deadline.doneDate
                  ? `It was due by ${formatDate(n.deadline.date, true)} and was sent on ${formatDate(n.deadline.doneDate, true)}.`
                  : `It is due by ${formatDate(n.deadline.date, true)} (${workingDaysText(n.deadline.workingDaysLeft).toLowerCase()}).`,
              };
              navigate(intakePages.notification(pid, n.id), { state });
            },
          });
        }}
      />
    </Page>
  );
}
