import { partnershipParams } from '#domain/partnership/partnership.ts';
import {
  cohortDto,
  cohortList,
  createCohortInput,
  createReviewerInput,
  listReviewersQuery,
  recordTrainingMilestoneInput,
  reviewerDto,
  reviewerList,
  reviewerParams,
  trainingRecordDto,
  updateReviewerInput,
} from '#domain/training/training.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { memberCtx, partnershipAccess } from '../partnership/access.ts';
import { createReviewer, listReviewers, updateReviewer } from './reviewer.service.ts';
import {
  createCohort,
  downloadLogbook,
  getTrainingRecord,
  listCohorts,
  recordTrainingMilestone,
} from './training.service.ts';

const pool = ['Reviewer pool'];
const training = ['Training'];
const base = '/api/partnerships/:partnershipId';
const reviewerUrl = `${base}/reviewers/:reviewerId`;
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const who =
  'Partnership admins and business managers only: a member of the partnership is refused (403), and someone outside it finds nothing (404).';
const references =
  'The cohort, supervisor, practice review, account (`userId`) and the agency of each declared conflict must be the partnership’s (400 naming the field, such as `conflicts.0.agencyId`); an account already linked to another reviewer is refused (400 naming `userId`). An accredited reviewer needs `accreditedOn`, today or earlier, and a trainee has none (400 naming `accreditedOn`). A supervisor must be another reviewer of the pool who is accredited (400 naming `supervisorReviewerId`). Only a trainee takes on a practice review, though a reviewer accredited since keeps theirs (400 naming `practiceReviewId`).';

/** The routes of the reviewer pool and the training programme. */
export const trainingRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: `${base}/reviewers`,
    operationId: 'listReviewers',
    summary: 'The partnership’s pool of reviewers',
    description: `Reviewers by name, with the names of their cohort, supervisor, practice review and the agencies of their declared conflicts; \`status\` lists only trainees, accredited or lapsed reviewers. With \`forReviewId\`, to choose lead reviewers when commissioning a review, each reviewer carries \`warnings\`: lapsed accreditation, a trainee who is not accredited, a trainee with no supervisor, and each declared conflict with one of the review’s agencies (naming the agency). A \`forReviewId\` that is not a review of this partnership is refused (400 naming \`forReviewId\`). Without it \`warnings\` is empty. ${who}`,
    tags: pool,
    auth: 'session',
    params: partnershipParams,
    query: listReviewersQuery,
    access: partnershipAccess('viewReviewerPool'),
    response: { status: 200, schema: reviewerList, description: 'The reviewers and what the person may do' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { query }) => listReviewers(memberCtx(ctx), query),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/reviewers`,
    operationId: 'createReviewer',
    summary: 'Add a reviewer to the pool',
    description: `${references} Recorded in the audit log. ${who}`,
    tags: pool,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('manageReviewerPool'),
    body: createReviewerInput,
    response: { status: 201, schema: reviewerDto, description: 'The new reviewer' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createReviewer(memberCtx(ctx), body),
  }),
  defineRoute({
    method: 'PUT',
    url: reviewerUrl,
    operationId: 'updateReviewer',
    summary: 'Change a reviewer’s details',
    description: `Send every field with the version the change is based on: a field left out is cleared. If someone else changed the reviewer since, the answer is 409 with the reviewer as they are now. ${references} The audit log names the fields that changed. A reviewer of another partnership is not found (404). ${who}`,
    tags: pool,
    auth: 'session',
    params: reviewerParams,
    access: partnershipAccess('manageReviewerPool'),
    body: updateReviewerInput,
    response: { status: 200, schema: reviewerDto, description: 'The reviewer after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => updateReviewer(memberCtx(ctx), params.reviewerId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${reviewerUrl}/training`,
    operationId: 'getTrainingRecord',
    summary: 'A reviewer’s training record',
    description: `The reviewer, their milestones by date and, for a trainee, what the programme still expects: four training days, at least three group supervision sessions, an individual session while writing the report, quality assurance of the practice review, an assessment outcome and accreditation. An accredited or lapsed reviewer has nothing outstanding. A reviewer of another partnership is not found (404). ${who}`,
    tags: training,
    auth: 'session',
    params: reviewerParams,
    access: partnershipAccess('viewReviewerPool'),
    response: { status: 200, schema: trainingRecordDto, description: 'The training record' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => getTrainingRecord(memberCtx(ctx), params.reviewerId),
  }),
  defineRoute({
    method: 'POST',
    url: `${reviewerUrl}/milestones`,
    operationId: 'recordTrainingMilestone',
    summary: 'Record a training milestone',
    description: `The date must be today or earlier in London (400 naming \`on\`); an assessment outcome needs \`outcome\` (400 naming it). Recording accreditation makes the reviewer accredited from that date, in the same change, and the audit log records both the milestone and the accreditation. Answers with the whole training record. A reviewer of another partnership is not found (404). ${who}`,
    tags: training,
    auth: 'session',
    params: reviewerParams,
    access: partnershipAccess('manageReviewerPool'),
    body: recordTrainingMilestoneInput,
    response: {
      status: 201,
      schema: trainingRecordDto,
      description: 'The training record with the milestone',
    },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { params, body }) =>
      recordTrainingMilestone(memberCtx(ctx), params.reviewerId, body),
  }),
  defineRoute({
    method: 'GET',
    url: `${reviewerUrl}/logbook`,
    operationId: 'downloadLogbook',
    summary: 'A reviewer’s accreditation logbook as a Word document (DOCX)',
    description: `The reviewer’s status, accrediting body, cohort, supervisor and practice review; a table of their milestones (date, milestone, outcome, notes); and what is still outstanding. Each download is recorded in the audit log. A reviewer of another partnership is not found (404). ${who}`,
    tags: training,
    auth: 'session',
    params: reviewerParams,
    access: partnershipAccess('viewReviewerPool'),
    response: { status: 200, schema: null, description: `${docxType}, as an attachment` },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => {
      const { docx, fileName } = await downloadLogbook(memberCtx(ctx), params.reviewerId);
      return new Respond(docx, 200, (reply) => {
        reply.type(docxType);
        reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
      });
    },
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/cohorts`,
    operationId: 'listCohorts',
    summary: 'The partnership’s training cohorts',
    description: `Cohorts, the latest start first, each with the reviewers in it, their status and how many milestones each has recorded. ${who}`,
    tags: training,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('viewReviewerPool'),
    response: { status: 200, schema: cohortList, description: 'The cohorts and what the person may do' },
    errors: [401, 403, 404],
    handler: async (ctx) => listCohorts(memberCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/cohorts`,
    operationId: 'createCohort',
    summary: 'Add a training cohort',
    description: `A cohort’s name must not already be one of the partnership’s cohorts (400 naming \`name\`). Recorded in the audit log. ${who}`,
    tags: training,
    auth: 'session',
    params: partnershipParams,
    access: partnershipAccess('manageReviewerPool'),
    body: createCohortInput,
    response: { status: 201, schema: cohortDto, description: 'The new cohort' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => createCohort(memberCtx(ctx), body),
  }),
];
