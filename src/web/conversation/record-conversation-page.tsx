import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type FormProblem, useFormProblem } from '../components/form-problem.ts';
import { Page } from '../components/page.tsx';
import { ForbiddenPage, Loading, QueryProblem } from '../components/problem-pages.tsx';
import { useReview } from '../review/api.ts';
import { clientProblem } from '../review/client-problem.ts';
import { ReviewContent, ReviewNavigation } from '../review/review-navigation.tsx';
import { useReviewParams } from '../review/review-overview-page.tsx';
import { conversationPage, useConversations, useRecordConversation } from './api.ts';
import { ConversationForm } from './conversation-form.tsx';
import {
  checkConversation,
  contentInput,
  conversationFieldIds,
  emptyConversation,
  followUpsInput,
  withFieldsNamed,
} from './form-values.ts';

/** Record a conversation with a member of the case group or family, as a draft. */
export function RecordConversationPage() {
  const { partnershipId, reviewId } = useReviewParams();
  const review = useReview(partnershipId, reviewId);
  const list = useConversations(partnershipId, reviewId);
  const record = useRecordConversation(partnershipId, reviewId);
  const navigate = useNavigate();
  const [fieldIds, setFieldIds] = useState<string[]>(conversationFieldIds(emptyConversation));
  const [checked, setChecked] = useState<FormProblem | null>(null);
  const serverProblem = useFormProblem(withFieldsNamed(record.error), fieldIds);

  if (review.isError) return <QueryProblem error={review.error} />;
  if (list.isError) return <QueryProblem error={list.error} />;
  if (!review.data || !list.data) return <Loading />;
  if (!list.data.abilities.record)
    return <ForbiddenPage message="You do not have permission to record conversations in this review." />;
  const r = review.data;
  const problem = checked ?? serverProblem;
  const back = conversationPage(partnershipId, reviewId);

  return (
    <Page
      title={['Record a conversation', r.title]}
      heading="Record a conversation"
      caption={r.title}
      errors={problem?.items}
      width="full"
    >
      <ReviewNavigation partnershipId={partnershipId} reviewId={reviewId} review={r} />
      <ReviewContent>
        <p className="govuk-body">
          The record is saved as a draft. Nobody outside the review team sees it until you share it with the
          person.
        </p>
        <ConversationForm
          initial={emptyConversation}
          participants={list.data.participants}
          conductors={list.data.conductors}
          errors={problem?.fields ?? {}}
          pending={record.isPending}
          cancelTo={back}
          onSubmit={(values) => {
            const ids = conversationFieldIds(values);
            setFieldIds(ids);
            const { errors, heldOn } = checkConversation(values, true);
            const found = clientProblem(errors, ids);
            setChecked(found);
            if (found) return;
            record.mutate(
              {
                participantId: values.participantId,
                heldOn,
                conductedBy: values.conductedBy,
                consentGiven: values.consentGiven === 'yes',
                audioRecorded: values.audioRecorded === 'yes',
                content: contentInput(values),
                followUpQuestions: followUpsInput(values),
              },
              {
                onSuccess: (c) =>
                  navigate(conversationPage(partnershipId, reviewId, c.id), {
                    state: {
                      banner: `Your record of the conversation with ${c.participant.name} has been saved as a draft`,
                    },
                  }),
              },
            );
          }}
        />
      </ReviewContent>
    </Page>
  );
}
