import { createReadStream } from 'node:fs';
import { and, desc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  acceptedMediaTypes,
  canPreview,
  type DocumentDto,
  type DocumentKind,
  type DocumentRestriction,
  documentKinds,
  documentRestrictions,
  type ListDocumentsQuery,
  maySeeDocument,
  type UpdateDocumentInput,
  uploadDocumentFields,
  visibleRestrictions,
} from '#domain/document/document.ts';
import { mayInReview } from '#domain/review/policy.ts';
import { AppError } from '#domain/shared/app-error.ts';
import { auditAction } from '../audit/audit.service.ts';
import type { Config } from '../config.ts';
import type { Queryable } from '../db/client.ts';
import { agencies, documents, users } from '../db/schema/index.ts';
import { fieldErrors } from '../http/errors.ts';
import { assertVersion, type ReviewCtx } from '../review/access.ts';
import { refusalFor, scanUpload } from '../scan/scan.service.ts';
import { extractDocumentText } from './extract.ts';
import { filesystemStorage } from './storage.ts';
import { receiveUpload, type ScreenUpload } from './upload.ts';

type Row = typeof documents.$inferSelect;
type Listed = Omit<Row, 'extractedText' | 'search'> & {
  hasText: boolean;
  agencyName: string | null;
  uploadedBy: string | null;
};

/** The storage of this deployment's uploaded files. */
export const storageFor = (ctx: { config: { dataDir: string } }) => filesystemStorage(ctx.config.dataDir);

const { extractedText: _text, search: _search, ...columns } = getTableColumns(documents);

function selectDocuments(q: Queryable) {
  return q
    .select({
      ...columns,
      hasText: documents.extractedText,
      agencyName: agencies.name,
      uploadedBy: users.name,
    })
    .from(documents)
    .leftJoin(agencies, eq(agencies.id, documents.agencyId))
    .leftJoin(users, eq(users.id, documents.createdBy));
}

function present(ctx: ReviewCtx, row: Omit<Listed, 'hasText'> & { hasText: unknown }): DocumentDto {
  const restriction = row.restriction as DocumentRestriction;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    kindLabel: documentKinds[row.kind as DocumentKind] ?? row.kind,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    dateFrom: row.dateFrom,
    dateTo: row.dateTo,
    restriction,
    restrictionLabel: documentRestrictions[restriction],
    originalFilename: row.originalFilename,
    mediaType: row.mediaType,
    typeLabel: acceptedMediaTypes[row.mediaType as keyof typeof acceptedMediaTypes] ?? row.mediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    hasText: Boolean(row.hasText),
    uploadedBy: row.uploadedBy,
    uploadedAt: row.createdAt.toISOString(),
    version: row.version,
    abilities: { edit: mayInReview(ctx.actor, 'uploadDocuments'), preview: canPreview(row.mediaType) },
  };
}

/** A document of the review the person may see; anything else is not found. */
export async function getDocumentRow(ctx: ReviewCtx, documentId: string) {
  const [row] = await selectDocuments(ctx.tx).where(
    and(
      eq(documents.id, documentId),
      eq(documents.reviewId, ctx.review.id),
      eq(documents.partnershipId, ctx.review.partnershipId),
    ),
  );
  if (!row || !maySeeDocument(ctx.actor, row.restriction as DocumentRestriction))
    throw AppError.notFound('document');
  return row;
}

async function assertAgency(ctx: ReviewCtx, agencyId: string | null | undefined) {
  if (!agencyId) return;
  const [a] = await ctx.tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.partnershipId, ctx.review.partnershipId)));
  if (!a) throw AppError.invalid([{ path: 'agencyId', message: 'Select an agency from this partnership' }]);
}

function assertRestriction(ctx: ReviewCtx, restriction: DocumentRestriction | undefined) {
  if (restriction && !maySeeDocument(ctx.actor, restriction))
    throw AppError.invalid([
      {
        path: 'restriction',
        message: 'Choose who may see the document from the options you can see yourself',
      },
    ]);
}

/** The review's documents the person may see, newest first, optionally for one agency or of one kind. */
export async function listDocuments(ctx: ReviewCtx, query: ListDocumentsQuery) {
  const rows = await selectDocuments(ctx.tx)
    .where(
      and(
        eq(documents.reviewId, ctx.review.id),
        eq(documents.partnershipId, ctx.review.partnershipId),
        inArray(documents.restriction, visibleRestrictions(ctx.actor)),
        query.agencyId ? eq(documents.agencyId, query.agencyId) : undefined,
        query.kind ? eq(documents.kind, query.kind) : undefined,
      ),
    )
    .orderBy(desc(documents.createdAt));
  return {
    documents: rows.map((r) => present(ctx, r)),
    abilities: { upload: mayInReview(ctx.actor, 'uploadDocuments') },
  };
}

/** One document's details. */
export async function getDocument(ctx: ReviewCtx, documentId: string) {
  return present(ctx, await getDocumentRow(ctx, documentId));
}

