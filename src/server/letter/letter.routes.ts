import {
  generateLetterQuery,
  letterOptions,
  letterParams,
  letterTemplateDto,
  letterTemplateList,
  letterTemplateParams,
  updateLetterTemplateInput,
} from '#domain/letter/letter.ts';
import { partnershipParams } from '#domain/partnership/partnership.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx } from '../partnership/access.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import { letterTemplateAccess } from './access.ts';
import { generateLetter, listLetterOptions } from './letter.service.ts';
import { listLetterTemplates, updateLetterTemplate } from './template.service.ts';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const letterRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/letter-templates',
    operationId: 'listLetterTemplates',
    summary: 'The partnership’s letter templates, and the placeholders they may use',
    description:
      'Both kinds of letter: the partnership’s own wording, or the standard wording (`isStandard`) until it writes its own.',
    tags: ['Letters'],
    auth: 'session',
    params: partnershipParams,
    access: letterTemplateAccess('view'),
    response: { status: 200, schema: letterTemplateList, description: 'Letter templates' },
    errors: [401, 404],
    handler: async (ctx) => listLetterTemplates(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/partnerships/:partnershipId/letter-templates/:kind',
    operationId: 'updateLetterTemplate',
    summary: 'Save the partnership’s wording of a letter',
    description:
      'Paragraphs are separated by blank lines; "# " starts the heading and "## " a section heading; lines starting "- " make a bulleted list. Unknown placeholders are refused (400 naming `body`). Send `version: null` for the first save over the standard wording, then the version you read.',
    tags: ['Letters'],
    auth: 'session',
    params: letterTemplateParams,
    access: letterTemplateAccess('edit'),
    body: updateLetterTemplateInput,
    response: { status: 200, schema: letterTemplateDto, description: 'The saved template' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateLetterTemplate(memberCtx(ctx), params.kind, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/reviews/:reviewId/letters',
    operationId: 'listLetters',
    summary: 'The letters that can be written for the review, and who each can be addressed to',
    tags: ['Letters'],
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('generateLetters'),
    response: { status: 200, schema: letterOptions, description: 'Letter kinds and recipients' },
    errors: [401, 403, 404],
    handler: async (ctx) => listLetterOptions(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/partnerships/:partnershipId/reviews/:reviewId/letters/:kind',
    operationId: 'generateLetter',
    summary: 'Generate a letter as a Word document (DOCX)',
    description:
      'The introductory letter needs `participantId`; the family letter may be addressed to a family member or to the family. Each letter generated is recorded in the audit log.',
    tags: ['Letters'],
    auth: 'session',
    params: letterParams,
    query: generateLetterQuery,
    access: reviewAccess('generateLetters'),
    response: { status: 200, schema: null, description: `${docxType}, as an attachment` },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { params, query }) => {
      const { docx, fileName } = await generateLetter(reviewCtx(ctx), params.kind, query.participantId);
      return new Respond(docx, 200, (reply) => {
        reply.type(docxType);
        reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
      });
    },
  }),
];
