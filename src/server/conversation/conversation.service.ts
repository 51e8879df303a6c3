import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  ChangeConversationStatusInput,
  RecordConversationInput,
  UpdateConversationInput,
} from '#domain/conversation/conversation.ts';
import type { ConversationList } from '#domain/conversation/dto.ts';
import {
  type ConversationStatus,
  checkTransition,
  conversationStatusLabels,
  mayEditConversation,
  visibleToParticipant,
} from '#domain/conversation/lifecycle.ts';
import { searchText } from '#domain/conversation/search-text.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction, type recordAudit } from '../audit/audit.service.ts';
import { conversations, conversationVersions } from '../db/schema/index.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import {
  actorsFor,
  type ConversationRow,
  conductorRoles,
  conversationRoles,
  loadVisibleConversation,
  peopleById,
  presentConversation,
  presentSummary,
  snapshotOf,
} from './conversation.presenter.ts';

export const audit = (
  ctx: ReviewCtx,
  action: Parameters<typeof recordAudit>[1]['action'],
  id: string,
  details = {},
) =>
  auditAction(ctx, {
    action,
    entityType: 'conversation',
    entityId: id,
    details: { reviewId: ctx.review.id, ...details },
  });

async function writeVersion(
  ctx: ReviewCtx,
  row: ConversationRow,
  change: string,
  comment: string | null = null,
) {
  await ctx.tx.insert(conversationVersions).values({
    partnershipId: row.partnershipId,
    conversationId: row.id,
    version: row.version,
    status: row.status,
    snapshot: snapshotOf(row, { change, comment }),
    changedBy: ctx.principal.userId,
    changedAt: ctx.now,
  });
}

async function assertConductors(ctx: ReviewCtx, ids: readonly string[]) {
  const people = await peopleById(ctx.tx, ctx.review.id, [...new Set(ids)]);
  const fields = ids.flatMap((id, i) => {
    const p = people.get(id);
    return p?.active && conductorRoles.includes(p.role)
      ? []
      : [{ path: `conductedBy.${i}`, message: 'Choose a lead or trainee reviewer of this review' }];
  });
  if (fields.length) throw AppError.invalid(fields);
}

async function assertFresh(ctx: ReviewCtx, current: ConversationRow, given: number) {
  if (current.version === given) return;
  const now = await presentConversation(ctx, current);
  assertVersion(current, given, 'conversation record', () => now);
}

/** The conversations of a review: all of them for reviewers; for a case group or family member, only their own once shared. */
export async function listConversations(ctx: ReviewCtx): Promise<ConversationList> {
  const seesAll = mayInReview(ctx.actor, 'viewConversations');
  const rows = await ctx.tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.reviewId, ctx.review.id),
        seesAll
          ? undefined
          : inArray(
              conversations.participantId,
              ctx.participantIds.length ? ctx.participantIds : ['00000000-0000-0000-0000-000000000000'],
            ),
      ),
    )
    .orderBy(asc(conversations.heldOn), asc(conversations.createdAt));
  const visible = rows.filter((r) => seesAll || visibleToParticipant(r.status as ConversationStatus));
  const records = mayInReview(ctx.actor, 'recordConversations');
  const people = await peopleById(ctx.tx, ctx.review.id);
  const pick = (roles: readonly string[]) =>
    records
      ? [...people.values()]
          .filter((p) => p.active && roles.includes(p.role))
          .map((p) => ({ id: p.id, name: p.name, roleLabel: p.roleLabel }))
      : [];
  return {
    conversations: visible.map((r) => presentSummary(r, people)),
    abilities: { record: records },
    participants: pick(conversationRoles),
    conductors: pick(conductorRoles),
  };
}