/**
 * Gathers a document as evidence: its real type told from its content, kept once by its sha256,
 * its text extracted so it can be searched, and its arrival audited.
 */
export async function uploadDocument(ctx: ReviewCtx, received: TakenUpload) {
  const { fields, file, extractedText } = received;
  const parsed = uploadDocumentFields.safeParse(fields);
  const problems = [
    ...(file ? [] : [{ path: 'file', message: 'Select a file to upload' }]),
    ...(parsed.success ? [] : fieldErrors(parsed.error)),
  ];
  if (problems.length || !parsed.success || !file) throw AppError.invalid(problems);
  const input = parsed.data;
  await assertAgency(ctx, input.agencyId);
  assertRestriction(ctx, input.restriction);
  await file.blob.commit();
  const [row] = await ctx.tx
    .insert(documents)
    .values({
      partnershipId: ctx.review.partnershipId,
      reviewId: ctx.review.id,
      agencyId: input.agencyId ?? null,
      title: input.title || file.filename.slice(0, 200),
      kind: input.kind,
      originalFilename: file.filename.slice(0, 255),
      mediaType: file.mediaType,
      sizeBytes: file.blob.size,
      sha256: file.blob.sha256,
      dateFrom: input.dateFrom ?? null,
      dateTo: input.dateTo ?? null,
      restriction: input.restriction,
      extractedText,
      createdBy: ctx.principal.userId,
    })
    .returning({ id: documents.id });
  await auditAction(ctx, {
    action: 'document.uploaded',
    entityType: 'document',
    entityId: row!.id,
    details: {
      reviewId: ctx.review.id,
      sha256: file.blob.sha256,
      mediaType: file.mediaType,
      sizeBytes: file.blob.size,
    },
  });
  return getDocument(ctx, row!.id);
}

export type TakenUpload = Awaited<ReturnType<typeof receiveUpload>> & { extractedText: string | null };

/**
 * Takes in an upload before the request's transaction: the file is staged while it is hashed,
 * scanned for viruses (when a scanner is set up) before anything reads inside it, its type told
 * from its bytes, and its text extracted. The staged file is discarded afterwards unless the upload
 * was kept.
 */
export async function takeUpload(
  request: FastifyRequest,
  config: Pick<Config, 'dataDir' | 'uploadLimitBytes' | 'clamd'>,
) {
  const screen: ScreenUpload = async (blob, filename) =>
    refusalFor(await scanUpload(config, createReadStream(blob.path), request.log), {
      filename,
      field: 'file',
      sha256: blob.sha256,
      sizeBytes: blob.size,
    });
  const received = await receiveUpload(
    request,
    filesystemStorage(config.dataDir),
    config.uploadLimitBytes,
    screen,
  );
  const extractedText = received.file
    ? await extractDocumentText(received.file.blob.path, received.file.mediaType, request.log)
    : null;
  const value: TakenUpload = { ...received, extractedText };
  return { value, release: async () => void (await received.file?.blob.discard()) };
}

/** Changes a document's title, kind, agency, dates or who may see it. */
export async function updateDocument(ctx: ReviewCtx, documentId: string, input: UpdateDocumentInput) {
  const current = await getDocumentRow(ctx, documentId);
  assertVersion(current, input.version, 'document', () => present(ctx, current));
  await assertAgency(ctx, input.agencyId);
  assertRestriction(ctx, input.restriction);
  const dateFrom = input.dateFrom === undefined ? current.dateFrom : input.dateFrom;
  const dateTo = input.dateTo === undefined ? current.dateTo : input.dateTo;
  if (dateFrom && dateTo && dateTo < dateFrom)
    throw AppError.invalid([
      { path: 'dateTo', message: 'The end date must be the same as or after the start date' },
    ]);
  const { version: _v, ...changes } = input;
  await ctx.tx
    .update(documents)
    .set({ ...changes, version: current.version + 1, updatedAt: ctx.now })
    .where(eq(documents.id, current.id));
  await auditAction(ctx, {
    action: 'document.updated',
    entityType: 'document',
    entityId: current.id,
    details: { reviewId: ctx.review.id, fields: Object.keys(changes) },
  });
  return getDocument(ctx, current.id);
}

/** Opens a document's bytes to download or preview, and audits who opened it. */
export async function openDocument(ctx: ReviewCtx, documentId: string, mode: 'download' | 'preview') {
  const row = await getDocumentRow(ctx, documentId);
  if (mode === 'preview' && !canPreview(row.mediaType)) {
    throw new AppError(
      'unsupported_media_type',
      'Only PDFs and images can be previewed. Download the document to open it.',
    );
  }
  const storage = storageFor(ctx);
  if (!(await storage.has(row.sha256))) {
    throw new AppError(
      'conflict',
      'The file for this document is missing from storage. Ask your administrator to restore it from a backup.',
    );
  }
  await auditAction(ctx, {
    action: mode === 'download' ? 'document.downloaded' : 'document.previewed',
    entityType: 'document',
    entityId: row.id,
    details: { reviewId: ctx.review.id },
  });
  return { row, stream: storage.get(row.sha256) };
}
