import { and, desc, eq } from 'drizzle-orm';
import {
  builtInReference,
  type ReferenceContent,
  type ReferenceKind,
  type ReviewReferenceDto,
  referenceContentSchemas,
  referenceKindKeys,
} from '#domain/reference/reference.ts';
import type { Queryable } from '../db/client.ts';
import { referenceVersions, reviewReferencePins } from '../db/schema/index.ts';
import type { ReviewCtx } from '../review/access.ts';

export type ReferenceVersionRow = typeof referenceVersions.$inferSelect;

/**
 * The partnership's newest version of one kind of reference data. A partnership that has never
 * used the kind starts with version 1, what Sightlines ships, recorded the first time it is needed.
 */
export async function currentReferenceVersion(
  q: Queryable,
  partnershipId: string,
  kind: ReferenceKind,
): Promise<ReferenceVersionRow> {
  const newest = () =>
    q
      .select()
      .from(referenceVersions)
      .where(and(eq(referenceVersions.partnershipId, partnershipId), eq(referenceVersions.kind, kind)))
      .orderBy(desc(referenceVersions.version))
      .limit(1);
  const [found] = await newest();
  if (found) return found;
  const builtIn = builtInReference[kind];
  await q
    .insert(referenceVersions)
    .values({ partnershipId, kind, version: 1, name: builtIn.name, content: builtIn.content })
    .onConflictDoNothing();
  const [made] = await newest();
  if (!made) throw new Error(`reference data ${kind} could not be recorded`);
  return made;
}

/** The version of one kind a review is analysed with: fixed the first time its analysis needs it. */
export async function pinnedReferenceVersion(
  q: Queryable,
  review: { id: string; partnershipId: string },
  kind: ReferenceKind,
): Promise<ReferenceVersionRow> {
  const pinned = () =>
    q
      .select({ row: referenceVersions })
      .from(reviewReferencePins)
      .innerJoin(referenceVersions, eq(referenceVersions.id, reviewReferencePins.referenceVersionId))
      .where(and(eq(reviewReferencePins.reviewId, review.id), eq(reviewReferencePins.kind, kind)));
  const [found] = await pinned();
  if (found) return found.row;
  const current = await currentReferenceVersion(q, review.partnershipId, kind);
  await q
    .insert(reviewReferencePins)
    .values({
      reviewId: review.id,
      kind,
      partnershipId: review.partnershipId,
      referenceVersionId: current.id,
    })
    .onConflictDoNothing();
  const [made] = await pinned();
  if (!made) throw new Error(`reference data ${kind} could not be pinned`);
  return made.row;
}

/** One kind's content for a review, in its checked shape. */
export async function reviewReferenceOf<K extends ReferenceKind>(
  q: Queryable,
  review: { id: string; partnershipId: string },
  kind: K,
): Promise<{ version: number; content: ReferenceContent[K] }> {
  const row = await pinnedReferenceVersion(q, review, kind);
  const content = referenceContentSchemas[kind].parse(row.content) as ReferenceContent[K];
  return { version: row.version, content };
}

/** Every kind of reference data the review is analysed with. */
export async function reviewReference(ctx: ReviewCtx): Promise<ReviewReferenceDto> {
  const entries: Array<readonly [ReferenceKind, unknown]> = [];
  // One after another: the request's transaction is one connection.
  for (const kind of referenceKindKeys)
    entries.push([kind, await reviewReferenceOf(ctx.tx, ctx.review, kind)]);
  return Object.fromEntries(entries) as ReviewReferenceDto;
}
