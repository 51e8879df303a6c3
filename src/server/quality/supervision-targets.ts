import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { SupervisionTarget } from '#domain/quality/supervision.ts';
import {
  authorRoleLabel,
  reportSectionTitle,
  sectionTitles,
  targetLabel,
} from '#domain/quality/supervision-rules.ts';
import type { ReviewRole } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import type { PartnershipRole } from '#domain/user/roles.ts';
import { episodes, findings, memberships, participants, reportVersions, users } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';

/** A thing a supervision comment is about. */
export type TargetRef = { targetType: SupervisionTarget; targetId: string };

const uuid = z.uuid();
const idsOf = (refs: readonly TargetRef[], type: SupervisionTarget) => [
  ...new Set(
    refs.filter((r) => r.targetType === type && uuid.safeParse(r.targetId).success).map((r) => r.targetId),
  ),
];
const keyOf = (ref: TargetRef) => `${ref.targetType}:${ref.targetId}`;

/** The titles of the sections of the review's latest report version, or null before there is one. */
async function latestSectionTitles(ctx: ReviewCtx): Promise<Map<string, string> | null> {
  const [latest] = await ctx.tx
    .select({ document: reportVersions.document })
    .from(reportVersions)
    .where(eq(reportVersions.reviewId, ctx.review.id))
    .orderBy(desc(reportVersions.number))
    .limit(1);
  return latest ? sectionTitles(latest.document.sections) : null;
}

/**
 * The labels of what comments are about (“Episode 3: …”, “Finding 2: …”, “Report: …”), by target.
 * Only this review's episodes and findings are read; one since removed is labelled as removed.
 */
export async function targetLabels(ctx: ReviewCtx, refs: readonly TargetRef[]): Promise<Map<string, string>> {
  const episodeIds = idsOf(refs, 'episode');
  const findingIds = idsOf(refs, 'finding');
  const known = new Map<string, { number: number; text: string }>();
  if (episodeIds.length)
    for (const e of await ctx.tx
      .select({ id: episodes.id, number: episodes.number, text: episodes.title })
      .from(episodes)
      .where(and(eq(episodes.reviewId, ctx.review.id), inArray(episodes.id, episodeIds))))
      known.set(`episode:${e.id}`, e);
  if (findingIds.length)
    for (const f of await ctx.tx
      .select({ id: findings.id, number: findings.number, text: findings.statement })
      .from(findings)
      .where(and(eq(findings.reviewId, ctx.review.id), inArray(findings.id, findingIds))))
      known.set(`finding:${f.id}`, f);
  const sections = refs.some((r) => r.targetType === 'report_section')
    ? await latestSectionTitles(ctx)
    : null;
  return new Map(
    refs.map((ref) => {
      if (ref.targetType !== 'report_section')
        return [keyOf(ref), targetLabel(ref.targetType, known.get(keyOf(ref)) ?? null)];
      const title = reportSectionTitle(ref.targetId, sections);
      return [keyOf(ref), targetLabel('report_section', title ? { title } : null)];
    }),
  );
}

/** The label of one target, looked up in what `targetLabels` returned. */
export const labelIn = (labels: ReadonlyMap<string, string>, ref: TargetRef) =>
  labels.get(keyOf(ref)) ?? targetLabel(ref.targetType, null);

const notThisReviews: Record<SupervisionTarget, string> = {
  episode: 'Choose a key practice episode of this review',
  finding: 'Choose a finding of this review',
  report_section: 'Choose a section of the review’s report',
};

/**
 * Checks that a comment's target is this review's: one of its episodes or findings, or a section of
 * its latest report version (before there is one, of the fixed report structure). Otherwise a 400
 * naming `targetId`, as if the target did not exist.
 */
export async function assertTargetInReview(ctx: ReviewCtx, ref: TargetRef): Promise<void> {
  let found: boolean;
  if (ref.targetType === 'report_section') {
    found = reportSectionTitle(ref.targetId, await latestSectionTitles(ctx)) !== null;
  } else if (!uuid.safeParse(ref.targetId).success) {
    found = false;
  } else {
    const table = ref.targetType === 'episode' ? episodes : findings;
    const rows = await ctx.tx
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, ref.targetId), eq(table.reviewId, ctx.review.id)));
    found = rows.length > 0;
  }
  if (!found) throw AppError.invalid([{ path: 'targetId', message: notThisReviews[ref.targetType] }]);
}

/**
 * How each person is described in this review: their roles in it (active or not), or, for the
 * partnership's admins and business managers with no role in it, their role in the partnership.
 */
export async function roleLabels(ctx: ReviewCtx, userIds: readonly (string | null)[]) {
  const wanted = [...new Set(userIds.filter((u): u is string => u !== null))];
  const labels = new Map<string, string | null>();
  if (!wanted.length) return labels;
  const roles = await ctx.tx
    .select({ userId: participants.userId, role: participants.role })
    .from(participants)
    .where(and(eq(participants.reviewId, ctx.review.id), inArray(participants.userId, wanted)));
  const members = await ctx.tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.partnershipId, ctx.review.partnershipId), inArray(memberships.userId, wanted)));
  for (const userId of wanted) {
    const held = roles.filter((r) => r.userId === userId).map((r) => r.role as ReviewRole);
    const member = members.find((m) => m.userId === userId);
    labels.set(userId, authorRoleLabel(held, (member?.role as PartnershipRole | undefined) ?? null));
  }
  return labels;
}

/** The names of the given people, by user id. */
export async function namesOf(ctx: ReviewCtx, userIds: readonly (string | null)[]) {
  const wanted = [...new Set(userIds.filter((u): u is string => u !== null))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await ctx.tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
