import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { londonDate } from '#domain/intake/deadlines.ts';
import {
  type addSupervisionCommentInput,
  type listSupervisionQuery,
  type recordSupervisionSessionInput,
  type replySupervisionInput,
  type SupervisionSessionKind,
  type SupervisionTarget,
  type SupervisionThreadDto,
  type SupervisionThreadList,
  type supervisionSessionDto,
  supervisionSessionKinds,
  type supervisionSessionList,
} from '#domain/quality/supervision.ts';
import { sessionDateProblem, threadStatus } from '#domain/quality/supervision-rules.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import { supervisionReplies, supervisionSessions, supervisionThreads } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { assertTargetInReview, labelIn, namesOf, roleLabels, targetLabels } from './supervision-targets.ts';

type ThreadRow = typeof supervisionThreads.$inferSelect;
type SessionRow = typeof supervisionSessions.$inferSelect;

const audit = (
  ctx: ReviewCtx,
  action: 'supervision.commented' | 'supervision.replied' | 'supervision.resolved',
  threadId: string,
  details: Record<string, unknown> = {},
) =>
  auditAction(ctx, {
    action,
    entityType: 'supervision_thread',
    entityId: threadId,
    details: { reviewId: ctx.review.id, ...details },
  });

/** The threads with their replies (oldest first), names, role labels, target labels and abilities. */
async function presentThreads(ctx: ReviewCtx, rows: readonly ThreadRow[]): Promise<SupervisionThreadDto[]> {
  if (!rows.length) return [];
  const replies = await ctx.tx
    .select()
    .from(supervisionReplies)
    .where(
      inArray(
        supervisionReplies.threadId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(supervisionReplies.createdAt), asc(supervisionReplies.id));
  const people = [...rows.flatMap((r) => [r.authorId, r.resolvedBy]), ...replies.map((r) => r.authorId)];
  const names = await namesOf(ctx, people);
  const roles = await roleLabels(ctx, people);
  const refs = rows.map((r) => ({ targetType: r.targetType as SupervisionTarget, targetId: r.targetId }));
  const labels = await targetLabels(ctx, refs);
  const nameOf = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
  const roleOf = (userId: string | null) => (userId ? (roles.get(userId) ?? null) : null);
  const answer = mayInReview(ctx.actor, 'answerSupervision');
  return rows.map((row, i) => {
    const status = threadStatus(row.resolvedAt);
    return {
      id: row.id,
      targetType: row.targetType as SupervisionTarget,
      targetId: row.targetId,
      targetLabel: labelIn(labels, refs[i]!),
      body: row.body,
      authorName: nameOf(row.authorId),
      authorRoleLabel: roleOf(row.authorId),
      createdAt: row.createdAt.toISOString(),
      replies: replies
        .filter((r) => r.threadId === row.id)
        .map((r) => ({
          id: r.id,
          body: r.body,
          authorName: nameOf(r.authorId),
          authorRoleLabel: roleOf(r.authorId),
          createdAt: r.createdAt.toISOString(),
        })),
      status,
      resolvedByName: nameOf(row.resolvedBy),
      resolvedAt: row.resolvedAt?.toISOString() ?? null,
      abilities: { reply: answer, resolve: answer && status === 'open' },
    };
  });
}

const presentThread = async (ctx: ReviewCtx, row: ThreadRow) => (await presentThreads(ctx, [row]))[0]!;

/** A supervision thread of this review, or 404 (as if it did not exist). */
export async function loadThread(ctx: ReviewCtx, threadId: string, options: { lock?: boolean } = {}) {
  const query = ctx.tx
    .select()
    .from(supervisionThreads)
    .where(and(eq(supervisionThreads.id, threadId), eq(supervisionThreads.reviewId, ctx.review.id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw AppError.notFound('supervision comment');
  return row;
}

/** The review's supervision threads, newest first, optionally only those about one target, with what the person may do. */
export async function listSupervisionComments(
  ctx: ReviewCtx,
  query: z.output<typeof listSupervisionQuery>,
): Promise<SupervisionThreadList> {
  const where: SQL[] = [eq(supervisionThreads.reviewId, ctx.review.id)];
  if (query.targetType) where.push(eq(supervisionThreads.targetType, query.targetType));
  if (query.targetId) where.push(eq(supervisionThreads.targetId, query.targetId));
  const rows = await ctx.tx
    .select()
    .from(supervisionThreads)
    .where(and(...where))
    .orderBy(desc(supervisionThreads.createdAt), desc(supervisionThreads.id));
  return {
    threads: await presentThreads(ctx, rows),
    abilities: { comment: mayInReview(ctx.actor, 'addSupervisionComment') },
  };
}

/**
 * Opens a thread with a comment on one of this review's episodes or findings, or on a section of its
 * report; a target that is not this review's is refused naming `targetId`. The audit row names the
 * target, never the comment.
 */
export async function addSupervisionComment(
  ctx: ReviewCtx,
  input: z.output<typeof addSupervisionCommentInput>,
): Promise<SupervisionThreadDto> {
  const ref = { targetType: input.targetType, targetId: input.targetId };
  await assertTargetInReview(ctx, ref);
  const [row] = await ctx.tx
    .insert(supervisionThreads)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      ...ref,
      body: input.body,
      authorId: ctx.principal.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('supervision comment not stored');
  await audit(ctx, 'supervision.commented', row.id, ref);
  return presentThread(ctx, row);
}

/** Adds a reply to a thread of this review; a reply to a resolved thread leaves it resolved. */
export async function replyToSupervisionComment(
  ctx: ReviewCtx,
  threadId: string,
  input: z.output<typeof replySupervisionInput>,
): Promise<SupervisionThreadDto> {
  const thread = await loadThread(ctx, threadId, { lock: true });
  const [reply] = await ctx.tx
    .insert(supervisionReplies)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      threadId: thread.id,
      body: input.body,
      authorId: ctx.principal.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (!reply) throw new Error('supervision reply not stored');
  await audit(ctx, 'supervision.replied', thread.id, { replyId: reply.id });
  return presentThread(ctx, thread);
}

/** Resolves a thread of this review; resolving one already resolved changes nothing. */
export async function resolveSupervisionComment(
  ctx: ReviewCtx,
  threadId: string,
): Promise<SupervisionThreadDto> {
  const thread = await loadThread(ctx, threadId, { lock: true });
  if (thread.resolvedAt) return presentThread(ctx, thread);
  const [resolved] = await ctx.tx
    .update(supervisionThreads)
    .set({ resolvedBy: ctx.principal.userId, resolvedAt: ctx.now })
    .where(eq(supervisionThreads.id, thread.id))
    .returning();
  await audit(ctx, 'supervision.resolved', thread.id);
  return presentThread(ctx, resolved ?? thread);
}

type SessionDto = z.input<typeof supervisionSessionDto>;

function presentSession(row: SessionRow, names: ReadonlyMap<string, string>): SessionDto {
  const kind = row.kind as SupervisionSessionKind;
  return {
    id: row.id,
    kind,
    kindLabel: supervisionSessionKinds[kind] ?? row.kind,
    heldOn: row.heldOn,
    attendees: row.attendees,
    notes: row.notes,
    recordedByName: row.recordedBy ? (names.get(row.recordedBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The review's supervision log, newest session first, with what the person may do. */
export async function listSupervisionSessions(
  ctx: ReviewCtx,
): Promise<z.input<typeof supervisionSessionList>> {
  const rows = await ctx.tx
    .select()
    .from(supervisionSessions)
    .where(eq(supervisionSessions.reviewId, ctx.review.id))
    .orderBy(desc(supervisionSessions.heldOn), desc(supervisionSessions.createdAt));
  const names = await namesOf(
    ctx,
    rows.map((r) => r.recordedBy),
  );
  return {
    sessions: rows.map((r) => presentSession(r, names)),
    abilities: { record: mayInReview(ctx.actor, 'recordSupervisionSession') },
  };
}

/**
 * Records a group or individual supervision session held on a day up to today (in London); a later
 * date is refused naming `heldOn`. The audit row names the kind and date, never the notes.
 */
export async function recordSupervisionSession(
  ctx: ReviewCtx,
  input: z.output<typeof recordSupervisionSessionInput>,
): Promise<SessionDto> {
  const problem = sessionDateProblem(input.heldOn, londonDate(ctx.now));
  if (problem) throw AppError.invalid([problem]);
  const [row] = await ctx.tx
    .insert(supervisionSessions)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      kind: input.kind,
      heldOn: input.heldOn,
      attendees: input.attendees || null,
      notes: input.notes || null,
      recordedBy: ctx.principal.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('supervision session not stored');
  await auditAction(ctx, {
    action: 'supervision_session.recorded',
    entityType: 'supervision_session',
    entityId: row.id,
    details: { reviewId: ctx.review.id, kind: row.kind, heldOn: row.heldOn },
  });
  return presentSession(row, await namesOf(ctx, [row.recordedBy]));
}
