import { useNavigate } from 'react-router';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { useAgencies } from '../api/partnership.ts';
import { useAddUser, useUsers } from '../api/users.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from '../partnership/use-membership.ts';
import { UserForm, type UserFormValues, userFieldIds } from './user-form.tsx';
import type { UsersPageState } from './users-page.tsx';

const empty: UserFormValues = {
  name: '',
  email: '',
  jobTitle: '',
  agencyId: '',
  role: '',
  initialPassword: '',
  active: true,
};

/** Add a person to the partnership: a new account with a temporary password, or an existing account. */
export function AddUserPage() {
  const { partnershipId, membership } = useMembership();
  const navigate = useNavigate();
  const users = useUsers(partnershipId);
  const agencies = useAgencies(partnershipId);
  const add = useAddUser(partnershipId);
  const problem = useFormProblem(add.error, userFieldIds);
  const listPath = `/partnerships/${partnershipId}/users`;
  if (users.isError) return <QueryProblem error={users.error} />;
  if (agencies.isError) return <QueryProblem error={agencies.error} />;
  if (users.data && !users.data.abilities.create) {
    return <ForbiddenPage message="You do not have permission to add people to this partnership." />;
  }

  const onSubmit = (values: UserFormValues) => {
    add.mutate(
      {
        name: values.name,
        email: values.email,
        jobTitle: values.jobTitle.trim() ? values.jobTitle : undefined,
        agencyId: values.agencyId || null,
        role: (values.role || undefined) as PartnershipRole,
        initialPassword: values.initialPassword,
      },
      {
        onSuccess: ({ user, existingAccount }) => {
          const state: UsersPageState = existingAccount
            ? {
                banner: `${user.name} has been added`,
                detail: `${user.name} already had a Sightlines account. They sign in with their existing password; the temporary password was not used.`,
              }
            : {
                banner: `${user.name} has been added`,
                detail: `Give ${user.name} the temporary password in a secure way, separately from their email address. They must choose a new password when they first sign in.`,
              };
          navigate(listPath, { state });
        },
      },
    );
  };

  return (
    <Page
      title={['Add a person', ...(membership ? [membership.partnershipName] : [])]}
      heading="Add a person"
      caption={membership?.partnershipName}
      errors={problem?.items}
    >
      {agencies.data ? (
        <UserForm
          initial={empty}
          mode="add"
          agencies={agencies.data.agencies}
          submitLabel="Add person"
          cancelTo={listPath}
          pending={add.isPending}
          fieldErrors={problem?.fields}
          onSubmit={onSubmit}
        />
      ) : (
        <Loading />
      )}
    </Page>
  );
}
