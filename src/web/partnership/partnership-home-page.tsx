import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { usePartnership } from '../api/partnership.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useMembership } from './use-membership.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A partnership's home: the person's role, its reviews, and the parts of it they may use. */
export function PartnershipHomePage() {
  const { partnershipId, membership } = useMembership();
  const partnership = usePartnership(partnershipId);
  if (partnership.isError) return <QueryProblem error={partnership.error} />;
  const name = partnership.data?.name ?? membership?.partnershipName ?? 'Your partnership';
  const home = `/partnerships/${partnershipId}`;
  const data = partnership.data;

  return (
    <Page title={[name]} heading={name} width="full">
      {membership ? <p className="govuk-body-l">Your role: {membership.roleLabel}</p> : null}

      <h2 className="govuk-heading-m">Reviews</h2>
      <p className="govuk-body">
        There are no reviews yet. Reviews the partnership runs will be listed here.
      </p>

      {data ? (
        <div className="govuk-grid-row">
          <Card heading="Agencies">
            <p className="govuk-body">
              {plural(data.counts.agencies, 'agency', 'agencies')} in this partnership.
            </p>
            <p className="govuk-body">
              <Link className="govuk-link" to={`${home}/agencies`}>
                Go to the agency list
              </Link>
            </p>
          </Card>
          {data.abilities.listUsers ? (
            <Card heading="People">
              <p className="govuk-body">{plural(data.counts.users, 'person has', 'people have')} access.</p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/users`}>
                  See who has access
                </Link>
              </p>
            </Card>
          ) : null}
          {data.abilities.viewAudit ? (
            <Card heading="Audit log">
              <p className="govuk-body">A record of who did what in this partnership, and when.</p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/audit`}>
                  Check recent activity
                </Link>
              </p>
            </Card>
          ) : null}
        </div>
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function Card({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-column-one-third">
      <div className="app-summary-card">
        <h2 className="govuk-heading-m">{heading}</h2>
        {children}
      </div>
    </div>
  );
}
