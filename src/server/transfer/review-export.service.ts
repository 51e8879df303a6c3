import { and, eq, inArray } from 'drizzle-orm';
import {
  collectIds,
  REVIEW_EXPORT_FORMAT,
  REVIEW_EXPORT_VERSION,
  type ReviewExport,
} from '#domain/transfer/review-export.ts';
import { auditAction } from '../audit/audit.service.ts';
import { agencies, partnerships, users } from '../db/schema/index.ts';
import { filesystemStorage } from '../document/storage.ts';
import { appVersion } from '../paths.ts';
import type { ReviewCtx } from '../review/access.ts';
import { readReviewRows, readReviewScope } from './review-scope.ts';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Exports a review as versioned JSON: the review, every row of every review-scoped table, the
 * people and agencies it refers to, and its documents' files with their SHA-256. Audited.
 */
export async function exportReview(ctx: ReviewCtx): Promise<ReviewExport> {
  const scope = await readReviewScope(ctx.tx);
  const rows = await readReviewRows(ctx.tx, scope, ctx.review.id);
  const review = rows.get('reviews')![0] as ReviewExport['review'];
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const [name, list] of rows) if (name !== 'reviews') tables[name] = list;

  const ids = [...collectIds([review, tables])];
  const people = ids.length
    ? await ctx.tx
        .select({ id: users.id, email: users.email, name: users.name })
        .from(users)
        .where(inArray(users.id, ids))
    : [];
  const agencyRows = ids.length
    ? await ctx.tx
        .select({
          id: agencies.id,
          name: agencies.name,
          shortName: agencies.shortName,
          sector: agencies.sector,
        })
        .from(agencies)
        .where(and(eq(agencies.partnershipId, ctx.review.partnershipId), inArray(agencies.id, ids)))
    : [];

  const storage = filesystemStorage(ctx.config.dataDir);
  const files: ReviewExport['files'] = [];
  const shas = [...new Set((tables.documents ?? []).map((d) => String(d.sha256)))].sort();
  for (const sha256 of shas) {
    const bytes = await readAll(storage.get(sha256));
    files.push({ sha256, size: bytes.length, base64: bytes.toString('base64') });
  }
  const [partnership] = await ctx.tx
    .select({ slug: partnerships.slug, name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, ctx.review.partnershipId));

  await auditAction(ctx, {
    action: 'review.exported',
    entityType: 'review',
    entityId: ctx.review.id,
    details: {
      rows: Object.fromEntries(Object.entries(tables).map(([n, l]) => [n, l.length])),
      files: files.length,
    },
  });
  return {
    format: REVIEW_EXPORT_FORMAT,
    version: REVIEW_EXPORT_VERSION,
    exportedAt: ctx.now.toISOString(),
    source: {
      partnership: partnership!.slug,
      partnershipName: partnership!.name,
      reviewReference: ctx.review.title,
      appVersion,
    },
    review,
    tables,
    people: people.sort((a, b) => a.email.localeCompare(b.email)),
    agencies: agencyRows.sort((a, b) => a.name.localeCompare(b.name)),
    files,
  };
}
