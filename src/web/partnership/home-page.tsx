import { Link, Navigate } from 'react-router';
import { useSession } from '../api/session.ts';
import { Page } from '../components/page.tsx';

/** Home: straight to the person's partnership, or a choice when they belong to more than one. */
export function HomePage() {
  const memberships = useSession().data?.memberships ?? [];
  const only = memberships.length === 1 ? memberships[0] : undefined;
  if (only) return <Navigate to={`/partnerships/${only.partnershipId}`} replace />;

  if (memberships.length === 0) {
    return (
      <Page title={['Home']} heading="You are not part of a partnership yet">
        <p className="govuk-body">
          Your account is not linked to a safeguarding partnership. Contact the admin of your partnership to
          be added.
        </p>
      </Page>
    );
  }

  return (
    <Page title={['Choose a partnership']} heading="Choose a partnership">
      <p className="govuk-body">You belong to more than one safeguarding partnership.</p>
      <ul className="govuk-list govuk-list--spaced">
        {memberships.map((m) => (
          <li key={m.partnershipId}>
            <Link className="govuk-link govuk-!-font-weight-bold" to={`/partnerships/${m.partnershipId}`}>
              {m.partnershipName}
            </Link>
            <br />
            <span className="govuk-body-s govuk-!-margin-bottom-0">Your role: {m.roleLabel}</span>
          </li>
        ))}
      </ul>
    </Page>
  );
}
