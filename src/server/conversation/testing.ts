import { conversationContent } from '#domain/conversation/conversation.ts';
import type { ConversationStatus } from '#domain/conversation/lifecycle.ts';
import { conversations } from '../db/schema/index.ts';
import type { TestApp } from '../testing/harness.ts';

/** Creates a conversation record directly in the database, for tests that need one to exist. */
export async function givenConversation(
  t: TestApp,
  review: { id: string; partnershipId: string },
  participantId: string,
  status: ConversationStatus = 'draft',
) {
  const [row] = await t.database.db
    .insert(conversations)
    .values({
      partnershipId: review.partnershipId,
      reviewId: review.id,
      participantId,
      status,
      consentGiven: true,
      content: conversationContent.parse({ roleAndInvolvement: 'Fixture' }),
    })
    .returning();
  return row!;
}
