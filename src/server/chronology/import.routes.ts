import {
  chronologyImportDto,
  chronologyImportParams,
  commitImportInput,
  exportChronologyQuery,
  importPreviewDto,
  previewImportQuery,
  templateQuery,
} from '#domain/chronology/chronology.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { screenUpload } from '../scan/scan.service.ts';
import { chronologyTemplate, exportChronology } from './export.service.ts';
import { previewChronologyImport } from './import.service.ts';
import { commitChronologyImport, getChronologyImport } from './import-commit.service.ts';
import { installChronologyUploads, uploadedFile, XLSX_TYPE } from './upload.ts';

const tags = ['Multi-agency narrative'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId/chronology';

const attachment = (body: Buffer, type: string, fileName: string) =>
  new Respond(body, 200, (reply) => {
    reply.type(type);
    reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
  });

export const importRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/import-template.csv`,
    operationId: 'downloadChronologyTemplate',
    summary: 'The agency chronology template, as CSV or (with ?format=xlsx) an Excel workbook with a guide',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewNarrative'),
    query: templateQuery,
    response: { status: 200, schema: null, description: 'The template, as an attachment' },
    errors: [400, 401, 403, 404],
    handler: async (_ctx, { query }) =>
      query.format === 'xlsx'
        ? attachment(await chronologyTemplate('xlsx'), XLSX_TYPE, 'chronology-template.xlsx')
        : attachment(await chronologyTemplate('csv'), 'text/csv; charset=utf-8', 'chronology-template.csv'),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/imports`,
    operationId: 'previewChronologyImport',
    summary: 'Check an agency chronology file before importing it',
    description:
      'The body is the file itself: `Content-Type: text/csv` or the .xlsx media type, up to 30 MB. Nothing is added to the narrative: every problem is listed by row, column and reason, and rows that look like another agency’s event are offered for merging. When a virus scanner is set up (SIGHTLINES_CLAMD) the file is scanned first: a virus is 422 naming `file` (nothing is kept; the refusal is audited), a scanner that does not answer is 503.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('editNarrative', { lock: true }),
    setup: installChronologyUploads,
    query: previewImportQuery,
    body: uploadedFile,
    response: {
      status: 201,
      schema: importPreviewDto,
      description: 'What would be imported, and every problem',
    },
    errors: [400, 401, 403, 404, 413, 415, 422, 503],
    handler: async (ctx, { query, body, request }) =>
      (await screenUpload(ctx, request, {
        bytes: body.bytes,
        filename: query.filename,
        field: 'file',
        kind: 'chronology_import',
      })) ?? previewChronologyImport(reviewCtx(ctx), body, query),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/imports/:importId`,
    operationId: 'getChronologyImport',
    summary: 'Where an import stands: checked, or imported with what it added',
    tags,
    auth: 'session',
    params: chronologyImportParams,
    access: reviewAccess('editNarrative'),
    response: { status: 200, schema: chronologyImportDto, description: 'The import' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => getChronologyImport(reviewCtx(ctx), params.importId),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/imports/:importId/commit`,
    operationId: 'commitChronologyImport',
    summary: 'Import a checked file: every row, or none, in one transaction',
    description:
      'Refused (409) when the file had problems or was already imported. `mergeRows` adds rows as perspectives of existing events.',
    tags,
    auth: 'session',
    params: chronologyImportParams,
    access: reviewAccess('editNarrative', { lock: true }),
    body: commitImportInput,
    response: { status: 200, schema: chronologyImportDto, description: 'Imported' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) =>
      commitChronologyImport(reviewCtx(ctx), params.importId, body.mergeRows),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/export`,
    operationId: 'exportChronology',
    summary: 'The narrative as CSV, Excel (XLSX) or Word (DOCX), with the same filters as the list',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewNarrative'),
    query: exportChronologyQuery,
    response: { status: 200, schema: null, description: 'The file, as an attachment' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => {
      const file = await exportChronology(reviewCtx(ctx), query);
      return attachment(file.body, file.type, file.fileName);
    },
  }),
];
