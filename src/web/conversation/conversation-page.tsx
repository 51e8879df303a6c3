import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { ConversationStatus } from '#domain/conversation/lifecycle.ts';
import { useFormProblem } from '../components/form-problem.ts';
import { formatDateTime } from '../components/format.ts';
import { Page } from '../components/page.tsx';
import { Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import {
  type ConversationVersionDto,
  conversationPage,
  useChangeConversationStatus,
  useConversation,
  useConversationVersions,
} from './api.ts';
import { ParticipantResponse, ReviewerActions } from './conversation-actions.tsx';
import { ConversationDetails, ConversationRecord } from './conversation-record.tsx';
import { StatusTag } from './status-tag.tsx';
import './conversation.scss';

const doneMessages: Record<ConversationStatus, (name: string) => string> = {
  shared: (name) => `The record has been shared with ${name}`,
  draft: () => 'The record is back in draft; you can change it',
  confirmed: () => 'Thank you. You have confirmed this is an accurate record',
  changes_requested: () => 'Thank you. The reviewers have been asked to make your changes',
  agreed: () => 'The record has been marked as agreed',
};

function History({ versions }: { versions: ConversationVersionDto[] }) {
  return (
    <section className="govuk-!-margin-top-8" aria-labelledby="history-heading">
      <h2 className="govuk-heading-m" id="history-heading">
        History
      </h2>
      <ol className="govuk-list app-conversation-history">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>{v.change}</strong> (version {v.version}) by{' '}
            {v.changedBy.name ?? 'someone no longer known'}, {formatDateTime(v.changedAt)}
            {v.comment ? (
              <p className="govuk-body app-conversation-text govuk-!-margin-top-1">“{v.comment}”</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A conversation record by section, with its status and history, and what the person may do next. */
export function ConversationPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const conversationId = useParams().conversationId ?? '';
  const review = useReview(partnershipId, reviewId);
  const conversation = useConversation(partnershipId, reviewId, conversationId);
  const viewVersions = Boolean(conversation.data?.abilities.viewVersions);
  const versions = useConversationVersions(partnershipId, reviewId, conversationId, viewVersions);
  const move = useChangeConversationStatus(partnershipId, reviewId, conversationId);
  const [done, setDone] = useState<string | null>(null);
  const arrived = (useLocation().state as { banner?: string } | null)?.banner;
  const problem = useFormProblem(move.error, ['comment']);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (conversation.isError) return <QueryProblem error={conversation.error} />;
  if (!review.data || !conversation.data) return <Loading />;
  const c = conversation.data;
  const heading = c.isOwn ? 'The record of your conversation' : `Conversation with ${c.participant.name}`;
  const banner = done ?? arrived;
  const onMove = (to: ConversationStatus, comment?: string) => {
    setDone(null);
    move.mutate(
      { to, version: c.version, ...(comment !== undefined ? { comment } : {}) },
      { onSuccess: (after) => setDone(doneMessages[to](after.participant.name)) },
    );
  };

  return (
    <Page
      title={[heading, review.data.title]}
      heading={heading}
      caption={review.data.title}
      errors={problem?.items}
      banner={banner && !problem ? { heading: banner } : null}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        <p className="govuk-body">
          Status: <StatusTag status={c.status} label={c.statusLabel} />
        </p>
        {c.isOwn ? (
          <div className="govuk-inset-text">
            This is the record of your conversation. Check it says what you meant. Nothing here is about
            blame.
          </div>
        ) : null}
        {c.participantComment && !c.isOwn ? (
          <div className="govuk-inset-text">
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
              {c.participant.name}’s comment
            </p>
            <p className="govuk-body app-conversation-text">{c.participantComment}</p>
          </div>
        ) : null}
        {c.abilities.edit ? (
          <Link
            className="govuk-button govuk-button--secondary"
            to={conversationPage(partnershipId, reviewId, c.id, 'change')}
          >
            Change the record
          </Link>
        ) : null}
        <ReviewerActions c={c} pending={move.isPending} onMove={onMove} />
        <h2 className="govuk-heading-m">About the conversation</h2>
        <ConversationDetails c={c} />
        <ConversationRecord c={c} />
        <ParticipantResponse
          c={c}
          pending={move.isPending}
          commentError={problem?.fields.comment}
          onMove={onMove}
        />
        {versions.data ? <History versions={versions.data.versions} /> : null}
        <p className="govuk-body govuk-!-margin-top-6">
          <Link className="govuk-link" to={conversationPage(partnershipId, reviewId)}>
            Back to conversations
          </Link>
        </p>
      </ReviewContent>
    </Page>
  );
}
