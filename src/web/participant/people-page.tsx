import { Link, useLocation } from 'react-router';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { reviewPage, useReview } from '../review/api.ts';
import { ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { type ParticipantDto, useParticipants } from './api.ts';
import { roleGroups } from './roles.ts';

export type PeoplePageState = { banner?: string; detail?: string } | null;

const statusTag: Record<ParticipantDto['status'], { text: string; colour: string }> = {
  active: { text: 'Taking part', colour: 'govuk-tag--green' },
  invited: { text: 'Invited', colour: 'govuk-tag--yellow' },
  removed: { text: 'Removed', colour: 'govuk-tag--grey' },
};

/**
 * The people taking part in a review, grouped by their part in it. Warns when a review team member
 * line-manages someone in the case group, which can stop open conversation.
 */
export function PeoplePage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const participants = useParticipants(partnershipId, reviewId);
  const state = useLocation().state as PeoplePageState;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (participants.isError) return <QueryProblem error={participants.error} />;
  if (!review.data) return <Loading />;
  const r = review.data;
  const people = participants.data?.participants ?? [];
  const manage = participants.data?.abilities.manage ?? false;
  const flagged = people.filter((p) => p.status !== 'removed' && p.flags.length > 0);
  const groups = roleGroups
    .map((g) => ({ ...g, people: people.filter((p) => g.roles.includes(p.role)) }))
    .filter((g) => manage || g.people.length > 0);

  return (
    <Page
      title={['People in the review', r.title]}
      heading="People in the review"
      caption={r.title}
      width="full"
      banner={
        state?.banner
          ? {
              heading: state.banner,
              children: state.detail ? <p className="govuk-body">{state.detail}</p> : null,
            }
          : null
      }
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      {manage ? (
        <Link className="govuk-button" to={reviewPage(partnershipId, reviewId, 'people/new')}>
          Add a person to the review
        </Link>
      ) : (
        <p className="govuk-body">The people taking part in this review that you can see.</p>
      )}
      {flagged.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Check who line-manages whom. A review team member who line-manages someone in the case group can
            make it harder for that person to speak openly.
          </strong>
        </div>
      ) : null}
      {!participants.data ? <Loading /> : null}
      {participants.data
        ? groups.map((g) => (
            <RoleGroup
              key={g.heading}
              heading={g.heading}
              empty={g.empty}
              people={g.people}
              showRole={g.roles.length > 1}
              changePath={manage ? (p) => reviewPage(partnershipId, reviewId, `people/${p.id}/change`) : null}
            />
          ))
        : null}
    </Page>
  );
}

type GroupProps = {
  heading: string;
  empty: string;
  people: ParticipantDto[];
  showRole: boolean;
  changePath: ((p: ParticipantDto) => string) | null;
};

function RoleGroup({ heading, empty, people, showRole, changePath }: GroupProps) {
  if (people.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">{heading}</h2>
        <p className="govuk-body">{empty}</p>
      </>
    );
  }
  const headers = ['Name', ...(showRole ? ['Role'] : []), 'Agency and job title', 'Status'];
  return (
    <ScrollableTable label={heading}>
      <table className="govuk-table govuk-table--small-text-until-tablet">
        <caption className="govuk-table__caption govuk-table__caption--m">{heading}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {headers.map((h) => (
              <th scope="col" className="govuk-table__header" key={h}>
                {h}
              </th>
            ))}
            {changePath ? (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {people.map((p) => (
            <tr className="govuk-table__row" key={p.id}>
              <th scope="row" className="govuk-table__header">
                {p.name}
                {p.email ? (
                  <span className="govuk-hint govuk-!-display-block govuk-!-font-size-16 govuk-!-font-weight-regular govuk-!-margin-bottom-0">
                    {p.email}
                  </span>
                ) : null}
                {p.status !== 'removed'
                  ? p.flags.map((f) => (
                      <span
                        className="govuk-!-display-block govuk-!-font-weight-regular govuk-!-margin-top-1"
                        key={f.code}
                      >
                        <strong className="govuk-tag govuk-tag--orange">Check</strong> {f.message}
                      </span>
                    ))
                  : null}
              </th>
              {showRole ? <td className="govuk-table__cell">{p.roleLabel}</td> : null}
              <td className="govuk-table__cell">
                {[p.agencyName, p.jobTitle].filter(Boolean).join(', ') || 'Not given'}
              </td>
              <td className="govuk-table__cell">
                <strong className={`govuk-tag ${statusTag[p.status].colour}`}>
                  {statusTag[p.status].text}
                </strong>
              </td>
              {changePath ? (
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={changePath(p)}>
                    Change <span className="govuk-visually-hidden">{p.name}’s part in the review</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
