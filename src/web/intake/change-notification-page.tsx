import { useNavigate, useParams } from 'react-router';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { intakePages, useChangeNotification, useNotification } from './intake-api.ts';
import { NotificationForm, notificationFieldIds, notificationValues } from './notification-form.tsx';
import { type BannerState, useFormErrors } from './use-form-errors.ts';

/**
 * Change a notification, for example to record when it was sent. The save carries the version the
 * person started from; if someone else changed it meanwhile, the server's message is shown and the
 * form reloads with the current details.
 */
export function ChangeNotificationPage() {
  const { partnershipId: pid } = useMembership();
  const id = useParams().notificationId ?? '';
  const navigate = useNavigate();
  const notification = useNotification(pid, id);
  const change = useChangeNotification(pid, id);
  const { problem, onInvalid, sending } = useFormErrors(change, notificationFieldIds);
  if (notification.isError) return <QueryProblem error={notification.error} />;
  const n = notification.data;
  if (!n) return <Loading />;
  if (!n.abilities.update)
    return <ForbiddenPage message="You do not have permission to change this notification." />;

  return (
    <Page
      title={[`Change the notification for ${n.childPseudonym}`]}
      heading={`Change the notification for ${n.childPseudonym}`}
      caption="Notifications"
      errors={problem?.items}
    >
      <NotificationForm
        key={`${n.id}:${n.version}`}
        initial={notificationValues(n)}
        submitLabel="Save changes"
        cancelTo={intakePages.notification(pid, n.id)}
        pending={change.isPending}
        fieldErrors={problem?.fields}
        onInvalid={onInvalid}
        onSubmit={(input) => {
          sending();
          change.mutate(
            { ...input, version: n.version },
            {
              onSuccess: (saved) => {
                const state: BannerState = { banner: `Notification for ${saved.childPseudonym} changed` };
                navigate(intakePages.notification(pid, saved.id), { state });
              },
            },
          );
        }}
      />
    </Page>
  );
}
