import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { useAgencies } from '../api/partnership.ts';
import { useSession } from '../api/session.ts';
import { useChangeUser, useUsers } from '../api/users.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, NotFoundPage, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { ResetMfa, useResetMfa } from './reset-mfa.tsx';
import { UserForm, type UserFormValues, userFieldIds } from './user-form.tsx';
import type { UsersPageState } from './users-page.tsx';

/**
 * Change a person's details, role or status. The save carries the version the admin started from;
 * if someone else changed it meanwhile, the server's message is shown and the form reloads.
 */
export function ChangeUserPage() {
  const { partnershipId, membership } = useMembership();
  const userId = useParams().userId ?? '';
  const navigate = useNavigate();
  const users = useUsers(partnershipId);
  const agencies = useAgencies(partnershipId);
  const change = useChangeUser(partnershipId, userId);
  const problem = useFormProblem(change.error, userFieldIds);
  const reset = useResetMfa(partnershipId, userId);
  const resetProblem = useFormProblem(reset.error, []);
  const errors = useMemo(() => {
    const items = [...(problem?.items ?? []), ...(resetProblem?.items ?? [])];
    return items.length ? items : undefined;
  }, [problem, resetProblem]);
  const ownId = useSession().data?.user.id;
  const listPath = `/partnerships/${partnershipId}/users`;

  if (users.isError) return <QueryProblem error={users.error} />;
  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  if (!users.data || !agencies.data) return <Loading />;
  const user = users.data.users.find((u) => u.id === userId);
  if (!user) return <NotFoundPage />;
  if (!user.abilities.update)
    return <ForbiddenPage message="You do not have permission to change this person." />;

  const onSubmit = (values: UserFormValues) => {
    change.mutate(
      {
        name: values.name,
        jobTitle: values.jobTitle.trim() ? values.jobTitle : null,
        agencyId: values.agencyId || null,
        role: (values.role || undefined) as PartnershipRole,
        active: values.active,
        version: user.version,
      },
      { onSuccess: (saved) => navigate(listPath, { state: { banner: `${saved.name} has been changed` } }) },
    );
  };

  return (
    <Page
      title={[`Change ${user.name}`, ...(membership ? [membership.partnershipName] : [])]}
      heading={`Change ${user.name}`}
      caption="People"
      errors={errors}
    >
      <p className="govuk-body">
        Email address: <span className="govuk-!-font-weight-bold">{user.email}</span>
      </p>
      <UserForm
        key={`${user.id}:${user.version}`}
        initial={{
          name: user.name,
          email: user.email,
          jobTitle: user.jobTitle ?? '',
          agencyId: user.agencyId ?? '',
          role: user.role,
          initialPassword: '',
          active: user.active,
        }}
        mode="change"
        agencies={agencies.data.agencies}
        submitLabel="Save changes"
        cancelTo={listPath}
        pending={change.isPending}
        fieldErrors={problem?.fields}
        onSubmit={onSubmit}
      />
      {ownId && ownId !== user.id && user.active ? (
        <ResetMfa
          user={user}
          reset={reset}
          onReset={(result) =>
            navigate(listPath, {
              state: {
                banner: `Two-step verification has been reset for ${result.name}`,
                detail:
                  'They have been signed out. They can sign in with their password and set up two-step verification again.',
              } satisfies UsersPageState,
            })
          }
        />
      ) : null}
    </Page>
  );
}
