import { Link, useLocation } from 'react-router';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { ScrollableTable } from '../components/scrollable-table.tsx';
import { useReview } from '../review/api.ts';
import { formatDate } from '../review/dates.ts';
import { ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { conversationPage, useConversations } from './api.ts';
import { StatusTag } from './status-tag.tsx';

/** The conversations of a review: all for the reviewers; for a case group or family member, their own once shared. */
export function ConversationsPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const list = useConversations(partnershipId, reviewId);
  const banner = (useLocation().state as { banner?: string } | null)?.banner;
  if (review.isError) return <QueryProblem error={review.error} />;
  if (list.isError) return <QueryProblem error={list.error} />;
  const title = review.data?.title;
  const data = list.data;
  const seesAll = Boolean(review.data?.abilities.viewConversations);

  return (
    <Page
      title={['Conversations', ...(title ? [title] : [])]}
      heading="Conversations"
      caption={title}
      banner={banner ? { heading: banner } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      {!data || !review.data ? <Loading /> : null}
      {data && review.data ? (
        <>
          <p className="govuk-body">
            {seesAll
              ? 'The structured conversations held with members of the case group and family.'
              : 'The record of your conversation with the reviewers appears here once they share it with you.'}
          </p>
          {data.abilities.record ? (
            <Link className="govuk-button" to={conversationPage(partnershipId, reviewId, 'new')}>
              Record a conversation
            </Link>
          ) : null}
          {data.conversations.length === 0 ? (
            <p className="govuk-body">There are no conversations{seesAll ? ' yet' : ' to show you yet'}.</p>
          ) : (
            <ScrollableTable label="Conversations table">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">
                  Conversations
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Conversation with
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Role
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Held on
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Status
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {data.conversations.map((c) => (
                    <tr className="govuk-table__row" key={c.id}>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={conversationPage(partnershipId, reviewId, c.id)}>
                          {c.participant.name}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">
                        {[c.participant.roleLabel, c.participant.jobTitle, c.participant.agencyName]
                          .filter(Boolean)
                          .join(', ')}
                      </td>
                      <td className="govuk-table__cell">{c.heldOn ? formatDate(c.heldOn) : 'Not given'}</td>
                      <td className="govuk-table__cell">
                        <StatusTag status={c.status} label={c.statusLabel} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          )}
        </>
      ) : null}
    </Page>
  );
}