/** Records a conversation held with a member of the case group or family, as a draft. */
export async function recordConversation(ctx: ReviewCtx, input: RecordConversationInput) {
  const [person] = (await peopleById(ctx.tx, ctx.review.id, [input.participantId])).values();
  if (!person?.active || !conversationRoles.includes(person.role))
    throw AppError.invalid([
      { path: 'participantId', message: 'Choose a member of the case group or family in this review' },
    ]);
  await assertConductors(ctx, input.conductedBy);
  const [row] = await ctx.tx
    .insert(conversations)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      participantId: input.participantId,
      status: 'draft',
      heldOn: input.heldOn ?? null,
      conductedBy: input.conductedBy,
      consentGiven: input.consentGiven,
      audioRecorded: input.audioRecorded,
      content: input.content,
      followUpQuestions: input.followUpQuestions,
      searchText: searchText(input.content, input.followUpQuestions),
      createdBy: ctx.principal.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await writeVersion(ctx, row, 'recorded');
  await audit(ctx, 'conversation.recorded', row.id, { participantId: row.participantId });
  return presentConversation(ctx, row);
}

/** Opens a conversation record; every reading is audited, as the record is sensitive. */
export async function getConversation(ctx: ReviewCtx, conversationId: string) {
  const row = await loadVisibleConversation(ctx, conversationId);
  await audit(ctx, 'conversation.viewed', row.id);
  return presentConversation(ctx, row);
}

/** Changes a draft record, or one the person asked to change, keeping the earlier state as a version. */
export async function updateConversation(
  ctx: ReviewCtx,
  conversationId: string,
  input: UpdateConversationInput,
) {
  const current = await loadVisibleConversation(ctx, conversationId, true);
  await assertFresh(ctx, current, input.version);
  const status = current.status as ConversationStatus;
  if (!mayEditConversation(status))
    throw new AppError(
      'conflict',
      `The record cannot be changed while it is “${conversationStatusLabels[status]}”.${status === 'shared' ? ' Take it back to draft first.' : ''}`,
      { status },
    );
  const consentGiven = input.consentGiven ?? current.consentGiven;
  const audioRecorded = input.audioRecorded ?? current.audioRecorded;
  if (audioRecorded && !consentGiven)
    throw AppError.invalid([
      { path: 'audioRecorded', message: 'A conversation can only be recorded with the person’s consent' },
    ]);
  if (input.conductedBy) await assertConductors(ctx, input.conductedBy);
  const { version: _v, ...changes } = input;
  const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  const content = input.content ?? (current.content as RecordConversationInput['content']);
  const followUps =
    input.followUpQuestions ?? (current.followUpQuestions as RecordConversationInput['followUpQuestions']);
  const [row] = await ctx.tx
    .update(conversations)
    .set({
      ...(input.heldOn !== undefined ? { heldOn: input.heldOn } : {}),
      ...(input.conductedBy ? { conductedBy: input.conductedBy } : {}),
      consentGiven,
      audioRecorded,
      content,
      followUpQuestions: followUps,
      searchText: searchText(content, followUps),
      version: current.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(conversations.id, current.id))
    .returning();
  await writeVersion(ctx, row!, 'updated');
  await audit(ctx, 'conversation.updated', row!.id, { fields });
  return presentConversation(ctx, row!);
}

/** Moves a record through its life: shared, confirmed or changes asked for by the person, agreed. */
export async function changeConversationStatus(
  ctx: ReviewCtx,
  conversationId: string,
  input: ChangeConversationStatusInput,
) {
  const current = await loadVisibleConversation(ctx, conversationId, true);
  await assertFresh(ctx, current, input.version);
  const from = current.status as ConversationStatus;
  const check = checkTransition(from, input.to, actorsFor(ctx, current), input.comment);
  if (!check.ok) {
    if (check.reason === 'comment_required')
      throw AppError.invalid([{ path: 'comment', message: check.message }]);
    if (check.reason === 'wrong_actor') throw AppError.forbidden(check.message);
    throw new AppError('conflict', check.message, { status: from });
  }
  const comment = input.comment?.trim() || null;
  const byParticipant = input.to === 'confirmed' || input.to === 'changes_requested';
  const [row] = await ctx.tx
    .update(conversations)
    .set({
      status: input.to,
      ...(byParticipant ? { participantComment: comment } : {}),
      version: current.version + 1,
      updatedAt: ctx.now,
    })
    .where(eq(conversations.id, current.id))
    .returning();
  await writeVersion(ctx, row!, `status:${input.to}`, comment);
  await audit(ctx, 'conversation.status_changed', row!.id, { from, to: input.to });
  return presentConversation(ctx, row!);
}
