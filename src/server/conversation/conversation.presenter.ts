import { and, eq, inArray } from 'drizzle-orm';
import type { ConversationContent } from '#domain/conversation/conversation.ts';
import { conversationContent } from '#domain/conversation/conversation.ts';
import type { ConversationDto, ConversationSummaryDto } from '#domain/conversation/dto.ts';
import {
  type ConversationActor,
  type ConversationStatus,
  conversationStatusLabels,
  mayEditConversation,
  nextStatuses,
  visibleToParticipant,
} from '#domain/conversation/lifecycle.ts';
import { mayInReview, type ReviewRole, reviewRoles } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { Queryable } from '../db/client.ts';
import { agencies, conversations, participants } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';

export type ConversationRow = typeof conversations.$inferSelect;
type Person = {
  id: string;
  name: string;
  roleLabel: string;
  jobTitle: string | null;
  agencyName: string | null;
};

/** The roles a conversation may be held with: the case group and the family. */
export const conversationRoles: ReviewRole[] = ['case_group_member', 'family_member'];
/** The roles who may conduct a conversation. */
export const conductorRoles: ReviewRole[] = ['lead_reviewer', 'trainee_reviewer'];

/** The people of a review by id, with their role label and agency. */
export async function peopleById(
  q: Queryable,
  reviewId: string,
  ids?: string[],
): Promise<Map<string, Person & { role: ReviewRole; active: boolean }>> {
  if (ids && ids.length === 0) return new Map();
  const rows = await q
    .select({ p: participants, agencyName: agencies.name })
    .from(participants)
    .leftJoin(agencies, eq(agencies.id, participants.agencyId))
    .where(and(eq(participants.reviewId, reviewId), ids ? inArray(participants.id, ids) : undefined));
  return new Map(
    rows.map(({ p, agencyName }) => [
      p.id,
      {
        id: p.id,
        name: p.name,
        role: p.role as ReviewRole,
        roleLabel: reviewRoles[p.role as ReviewRole] ?? p.role,
        jobTitle: p.jobTitle,
        agencyName,
        active: p.active,
      },
    ]),
  );
}

/** Which sides the person acts on for this record: a reviewer who records, the person it is about, or both. */
export function actorsFor(ctx: ReviewCtx, row: ConversationRow): ConversationActor[] {
  const actors: ConversationActor[] = [];
  if (mayInReview(ctx.actor, 'recordConversations')) actors.push('reviewer');
  if (ctx.participantIds.includes(row.participantId)) actors.push('participant');
  return actors;
}

/** Whether the person may see this record: reviewers see all; the person it is about sees theirs once shared. */
export function maySeeConversation(ctx: ReviewCtx, row: ConversationRow): boolean {
  if (mayInReview(ctx.actor, 'viewConversations')) return true;
  return (
    mayInReview(ctx.actor, 'viewOwnConversation') &&
    ctx.participantIds.includes(row.participantId) &&
    visibleToParticipant(row.status as ConversationStatus)
  );
}

/** Loads a conversation the person may see, or answers 404 (as if it did not exist). */
export async function loadVisibleConversation(ctx: ReviewCtx, conversationId: string, lock = false) {
  const query = ctx.tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, conversationId), eq(conversations.reviewId, ctx.review.id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !maySeeConversation(ctx, row)) throw AppError.notFound('conversation');
  return row;
}

const unknownPerson = (id: string): Person => ({
  id,
  name: 'Unknown person',
  roleLabel: '',
  jobTitle: null,
  agencyName: null,
});

export function presentSummary(row: ConversationRow, people: Map<string, Person>): ConversationSummaryDto {
  const p = people.get(row.participantId) ?? unknownPerson(row.participantId);
  const status = row.status as ConversationStatus;
  return {
    id: row.id,
    participant: {
      id: p.id,
      name: p.name,
      roleLabel: p.roleLabel,
      jobTitle: p.jobTitle,
      agencyName: p.agencyName,
    },
    status,
    statusLabel: conversationStatusLabels[status],
    heldOn: row.heldOn,
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** A conversation record for the person viewing it, with what they may do next. */
export async function presentConversation(ctx: ReviewCtx, row: ConversationRow): Promise<ConversationDto> {
  const people = await peopleById(ctx.tx, ctx.review.id, [row.participantId, ...row.conductedBy]);
  const actors = actorsFor(ctx, row);
  const reviewer = actors.includes('reviewer');
  const status = row.status as ConversationStatus;
  const content: ConversationContent = conversationContent.parse(row.content);
  return {
    ...presentSummary(row, people),
    conductedBy: row.conductedBy.map((id) => {
      const p = people.get(id) ?? unknownPerson(id);
      return { id: p.id, name: p.name, roleLabel: p.roleLabel };
    }),
    consentGiven: row.consentGiven,
    audioRecorded: row.audioRecorded,
    content,
    followUpQuestions: row.followUpQuestions as ConversationDto['followUpQuestions'],
    participantComment: row.participantComment,
    isOwn: ctx.participantIds.includes(row.participantId),
    createdAt: row.createdAt.toISOString(),
    abilities: {
      edit: reviewer && mayEditConversation(status),
      viewVersions: mayInReview(ctx.actor, 'viewConversations'),
      moveTo: nextStatuses(status, actors),
    },
  };
}

/** The full state of a record, as kept in each version. */
export function snapshotOf(row: ConversationRow, extra: { change: string; comment: string | null }) {
  return {
    change: extra.change,
    comment: extra.comment,
    participantId: row.participantId,
    status: row.status,
    heldOn: row.heldOn,
    conductedBy: row.conductedBy,
    consentGiven: row.consentGiven,
    audioRecorded: row.audioRecorded,
    content: row.content,
    followUpQuestions: row.followUpQuestions,
    participantComment: row.participantComment,
  };
}
