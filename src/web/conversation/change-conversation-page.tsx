import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { clientProblem } from '../review/client-problem.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { conversationPage, useConversation, useConversations, useUpdateConversation } from './api.ts';
import { ConversationForm } from './conversation-form.tsx';
import {
  checkConversation,
  contentInput,
  conversationFieldIds,
  conversationValues,
  followUpsInput,
  withFieldsNamed,
} from './form-values.ts';

/** Change a conversation record while it is a draft or the person has asked for changes. */
export function ChangeConversationPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const conversationId = useParams().conversationId ?? '';
  const review = useReview(partnershipId, reviewId);
  const list = useConversations(partnershipId, reviewId);
  const conversation = useConversation(partnershipId, reviewId, conversationId);
  const update = useUpdateConversation(partnershipId, reviewId, conversationId);
  const navigate = useNavigate();
  const [fieldIds, setFieldIds] = useState<string[]>([]);
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(withFieldsNamed(update.error), fieldIds);

  for (const q of [review, list, conversation]) if (q.isError) return <QueryProblem error={q.error} />;
  if (!review.data || !list.data || !conversation.data) return <Loading />;
  const c = conversation.data;
  const page = conversationPage(partnershipId, reviewId, c.id);
  if (!c.abilities.edit)
    return (
      <ForbiddenPage
        message={`The record of the conversation with ${c.participant.name} cannot be changed now (${c.statusLabel.toLowerCase()}).`}
      />
    );
  const problem = checked ?? serverProblem;
  const heading = `Change the record of the conversation with ${c.participant.name}`;

  return (
    <Page
      title={[heading, review.data.title]}
      heading={heading}
      caption={review.data.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={review.data} />
      <ReviewContent>
        {c.participantComment && c.status === 'changes_requested' ? (
          <div className="govuk-inset-text">
            <h2 className="govuk-heading-s">{c.participant.name} asked for these changes</h2>
            <p className="govuk-body app-conversation-text">{c.participantComment}</p>
          </div>
        ) : null}
        <ConversationForm
          key={c.version}
          initial={conversationValues(c)}
          participants={null}
          conductors={list.data.conductors}
          errors={problem?.fields ?? {}}
          pending={update.isPending}
          cancelTo={page}
          onSubmit={(values) => {
            const ids = conversationFieldIds(values);
            setFieldIds(ids);
            const { errors, heldOn } = checkConversation(values, false);
            const found = clientProblem(errors, ids);
            setChecked(found);
            if (found) return;
            update.mutate(
              {
                heldOn,
                conductedBy: values.conductedBy,
                consentGiven: values.consentGiven === 'yes',
                audioRecorded: values.audioRecorded === 'yes',
                content: contentInput(values),
                followUpQuestions: followUpsInput(values),
                version: c.version,
              },
              { onSuccess: () => navigate(page, { state: { banner: 'The record has been saved' } }) },
            );
          }}
        />
      </ReviewContent>
    </Page>
  );
}
