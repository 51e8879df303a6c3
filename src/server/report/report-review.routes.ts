import {
  circulateReportInput,
  circulationParams,
  commentOnReportInput,
  reportCommentParams,
  reportVersionDto,
  reportVersionParams,
  resolveReportCommentInput,
  signOffReportInput,
} from '#domain/report/report.ts';
import { type AnyRoute, defineRoute } from '../http/route.ts';
import { circulateReport, closeReportCirculation } from './circulation.service.ts';
import { presentReportVersion } from './report.presenter.ts';
import { commentOnReport, resolveReportComment } from './report-comment.service.ts';
import { signOffReport } from './sign-off.service.ts';
import { reportVersionAccess, versionCtx } from './version-access.ts';

const tags = ['Report'];
const versionUrl = '/api/partnerships/:partnershipId/reviews/:reviewId/report/versions/:versionNumber';
const write = { lock: true };
const reading =
  'A version the person may not read (a draft not circulated to them, or a review they have no part in) is not found (404).';

/** The routes that take a version of the report through circulation for comment and the sign-off chain. */
export const reportReviewRoutes: AnyRoute[] = [
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/circulations`,
    operationId: 'circulateReport',
    summary: 'Send a version out for comment',
    description: `Opens a round of comments on the version for one audience (the review team, the case group, agencies for factual accuracy, or the family) until a closing date, with an optional note to readers. Everyone in the audience may then read the version and comment on it. The closing date must be today or later in London (400 naming closesOn). While a round for the same audience on this version is still open, the answer is 409. ${reading} Only the lead reviewers and the business manager circulate a version (403).`,
    tags,
    auth: 'session',
    params: reportVersionParams,
    access: reportVersionAccess('circulateReport', write),
    body: circulateReportInput,
    response: {
      status: 201,
      schema: reportVersionDto,
      description: 'The version with its new round of comments',
    },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => {
      const v = versionCtx(ctx);
      await circulateReport(v, body);
      return presentReportVersion(v, v.reportVersion.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/circulations/:circulationId/close`,
    operationId: 'closeReportCirculation',
    summary: 'Close a round of comments',
    description: `Stops the round taking comments; the comments already made stay, to be resolved. Closing a round that is already closed changes nothing. A round of another version is not found (404). ${reading} Only the lead reviewers and the business manager close a round (403).`,
    tags,
    auth: 'session',
    params: circulationParams,
    access: reportVersionAccess('circulateReport', write),
    response: { status: 200, schema: reportVersionDto, description: 'The version with the round closed' },
    errors: [401, 403, 404],
    handler: async (ctx, { params }) => {
      const v = versionCtx(ctx);
      await closeReportCirculation(v, params.circulationId);
      return presentReportVersion(v, v.reportVersion.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/circulations/:circulationId/comments`,
    operationId: 'commentOnReport',
    summary: 'Comment on a section of a circulated version',
    description: `Adds a comment on one section of the version to a round of comments. The round must be open: one that was closed, or whose closing date has passed, answers 409 saying when it closed. The person must be in the round’s audience or on the review team side; a round meant for others is not shown to them and is not found (404): for example, the family on a version they may read, in a round for the case group. The section id must be a section of this version’s document (400 naming sectionId). A round of another version is not found (404). ${reading} People outside the review team side see only their own comments; the audit records the section, never the text.`,
    tags,
    auth: 'session',
    params: circulationParams,
    access: reportVersionAccess(null),
    body: commentOnReportInput,
    response: { status: 201, schema: reportVersionDto, description: 'The version with the new comment' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { params, body }) => {
      const v = versionCtx(ctx);
      await commentOnReport(v, params.circulationId, body);
      return presentReportVersion(v, v.reportVersion.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/comments/:reportCommentId/resolve`,
    operationId: 'resolveReportComment',
    summary: 'Record how a comment was dealt with',
    description: `Records whether the report was changed, not changed (which needs a response saying why: 400 naming response) or the comment noted. A comment already resolved can be resolved again, which replaces the outcome. A comment on another version is not found (404). ${reading} Only those who edit the report resolve comments: the lead reviewers, trainee reviewers and the business manager (403).`,
    tags,
    auth: 'session',
    params: reportCommentParams,
    access: reportVersionAccess('editReport', write),
    body: resolveReportCommentInput,
    response: { status: 200, schema: reportVersionDto, description: 'The version with the comment resolved' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { params, body }) => {
      const v = versionCtx(ctx);
      await resolveReportComment(v, params.reportCommentId, body);
      return presentReportVersion(v, v.reportVersion.id);
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/sign-offs`,
    operationId: 'signOffReport',
    summary: 'Record the outcome of the next step of the sign-off chain',
    description: `The chain is the one the terms of reference name, or lead reviewers, review team, safeguarding partners. The version must be marked publishable first (409 with details.reason not_publishable). The step sent must be the next step of the chain; otherwise, or when the chain is finished or stopped, the answer is 409 saying so, with the version as it is now in details.current. Changes requested need a note saying what needs to change (400 naming note) and stop the chain for this version: a new version starts again. Once every step is approved the version is signed off, and everyone in the review may read it, board members included. ${reading} Only the lead reviewers, the business manager and the chair record sign-off (403).`,
    tags,
    auth: 'session',
    params: reportVersionParams,
    access: reportVersionAccess('signOffReport', write),
    body: signOffReportInput,
    response: { status: 201, schema: reportVersionDto, description: 'The version with the outcome recorded' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => {
      const v = versionCtx(ctx);
      await signOffReport(v, body);
      return presentReportVersion(v, v.reportVersion.id);
    },
  }),
];
