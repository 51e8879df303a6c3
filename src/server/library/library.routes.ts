import { libraryImportTemplate } from '#domain/library/import.ts';
import {
  importLibraryInput,
  libraryImportParams,
  libraryImportResult,
  libraryParams,
  librarySearchResult,
  librarySettingsDto,
  searchLibraryQuery,
  similarFindingsQuery,
  similarFindings as similarFindingsResult,
  updateLibrarySettingsInput,
} from '#domain/library/library.ts';
import { reviewParams } from '#domain/review/review.ts';
import { findingAccess } from '../finding/finding-access.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { reviewCtx } from '../review/access.ts';
import { screenUpload } from '../scan/scan.service.ts';
import { importLibraryFindings, removeLibraryImport } from './library-import.service.ts';
import { searchLibrary } from './library-search.service.ts';
import { getLibrarySettings, updateLibrarySettings } from './library-settings.service.ts';
import { similarFindings } from './library-similar.service.ts';

const tags = ['Learning library'];
const base = '/api/partnerships/:partnershipId/library';
/** An import's JSON body holds a whole CSV file, so it may be larger than other requests. */
const importBodyLimitBytes = 12 * 1024 * 1024;

const anonymised =
  'Library entries hold the anonymised text of agreed and final findings (pseudonymised with each review’s register whenever the finding, register or publication changes) and imported published findings; no case material is read.';
const importRules =
  'Columns (the first row holds the headings, matched ignoring case and spaces): review_title, review_type, published_on and statement are required; why_it_matters, how_it_showed, typology, themes, factor_groups, agency_sectors and report_url are optional. review_type is one of lcspr, scr, learning_review, themed_review; published_on a real date (2022-05-31, or 31/05/2022) not in the future; statement 1 to 600 characters; why_it_matters and how_it_showed at most 10,000; typology a category code of the partnership’s typology; themes, factor_groups and agency_sectors keys separated by semicolons; report_url an http or https address. At most 5,000 findings a file; blank lines are skipped; comma or semicolon separated, with or without a byte order mark.';

