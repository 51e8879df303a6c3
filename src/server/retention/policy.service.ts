import { and, eq, max } from 'drizzle-orm';
import { londonDate } from '#domain/intake/deadlines.ts';
import type {
  RetentionPolicyDto,
  ReviewsDueForErasureList,
  UpdateRetentionPolicyInput,
} from '#domain/retention/retention.ts';
import {
  defaultRetainYears,
  erasureDueOn,
  maxRetainYears,
  mayManageRetention,
  minRetainYears,
  type RetentionFacts,
  retentionStartsOn,
} from '#domain/retention/rules.ts';
import { type ReviewStage, reviewStages } from '#domain/review/stages.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import {
  publications,
  retentionPolicies,
  reviewErasures,
  reviews,
  reviewTransitions,
  users,
} from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { assertSettingsVersion } from '../http/versions.ts';

async function findPolicyRow(q: Queryable, partnershipId: string) {
  const [row] = await q
    .select({ policy: retentionPolicies, updatedByName: users.name })
    .from(retentionPolicies)
    .leftJoin(users, eq(users.id, retentionPolicies.updatedBy))
    .where(eq(retentionPolicies.partnershipId, partnershipId));
  return row ?? null;
}

/** The number of years the partnership keeps a finished review's personal data. */
export async function retainYearsOf(q: Queryable, partnershipId: string): Promise<number> {
  const row = await findPolicyRow(q, partnershipId);
  return row?.policy.retainYears ?? defaultRetainYears;
}

/** The partnership's retention policy; a partnership that never set one keeps the default (version 1). */
export async function getRetentionPolicy(ctx: MemberCtx): Promise<RetentionPolicyDto> {
  const row = await findPolicyRow(ctx.tx, ctx.membership.partnershipId);
  return {
    retainYears: row?.policy.retainYears ?? defaultRetainYears,
    isDefault: !row,
    defaultRetainYears,
    minRetainYears,
    maxRetainYears,
    version: row?.policy.version ?? 1,
    updatedAt: row ? row.policy.updatedAt.toISOString() : null,
    updatedBy:
      row?.policy.updatedBy && row.updatedByName
        ? { id: row.policy.updatedBy, name: row.updatedByName }
        : null,
    abilities: { update: mayManageRetention(ctx.membership.role) },
  };
}

/**
 * Changes how long the partnership keeps a finished review's personal data. Based on a version: a
 * stale change is refused with the policy as it is now.
 */
export async function updateRetentionPolicy(
  ctx: MemberCtx,
  input: UpdateRetentionPolicyInput,
): Promise<RetentionPolicyDto> {
  const partnershipId = ctx.membership.partnershipId;
  const [locked] = await ctx.tx
    .select()
    .from(retentionPolicies)
    .where(eq(retentionPolicies.partnershipId, partnershipId))
    .for('update');
  const currentVersion = await assertSettingsVersion(
    input.version,
    locked,
    'Someone else changed how long personal data is kept while you were working on it. Check the current period and try again.',
    () => getRetentionPolicy(ctx),
  );
  const previous = locked?.retainYears ?? defaultRetainYears;
  if (locked && previous === input.retainYears) return getRetentionPolicy(ctx);
  const values = {
    retainYears: input.retainYears,
    version: currentVersion + 1,
    updatedAt: ctx.now,
    updatedBy: ctx.principal.userId,
  };
  if (locked) {
    await ctx.tx
      .update(retentionPolicies)
      .set(values)
      .where(eq(retentionPolicies.partnershipId, partnershipId));
  } else {
    await ctx.tx.insert(retentionPolicies).values({ partnershipId, ...values });
  }
  await auditAction(ctx, {
    action: 'retention.policy_updated',
    entityType: 'retention_policy',
    entityId: partnershipId,
    details: { retainYears: input.retainYears, previous },
  });
  return getRetentionPolicy(ctx);
}

/** When each of the partnership's reviews (or one of them) was published and closed, and whether it was erased. */
export async function retentionFactsOf(q: Queryable, partnershipId: string, reviewId?: string) {
  const closed = q
    .select({ reviewId: reviewTransitions.reviewId, at: max(reviewTransitions.at).as('closed_at') })
    .from(reviewTransitions)
    .where(and(eq(reviewTransitions.partnershipId, partnershipId), eq(reviewTransitions.toStage, 'closed')))
    .groupBy(reviewTransitions.reviewId)
    .as('closed');
  const rows = await q
    .select({
      id: reviews.id,
      title: reviews.title,
      stage: reviews.stage,
      publishedOn: publications.publishedOn,
      closedAt: closed.at,
      erasureId: reviewErasures.id,
    })
    .from(reviews)
    .leftJoin(publications, eq(publications.reviewId, reviews.id))
    .leftJoin(closed, eq(closed.reviewId, reviews.id))
    .leftJoin(reviewErasures, eq(reviewErasures.reviewId, reviews.id))
    .where(and(eq(reviews.partnershipId, partnershipId), reviewId ? eq(reviews.id, reviewId) : undefined));
  return rows.map((r) => {
    const facts: RetentionFacts = {
      stage: r.stage as ReviewStage,
      publishedOn: r.publishedOn,
      closedOn: r.closedAt ? londonDate(new Date(r.closedAt)) : null,
    };
    return { id: r.id, title: r.title, facts, erased: r.erasureId !== null };
  });
}

/**
 * The partnership's reviews whose personal data is due for erasure: published, or closed without
 * publication, longer ago than the retention period, and not yet erased. Oldest first.
 */
export async function listReviewsDueForErasure(ctx: MemberCtx): Promise<ReviewsDueForErasureList> {
  const partnershipId = ctx.membership.partnershipId;
  const retainYears = await retainYearsOf(ctx.tx, partnershipId);
  const today = londonDate(ctx.now);
  const due = (await retentionFactsOf(ctx.tx, partnershipId))
    .filter((r) => !r.erased)
    .flatMap((r) => {
      const dueOn = erasureDueOn(r.facts, retainYears);
      const startsOn = retentionStartsOn(r.facts);
      if (!dueOn || !startsOn || dueOn > today) return [];
      return [
        {
          id: r.id,
          title: r.title,
          stage: r.facts.stage,
          stageLabel: reviewStages[r.facts.stage] ?? r.facts.stage,
          publishedOn: r.facts.publishedOn,
          closedOn: r.facts.closedOn,
          retentionStartsOn: startsOn,
          dueOn,
        },
      ];
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
  return { retainYears, today, reviews: due };
}
