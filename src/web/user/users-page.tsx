import { Link, useLocation } from 'react-router';
import { useUsers } from '../api/users.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import type { ListPageState } from '../partnership/agencies-page.tsx';
import { useMembership } from '../partnership/use-membership.ts';

export type UsersPageState = ListPageState & { detail?: string };

/** The people with access to the partnership, with adding and changing where the person may. */
export function UsersPage() {
  const { partnershipId, membership } = useMembership();
  const users = useUsers(partnershipId);
  const state = useLocation().state as UsersPageState | null;
  if (users.isError) return <QueryProblem error={users.error} />;
  const partnershipName = membership?.partnershipName;
  const list = users.data?.users ?? [];

  return (
    <Page
      title={['People', ...(partnershipName ? [partnershipName] : [])]}
      heading="People"
      caption={partnershipName}
      banner={
        state?.banner
          ? {
              heading: state.banner,
              children: state.detail ? <p className="govuk-body">{state.detail}</p> : null,
            }
          : null
      }
      width="full"
    >
      <p className="govuk-body">Everyone who can sign in to this partnership, and their role.</p>
      {users.data?.abilities.create ? (
        <Link className="govuk-button" to={`/partnerships/${partnershipId}/users/new`}>
          Add a person
        </Link>
      ) : null}
      {!users.data ? <Loading /> : null}
      {list.some((user) => user.abilities.update) ? (
        <p className="govuk-body">Select a person's name to change their details, role or access.</p>
      ) : null}
      {list.length > 0 ? (
        <ScrollableTable label="People table">
          <table className="govuk-table govuk-table--small-text-until-tablet">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {list.length === 1 ? '1 person' : `${list.length} people`}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {['Name', 'Email address', 'Job title', 'Agency', 'Role', 'Status', 'Last signed in'].map(
                  (h) => (
                    <th scope="col" className="govuk-table__header" key={h}>
                      {h}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {list.map((user) => (
                <tr className="govuk-table__row" key={user.id}>
                  <td className="govuk-table__cell">
                    {user.abilities.update ? (
                      <Link
                        className="govuk-link"
                        to={`/partnerships/${partnershipId}/users/${user.id}/change`}
                      >
                        {user.name}
                      </Link>
                    ) : (
                      user.name
                    )}
                  </td>
                  <td className="govuk-table__cell">{user.email}</td>
                  <td className="govuk-table__cell">{user.jobTitle ?? ''}</td>
                  <td className="govuk-table__cell">{user.agencyName ?? ''}</td>
                  <td className="govuk-table__cell">{user.roleLabel}</td>
                  <td className="govuk-table__cell">
                    {user.active ? (
                      <strong className="govuk-tag govuk-tag--green">Active</strong>
                    ) : (
                      <strong className="govuk-tag govuk-tag--grey">Inactive</strong>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {user.lastSignedInAt ? formatDateTime(user.lastSignedInAt) : 'Never'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      ) : null}
    </Page>
  );
}