/** The learning library: search across reviews, similar findings, sharing and imports. */
export const libraryRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'searchLibrary',
    summary: 'Search the learning library',
    description: `Findings about the system from the partnership’s reviews and, with \`scope=national\`, the published findings of every partnership that shares them. Scope \`partnership\` (the default): partnership admins and business managers see every entry of their partnership, agreed findings of reviews still running included; members see only published ones. Scope \`national\`: published findings only, of this partnership and of every partnership whose library settings share them. \`q\` uses web search syntax ("a phrase", -word, or); results are best match first, or without words newest year first, then review and finding number. Filters (comma-separated, any value of a filter, every filter): \`typology\`, \`factorGroup\`, \`theme\`, \`year\`, \`agencySector\`, \`reviewType\`. Each facet’s counts apply every other facet’s filter but not its own, and a chosen value is listed even when nothing matches it. \`statementParts\` is the statement with matched words marked, \`snippet\` the best passage of why it matters and how it showed. \`path\` links a finding of the partnership’s own reviews when the person may open it (partnership admins and business managers, or someone whose role in that review lets them see findings), otherwise it is null. ${anonymised} Every search is audited with its scope, filters and number of results, never the words searched for. Members of the partnership only (404 otherwise).`,
    tags,
    auth: 'session',
    params: libraryParams,
    access: partnershipAccess('viewLibrary'),
    query: searchLibraryQuery,
    response: {
      status: 200,
      schema: librarySearchResult,
      description: 'A page of findings with facet counts',
    },
    errors: [400, 401, 404],
    handler: async (ctx, { query }) => searchLibrary(memberCtx(ctx), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/reviews/:reviewId/findings/similar',
    operationId: 'similarFindings',
    summary: 'Findings of other reviews like the one being written',
    description: `Up to \`limit\` findings (5 unless asked) of other reviews whose statement resembles \`text\` (at least 12 characters), most alike first, each with a \`similarity\` from 0 to 1: the greater of the statements’ trigram similarity and the share of words they have in common; weak resemblances (under 0.15) are left out. The candidates are the published findings the person sees in the national view and the partnership’s own entries they may see; this review’s own findings never. For those who write findings in the review (403 for others who see it; 404 for a review they cannot see). ${anonymised} Not audited: no case material is read or returned.`,
    tags,
    auth: 'session',
    params: reviewParams,
    access: findingAccess('editFindings'),
    query: similarFindingsQuery,
    response: { status: 200, schema: similarFindingsResult, description: 'The similar findings' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => similarFindings(reviewCtx(ctx), query),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/settings`,
    operationId: 'getLibrarySettings',
    summary: 'Whether the partnership shares its published findings, and its imports',
    description:
      'Whether the partnership shares its published, anonymised findings with every partnership, how many published findings that would share, the imports of older findings with who made them, and the version to send with a change (0 before the first). Partnership admins and business managers only (403 for members; 404 for a partnership the person does not belong to).',
    tags,
    auth: 'session',
    params: libraryParams,
    access: partnershipAccess('manageLibrary'),
    response: { status: 200, schema: librarySettingsDto, description: 'The library settings' },
    errors: [401, 403, 404],
    handler: async (ctx) => getLibrarySettings(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/settings`,
    operationId: 'updateLibrarySettings',
    summary: 'Choose whether to share published findings with every partnership',
    description:
      'Send `shareNationally` with the version the choice is based on (0 before the first choice). If someone else changed the settings since, the answer is 409 with the settings as they are now in `details.current`, and nothing changes. Only published findings are shared, and only their anonymised text; unpublished agreed findings never leave the partnership. Partnership admins and business managers only (403 for members). The change is audited.',
    tags,
    auth: 'session',
    params: libraryParams,
    access: partnershipAccess('manageLibrary'),
    body: updateLibrarySettingsInput,
    response: { status: 200, schema: librarySettingsDto, description: 'The settings after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => updateLibrarySettings(memberCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/imports`,
    operationId: 'importLibraryFindings',
    summary: 'Import older published findings from a CSV file',
    description: `Send the file’s text as \`csv\` with its \`fileName\`. All or nothing: if any row has a problem nothing is stored, and the 400 lists the problems in \`details.rows\` (each with \`row\` as a spreadsheet numbers it, the heading row being 1, \`column\` and \`message\`; at most 50, with \`details.problemCount\` giving how many there are in all), each also in \`details.fields\`. ${importRules} Imported findings count as published, so they appear to members and, when the partnership shares, in the national view. Partnership admins and business managers only (403 for members). The import is audited with its number of rows. When a virus scanner is set up (SIGHTLINES_CLAMD) the file is scanned first: a virus is 422 naming \`csv\` (nothing is kept; the refusal is audited), a scanner that does not answer is 503.`,
    tags,
    auth: 'session',
    params: libraryParams,
    access: partnershipAccess('manageLibrary'),
    setup: async (instance) => {
      instance.removeContentTypeParser('application/json');
      instance.addContentTypeParser(
        'application/json',
        { parseAs: 'string', bodyLimit: importBodyLimitBytes },
        instance.getDefaultJsonParser('error', 'error'),
      );
    },
    body: importLibraryInput,
    response: {
      status: 201,
      schema: libraryImportResult,
      description: 'How many findings and reviews were imported',
    },
    errors: [400, 401, 403, 404, 413, 422, 503],
    handler: async (ctx, { body, request }) =>
      (await screenUpload(ctx, request, {
        bytes: Buffer.from(body.csv, 'utf8'),
        filename: body.fileName,
        field: 'csv',
        kind: 'library_import',
      })) ?? importLibraryFindings(memberCtx(ctx), body),
  }),
  defineRoute({
    method: 'DELETE',
    url: `${base}/imports/:libraryImportId`,
    operationId: 'removeLibraryImport',
    summary: 'Remove an import and the findings it brought',
    description:
      'Removes the import and every finding it added to the library. An import of another partnership is 404; removing one already removed changes nothing. Partnership admins and business managers only (403 for members). The removal is audited.',
    tags,
    auth: 'session',
    params: libraryImportParams,
    access: partnershipAccess('manageLibrary'),
    response: { status: 204, schema: null, description: 'Removed' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => {
      await removeLibraryImport(memberCtx(ctx), params.libraryImportId);
      return undefined;
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/import-template`,
    operationId: 'downloadLibraryImportTemplate',
    summary: 'The CSV template for importing older published findings',
    description: `A CSV file (UTF-8 with a byte order mark, so Excel reads it) named library-import-template.csv: the heading row and one example finding. ${importRules} Partnership admins and business managers only (403 for members).`,
    tags,
    auth: 'session',
    params: libraryParams,
    access: partnershipAccess('manageLibrary'),
    response: { status: 200, schema: null, description: 'The template, as an attachment' },
    errors: [401, 403, 404],
    handler: async () =>
      new Respond(libraryImportTemplate(), 200, (reply) => {
        reply.type('text/csv; charset=utf-8');
        reply.header('Content-Disposition', 'attachment; filename="library-import-template.csv"');
        reply.header('X-Content-Type-Options', 'nosniff');
      }),
  }),
];
