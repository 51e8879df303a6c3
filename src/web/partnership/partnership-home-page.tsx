import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import { mayCommission } from '#domain/review/policy.ts';
import { usePartnership } from '../api/partnership.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReviews } from '../review/api.ts';
import { plural } from '../review/review-bits.tsx';
import { byUrgency, ReviewsTable } from '../review/reviews-table.tsx';
import { useMembership } from './use-membership.ts';

/**
 * A partnership's home. For those who run its reviews it is the dashboard of every review, most
 * urgent first, with commissioning and intake to hand; for everyone else it lists their own reviews.
 * The parts of the partnership the person may use follow.
 */
export function PartnershipHomePage() {
  const { partnershipId, membership } = useMembership();
  const partnership = usePartnership(partnershipId);
  const runsReviews = membership ? mayCommission(membership.role) : false;
  const reviews = useReviews(partnershipId, runsReviews ? 'all' : 'mine', Boolean(membership));
  if (partnership.isError) return <QueryProblem error={partnership.error} />;
  const name = partnership.data?.name ?? membership?.partnershipName ?? 'Your partnership';
  const home = `/partnerships/${partnershipId}`;
  const data = partnership.data;
  const list = byUrgency(reviews.data?.reviews ?? []);
  const open = list.filter((r) => r.stage !== 'closed');
  const closedCount = list.length - open.length;
  const overdue = open.filter((r) => r.nextDeadline?.overdue).length;
  const canCommission = reviews.data?.abilities.commission ?? false;
  const handlesIntake = membership
    ? mayInPartnership({ userId: '', role: membership.role }, 'manageIntake')
    : false;

  return (
    <Page title={[name]} heading={name} width="full">
      {membership ? <p className="govuk-body-l">Your role: {membership.roleLabel}</p> : null}

      {canCommission || handlesIntake ? (
        <div className="govuk-button-group">
          {canCommission ? (
            <Link className="govuk-button" to={`${home}/reviews/new`}>
              Commission a review
            </Link>
          ) : null}
          {handlesIntake ? (
            <Link className="govuk-link" to={`${home}/notifications`}>
              Notifications and rapid reviews
            </Link>
          ) : null}
        </div>
      ) : null}

      {overdue > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {overdue === 1 ? '1 review has' : `${overdue} reviews have`} an overdue deadline.
          </strong>
        </div>
      ) : null}

      {reviews.isError ? (
        <>
          <h2 className="govuk-heading-m">{runsReviews ? 'Reviews' : 'My reviews'}</h2>
          <p className="govuk-body">Sorry, the reviews could not be loaded. Try again later.</p>
        </>
      ) : !reviews.data ? (
        <Loading />
      ) : open.length > 0 ? (
        <ReviewsTable
          partnershipId={partnershipId}
          reviews={open}
          caption={runsReviews ? 'Reviews in progress' : 'My reviews'}
          showMyRoles={!runsReviews}
        />
      ) : (
        <>
          <h2 className="govuk-heading-m">{runsReviews ? 'Reviews in progress' : 'My reviews'}</h2>
          <p className="govuk-body">
            {runsReviews
              ? 'There are no reviews in progress.'
              : 'You are not taking part in any reviews yet. When someone adds you to a review, it will be listed here.'}
          </p>
        </>
      )}
      {closedCount > 0 ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${home}/reviews`}>
            See {plural(closedCount, 'closed review', 'closed reviews')}
          </Link>
        </p>
      ) : null}

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
          {data.abilities.viewReferenceData ? (
            <Card heading="Reference data">
              <p className="govuk-body">
                The typology, contributory factors, appraisal scale and language rules reviews are analysed
                with.
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/reference-data`}>
                  Reference data
                </Link>
              </p>
            </Card>
          ) : null}
          {membership?.abilities.monitorReviews ? (
            <Card heading="Monitoring">
              <p className="govuk-body">
                Every review’s progress against its dates, and its quality markers.
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/monitoring`}>
                  Monitor time and quality
                </Link>
              </p>
            </Card>
          ) : null}
          {membership?.abilities.viewReviewerPool ? (
            <Card heading="Reviewers and training">
              <p className="govuk-body">The reviewers the partnership can call on, and its trainees.</p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/reviewers`}>
                  Reviewer pool
                </Link>
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/training`}>
                  Training programme
                </Link>
              </p>
            </Card>
          ) : null}
          {membership?.abilities.manageSecurity ? (
            <Card heading="Security">
              <p className="govuk-body">
                Who must use two-step verification, tokens for other systems, and signing in with organisation
                accounts.
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/security`}>
                  Two-step verification policy
                </Link>
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/api-tokens`}>
                  API tokens
                </Link>
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/sso`}>
                  Single sign-on
                </Link>
              </p>
            </Card>
          ) : null}
          {membership?.abilities.manageSecurity ? (
            <Card heading="Personal data">
              <p className="govuk-body">
                How long personal data is kept, erasure, and subject access requests.
              </p>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${home}/retention`}>
                  Keeping personal data
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
