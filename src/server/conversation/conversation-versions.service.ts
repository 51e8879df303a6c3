import { desc, eq } from 'drizzle-orm';
import { type ConversationStatus, conversationStatusLabels } from '#domain/conversation/lifecycle.ts';
import { conversationVersions, users } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';
import { loadVisibleConversation } from './conversation.presenter.ts';
import { audit } from './conversation.service.ts';

const changeLabel = (change: unknown) => {
  if (change === 'recorded') return 'Recorded';
  if (change === 'updated') return 'Changed';
  const to = String(change).replace('status:', '') as ConversationStatus;
  return `Status: ${conversationStatusLabels[to] ?? to}`;
};

/** Every saved state of a record, newest first, for the reviewers; reading them is audited. */
export async function listConversationVersions(ctx: ReviewCtx, conversationId: string) {
  const row = await loadVisibleConversation(ctx, conversationId);
  const rows = await ctx.tx
    .select({ v: conversationVersions, name: users.name })
    .from(conversationVersions)
    .leftJoin(users, eq(users.id, conversationVersions.changedBy))
    .where(eq(conversationVersions.conversationId, row.id))
    .orderBy(desc(conversationVersions.version));
  await audit(ctx, 'conversation.versions_viewed', row.id);
  return {
    versions: rows.map(({ v, name }) => {
      const snapshot = v.snapshot as Record<string, unknown>;
      const status = v.status as ConversationStatus;
      return {
        version: v.version,
        status,
        statusLabel: conversationStatusLabels[status],
        change: changeLabel(snapshot.change),
        comment: (snapshot.comment as string | null) ?? null,
        changedBy: { id: v.changedBy, name },
        changedAt: v.changedAt.toISOString(),
        snapshot,
      };
    }),
  };
}
