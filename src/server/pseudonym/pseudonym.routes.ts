import { previewPseudonymisationInput, previewPseudonymisationResult } from '#domain/pseudonym/preview.ts';
import { pseudonymRegisterDto, updatePseudonymRegisterInput } from '#domain/pseudonym/register.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import {
  getPseudonymRegister,
  previewPseudonymisation,
  updatePseudonymRegister,
} from './pseudonym.service.ts';

const tags = ['Pseudonym register'];
const url = '/api/partnerships/:partnershipId/reviews/:reviewId/pseudonym-register';

/**
 * The routes of a review's pseudonym register: the real names behind the pseudonyms, the most
 * sensitive record of a review. Only lead reviewers and the business manager (and the
 * partnership's admins and business managers) may use them, and every reading is audited.
 */
export const pseudonymRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url,
    operationId: 'getPseudonymRegister',
    summary: 'The review’s pseudonym register (each reading is audited)',
    description:
      'The real names and identifiers behind the review’s pseudonyms, in order, with what replaces each in anything published, the version and who last changed it. Before anyone saves it the register is empty, at version 0. Every reading is recorded in the audit log.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewPseudonymRegister'),
    response: { status: 200, schema: pseudonymRegisterDto, description: 'The register' },
    errors: [401, 403, 404],
    handler: async (ctx) => getPseudonymRegister(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url,
    operationId: 'updatePseudonymRegister',
    summary: 'Replace the whole pseudonym register',
    description:
      'Send every entry, in order, with the version the change is based on (0 for an empty register). If someone else changed the register since, the answer is 409 with the register as it is now, and nothing changes. A real name or other spelling given twice, or a replacement that still contains a real name, is refused with 400 naming the row (entries.3.replacement). The audit log records how many entries were added, removed and changed, never the names.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('editPseudonymRegister', { lock: true }),
    body: updatePseudonymRegisterInput,
    response: { status: 200, schema: pseudonymRegisterDto, description: 'The register after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => updatePseudonymRegister(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${url}/preview`,
    operationId: 'previewPseudonymisation',
    summary: 'Try the pseudonym register on some text (audited as a reading of the register)',
    description:
      'Replaces every real name and identifier in the register in the text given (up to 200,000 characters), and scans the result for anything that may still identify someone: names from the register, postcodes, phone numbers, email addresses, NHS numbers, dates of birth and name-like words. Each hit comes with the words around it. Nothing is stored; the audit log records that the register was read, never the text.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewPseudonymRegister'),
    body: previewPseudonymisationInput,
    response: {
      status: 200,
      schema: previewPseudonymisationResult,
      description: 'The text with the replacements made, and what may still identify someone',
    },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => previewPseudonymisation(reviewCtx(ctx), body.text),
  }),
];
