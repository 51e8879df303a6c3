import fastifyMultipart from '@fastify/multipart';
import { contentDisposition, safeFilename } from '#domain/document/content.ts';
import {
  documentDto,
  documentList,
  documentParams,
  listDocumentsQuery,
  updateDocumentInput,
} from '#domain/document/document.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { answerRefusal } from '../scan/scan.service.ts';
import { documentReadAccess } from './access.ts';
import {
  getDocument,
  listDocuments,
  openDocument,
  type TakenUpload,
  takeUpload,
  updateDocument,
  uploadDocument,
} from './document.service.ts';

const tags = ['Documents'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId/documents';

/** Stops a hostile PDF or SVG-like image from running script or reaching anything else when opened inline. */
export const previewPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

function content(mode: 'download' | 'preview') {
  return async (ctx: Parameters<AnyRoute['handler']>[0], documentId: string) => {
    const { row, stream } = await openDocument(reviewCtx(ctx), documentId, mode);
    const textual = row.mediaType.startsWith('text/') || row.mediaType === 'message/rfc822';
    return new Respond(stream, 200, (reply) => {
      reply.type(textual ? `${row.mediaType}; charset=utf-8` : row.mediaType);
      reply.header('Content-Length', String(row.sizeBytes));
      reply.header(
        'Content-Disposition',
        contentDisposition(
          mode === 'download' ? 'attachment' : 'inline',
          safeFilename(row.originalFilename, row.mediaType),
        ),
      );
      reply.header('X-Content-Type-Options', 'nosniff');
      if (mode === 'preview') {
        reply.header('Content-Security-Policy', previewPolicy);
        reply.header('Cross-Origin-Resource-Policy', 'same-origin');
      }
    });
  };
}

export const documentRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'listDocuments',
    summary: 'The documents gathered for a review that the person may see',
    description:
      'Documents restricted to the lead reviewers are listed only for them, the business manager and the supervisor; case group members see only documents shared with the case group.',
    tags,
    auth: 'session',
    params: reviewParams,
    query: listDocumentsQuery,
    access: documentReadAccess,
    response: { status: 200, schema: documentList, description: 'Documents, newest first' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => listDocuments(reviewCtx(ctx), query),
  }),
  defineRoute({
    method: 'POST',
    url: base,
    operationId: 'uploadDocument',
    summary: 'Upload a document as evidence',
    description:
      'multipart/form-data with one file in the field `file` and the fields `title` (defaults to the file name), `kind`, `agencyId`, `dateFrom`, `dateTo` (YYYY-MM-DD) and `restriction` (lead_reviewers, review_team or case_group). The file’s real type is told from its content, never from its name: PDF, Word (DOCX), Excel (XLSX), CSV, plain text, email (.eml), PNG, JPEG, GIF and WebP are accepted. Files over SIGHTLINES_UPLOAD_LIMIT_BYTES get 413. When a virus scanner is set up (SIGHTLINES_CLAMD), the file is scanned before anything reads inside it: a file holding a virus is 422 naming `file` (nothing is stored, and the refusal is audited), and a scanner that cannot be reached or does not answer in time is 503 (nothing is stored).',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('uploadDocuments'),
    setup: async (instance, config) => {
      await instance.register(fastifyMultipart, {
        limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 25 },
      });
    },
    response: { status: 201, schema: documentDto, description: 'The document as stored' },
    errors: [400, 401, 403, 404, 413, 415, 422, 503],
    receive: takeUpload,
    handler: async (ctx, { received }) => {
      const upload = received as TakenUpload;
      if (upload.refused) return answerRefusal(ctx, upload.refused, 'document');
      return uploadDocument(reviewCtx(ctx), upload);
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:documentId`,
    operationId: 'getDocument',
    summary: 'A document’s details',
    tags,
    auth: 'session',
    params: documentParams,
    access: documentReadAccess,
    response: { status: 200, schema: documentDto, description: 'The document' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => getDocument(reviewCtx(ctx), params.documentId),
  }),
  defineRoute({
    method: 'PATCH',
    url: `${base}/:documentId`,
    operationId: 'updateDocument',
    summary: 'Change a document’s title, kind, agency, dates or who may see it',
    tags,
    auth: 'session',
    params: documentParams,
    access: reviewAccess('uploadDocuments'),
    body: updateDocumentInput,
    response: { status: 200, schema: documentDto, description: 'After the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateDocument(reviewCtx(ctx), params.documentId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:documentId/content`,
    operationId: 'downloadDocument',
    summary: 'Download a document’s file (audited)',
    description: 'The file as uploaded, as an attachment with its real type. Every download is audited.',
    tags,
    auth: 'session',
    params: documentParams,
    access: documentReadAccess,
    response: { status: 200, schema: null, description: 'The file, as an attachment' },
    errors: [401, 403, 404, 409],
    handler: async (ctx, { params }) => content('download')(ctx, params.documentId),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/:documentId/preview`,
    operationId: 'previewDocument',
    summary: 'Show a PDF or image in the browser (audited)',
    description:
      'Inline, in a sandbox that lets no script run. Only PDFs and images can be previewed (415 otherwise). Every preview is audited.',
    tags,
    auth: 'session',
    params: documentParams,
    access: documentReadAccess,
    response: { status: 200, schema: null, description: 'The file, inline' },
    errors: [401, 403, 404, 409, 415],
    handler: async (ctx, { params }) => content('preview')(ctx, params.documentId),
  }),
];
