import { and, asc, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { mayInPartnership } from '#domain/partnership/policy.ts';
import {
  type publishReferenceInput,
  type ReferenceDataDto,
  type ReferenceKind,
  type ReferenceVersionDto,
  referenceContentSchemas,
  referenceKindKeys,
  referenceKinds,
} from '#domain/reference/reference.ts';
import { AppError, type FieldError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Queryable } from '../db/client.ts';
import { referenceVersions, reviewReferencePins, users } from '../db/schema/index.ts';
import type { MemberCtx } from '../http/context.ts';
import { currentReferenceVersion, type ReferenceVersionRow } from './reference.service.ts';

type PublishReferenceInput = z.output<typeof publishReferenceInput>;
type VersionSummary = Omit<ReferenceVersionDto, 'content'>;

/** How many reviews are analysed with each of the partnership's reference data versions, by version id. */
async function reviewsUsingByVersion(q: Queryable, partnershipId: string): Promise<Map<string, number>> {
  const rows = await q
    .select({ versionId: reviewReferencePins.referenceVersionId, reviews: count() })
    .from(reviewReferencePins)
    .where(eq(reviewReferencePins.partnershipId, partnershipId))
    .groupBy(reviewReferencePins.referenceVersionId);
  return new Map(rows.map((r) => [r.versionId, Number(r.reviews)]));
}

/** The partnership's versions of every kind (or one kind), oldest first, with who published each. */
async function versionRows(q: Queryable, partnershipId: string, kind?: ReferenceKind) {
  const where = [eq(referenceVersions.partnershipId, partnershipId)];
  if (kind) where.push(eq(referenceVersions.kind, kind));
  return q
    .select({ row: referenceVersions, publishedBy: users.name })
    .from(referenceVersions)
    .leftJoin(users, eq(users.id, referenceVersions.publishedBy))
    .where(and(...where))
    .orderBy(asc(referenceVersions.kind), asc(referenceVersions.version));
}

function summarise(
  row: ReferenceVersionRow,
  publishedBy: string | null,
  reviewsUsing: number,
): VersionSummary {
  return {
    id: row.id,
    kind: row.kind as ReferenceKind,
    version: row.version,
    name: row.name,
    publishedAt: row.publishedAt.toISOString(),
    publishedBy,
    reviewsUsing,
  };
}

/** One version with its content, who published it and how many reviews use it. */
async function presentVersion(q: Queryable, row: ReferenceVersionRow): Promise<ReferenceVersionDto> {
  const [who] = row.publishedBy
    ? await q.select({ name: users.name }).from(users).where(eq(users.id, row.publishedBy))
    : [];
  const [pins] = await q
    .select({ reviews: count() })
    .from(reviewReferencePins)
    .where(eq(reviewReferencePins.referenceVersionId, row.id));
  return { ...summarise(row, who?.name ?? null, Number(pins?.reviews ?? 0)), content: row.content };
}

/**
 * The partnership's reference data: for each kind its current version with content, every version
 * published, and how many reviews are analysed with each. A kind never used starts at version 1.
 */
export async function listReferenceData(ctx: MemberCtx): Promise<ReferenceDataDto> {
  const partnershipId = ctx.membership.partnershipId;
  const currents = new Map<ReferenceKind, ReferenceVersionRow>();
  // One after another: the request's transaction is one connection.
  for (const kind of referenceKindKeys)
    currents.set(kind, await currentReferenceVersion(ctx.tx, partnershipId, kind));
  const rows = await versionRows(ctx.tx, partnershipId);
  const using = await reviewsUsingByVersion(ctx.tx, partnershipId);
  return {
    kinds: referenceKindKeys.map((kind) => {
      const current = currents.get(kind) as ReferenceVersionRow;
      const versions = rows
        .filter((r) => r.row.kind === kind)
        .map((r) => summarise(r.row, r.publishedBy, using.get(r.row.id) ?? 0));
      const currentSummary = versions.find((v) => v.id === current.id) as VersionSummary;
      return {
        kind,
        label: referenceKinds[kind],
        current: { ...currentSummary, content: current.content },
        versions,
      };
    }),
    abilities: {
      publish: mayInPartnership(
        { userId: ctx.principal.userId, role: ctx.membership.role },
        'manageReferenceData',
      ),
    },
  };
}

/** One version of one kind of the partnership's reference data, with its content; unknown is a 404. */
export async function getReferenceVersion(
  ctx: MemberCtx,
  kind: ReferenceKind,
  version: number,
): Promise<ReferenceVersionDto> {
  const partnershipId = ctx.membership.partnershipId;
  // Version 1 exists for every partnership, even before anything has used it.
  await currentReferenceVersion(ctx.tx, partnershipId, kind);
  const [row] = await ctx.tx
    .select()
    .from(referenceVersions)
    .where(
      and(
        eq(referenceVersions.partnershipId, partnershipId),
        eq(referenceVersions.kind, kind),
        eq(referenceVersions.version, version),
      ),
    );
  if (!row) throw AppError.notFound('version of the reference data');
  return presentVersion(ctx.tx, row);
}

/** Plain words for the checks the content schemas leave to zod's defaults. */
const plainMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'This is missing';
      if (issue.expected === 'string') return 'This must be text, in double quotes';
      if (issue.expected === 'array') return 'This must be a list, in square brackets';
      if (issue.expected === 'object' || issue.expected === 'record')
        return 'This must be a set of named values, in curly brackets';
      return `This must be of type ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `This must be at least ${issue.minimum} characters`
        : `Give at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `This must be ${issue.maximum} characters or fewer`
        : `Give no more than ${issue.maximum}`;
    default:
      return undefined;
  }
};

/** The content's problems as field errors under `content.`, naming the item and why. */
function contentErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: ['content', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function staleVersion(current: ReferenceVersionDto): AppError {
  return new AppError(
    'stale_version',
    `Someone published version ${current.version} while you were working on this. Check it and make your changes again.`,
    { current },
  );
}

/**
 * Publishes a new version of one kind of the partnership's reference data, edited from the newest.
 * Reviews already analysed with an older version keep it; reviews that start later get this one.
 */
export async function publishReferenceVersion(
  ctx: MemberCtx,
  kind: ReferenceKind,
  input: PublishReferenceInput,
): Promise<ReferenceVersionDto> {
  const partnershipId = ctx.membership.partnershipId;
  const current = await currentReferenceVersion(ctx.tx, partnershipId, kind);
  if (input.basedOnVersion !== current.version) throw staleVersion(await presentVersion(ctx.tx, current));
  const parsed = referenceContentSchemas[kind].safeParse(input.content, { error: plainMessage });
  if (!parsed.success) throw AppError.invalid(contentErrors(parsed.error));

  const [row] = await ctx.tx
    .insert(referenceVersions)
    .values({
      partnershipId,
      kind,
      version: current.version + 1,
      name: input.name,
      content: parsed.data,
      publishedBy: ctx.principal.userId,
      publishedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) {
    // Someone else published the same version number at the same moment.
    const newest = await currentReferenceVersion(ctx.tx, partnershipId, kind);
    throw staleVersion(await presentVersion(ctx.tx, newest));
  }
  await auditAction(ctx, {
    action: 'reference.published',
    entityType: 'reference_version',
    entityId: row.id,
    details: { kind, version: row.version, basedOnVersion: input.basedOnVersion },
  });
  return { ...summarise(row, ctx.principal.name, 0), content: row.content };
}
