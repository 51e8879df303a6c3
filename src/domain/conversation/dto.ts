import { z } from 'zod';
import { id } from '../shared/fields.ts';
import { conversationContent, conversationStatus, followUpQuestion } from './conversation.ts';

const person = z.object({ id, name: z.string(), roleLabel: z.string() });

export const conversationSummaryDto = z.object({
  id,
  participant: person.extend({ jobTitle: z.string().nullable(), agencyName: z.string().nullable() }),
  status: conversationStatus,
  statusLabel: z.string(),
  heldOn: z.string().nullable(),
  updatedAt: z.string(),
  version: z.int(),
});
export type ConversationSummaryDto = z.infer<typeof conversationSummaryDto>;

export const conversationList = z.object({
  conversations: z.array(conversationSummaryDto),
  abilities: z.object({ record: z.boolean() }),
  /** Those a reviewer may hold a conversation with, and those who may conduct one: only for reviewers who record. */
  participants: z.array(person),
  conductors: z.array(person),
});
export type ConversationList = z.infer<typeof conversationList>;

export const conversationDto = conversationSummaryDto.extend({
  conductedBy: z.array(person),
  consentGiven: z.boolean(),
  audioRecorded: z.boolean(),
  content: conversationContent,
  followUpQuestions: z.array(followUpQuestion),
  participantComment: z.string().nullable().describe('The person’s latest comment on the record'),
  isOwn: z.boolean().describe('Whether the record is about the person viewing it'),
  createdAt: z.string(),
  abilities: z.object({
    edit: z.boolean(),
    viewVersions: z.boolean(),
    /** The statuses this person may move the record to now. */
    moveTo: z.array(conversationStatus),
  }),
});
export type ConversationDto = z.infer<typeof conversationDto>;

export const conversationVersionDto = z.object({
  version: z.int(),
  status: conversationStatus,
  statusLabel: z.string(),
  change: z.string().describe('What happened in this version, in words'),
  comment: z.string().nullable(),
  changedBy: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  changedAt: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});
export const conversationVersionList = z.object({ versions: z.array(conversationVersionDto) });
export type ConversationVersionDto = z.infer<typeof conversationVersionDto>;
