import {
  boardResponseDto,
  boardResponseParams,
  documentFormatParams,
  findingResponseDto,
  recordBoardResponseInput,
} from '#domain/action/action.ts';
import { reviewParams } from '#domain/review/review.ts';
import { findingAccess } from '../finding/finding-access.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { reportMediaTypes } from '../report/report.service.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import {
  type DocumentFormat,
  downloadBoardResponse,
  getBoardResponse,
  recordBoardResponse,
} from './board-response.service.ts';
import { generateLearningBriefing } from './briefing.service.ts';

const base = '/api/partnerships/:partnershipId/reviews/:reviewId';
const who =
  'The review team side (the chair included) and board members may read it; the case group and the family may not (403).';

/** The file as an attachment of its media type, never sniffed as anything else. */
const attachment = (file: { content: Buffer; fileName: string }, format: DocumentFormat) =>
  new Respond(file.content, 200, (reply) => {
    reply.type(reportMediaTypes[format]);
    reply.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    reply.header('X-Content-Type-Options', 'nosniff');
  });

/** The routes of the board's response to a review's findings and the learning briefing. */
export const boardResponseRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/board-response`,
    operationId: 'getBoardResponse',
    summary: 'The board’s response to each of the review’s findings',
    description: `Every finding in order with its issues for the board and recommendations, the response the board recorded (none, at version 0, before the first), the date the board agreed it, who recorded it and when, and how many actions of the action plan answer the finding; \`agreedCount\` counts the responses the board has agreed. ${who}`,
    tags: ['Board response'],
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewBoardResponse'),
    response: { status: 200, schema: boardResponseDto, description: 'The findings with their responses' },
    errors: [401, 403, 404],
    handler: async (ctx) => getBoardResponse(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/findings/:findingId/board-response`,
    operationId: 'recordBoardResponse',
    summary: 'Record the board’s response to a finding',
    description:
      'For the business manager and the chair (board members read it but may not record it: 403). Send the whole response with the version it is based on (0 before the first); if someone else recorded a response since, the answer is 409 with the response as it is now in `details.current`, and nothing changes. The response is required, at most 20,000 characters (400 naming `response`); the date the board agreed it is empty while the response is a draft, and cannot be after today in London (400 naming `agreedOn`). A finding that is not this review’s is 404. Saving what is stored changes nothing. The audit log records the finding’s number and whether the response is agreed, never its text.',
    tags: ['Board response'],
    auth: 'session',
    params: boardResponseParams,
    access: findingAccess('recordBoardResponse', { lock: true }),
    body: recordBoardResponseInput,
    response: { status: 200, schema: findingResponseDto, description: 'The finding with its response' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => recordBoardResponse(reviewCtx(ctx), params.findingId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/board-response/files/:format`,
    operationId: 'downloadBoardResponse',
    summary: 'Download the board’s response as DOCX or PDF',
    description: `The board’s response as a publishable document to sit beside the report: an introduction, then each finding in order with its issues for the board and the response (or “No response recorded yet”), with every name in the review’s pseudonym register replaced. An attachment named after the review, like child-a-board-response.pdf; each download is recorded in the audit log. A format other than docx or pdf is 404. ${who}`,
    tags: ['Board response'],
    auth: 'session',
    params: documentFormatParams,
    access: reviewAccess('viewBoardResponse'),
    response: { status: 200, schema: null, description: 'The DOCX or PDF file, as an attachment' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) =>
      attachment(await downloadBoardResponse(reviewCtx(ctx), params.format), params.format),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/learning-briefing/:format`,
    operationId: 'generateLearningBriefing',
    summary: 'Generate the learning briefing for frontline staff as DOCX or PDF',
    description:
      'For the lead reviewers, the business manager and the chair (anyone else in the review: 403). The one-page “seven-minute briefing”: background (with the report’s case summary, if written), what the review found, why it matters, questions for your team (the issues for the board), what to do next (the recommendations, or a team conversation if there are none) and where to find out more (the report’s address once it is published). Only findings agreed by the review team or final are in it; if there are none it says the findings are not agreed yet. Every name in the review’s pseudonym register is replaced. An attachment like child-a-learning-briefing.pdf; each one is recorded in the audit log with its format and how many findings it holds. A format other than docx or pdf is 404.',
    tags: ['Learning briefing'],
    auth: 'session',
    params: documentFormatParams,
    access: reviewAccess('generateBriefing'),
    response: { status: 200, schema: null, description: 'The DOCX or PDF file, as an attachment' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) =>
      attachment(await generateLearningBriefing(reviewCtx(ctx), params.format), params.format),
  }),
];
