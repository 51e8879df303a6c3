import {
  acknowledgeHitInput,
  compareReportQuery,
  generateReportInput,
  reportComparisonDto,
  reportDto,
  reportFileParams,
  reportVersionDto,
  reportVersionParams,
  updateReportNarrativeInput,
} from '#domain/report/report.ts';
import { reviewParams } from '#domain/review/review.ts';
import { type AnyRoute, defineRoute, Respond } from '../http/route.ts';
import { reviewAccess, reviewCtx } from '../review/access.ts';
import {
  compareReportVersions,
  downloadReportVersion,
  getReport,
  getReportVersion,
  reportMediaTypes,
  updateReportNarrative,
} from './report.service.ts';
import { generateReport } from './report-generate.service.ts';
import {
  acknowledgeReportIdentifier,
  markReportPublishable,
  scanReportIdentifiers,
} from './report-scan.service.ts';
import { reportVersionAccess, versionCtx } from './version-access.ts';

const tags = ['Report'];
const base = '/api/partnerships/:partnershipId/reviews/:reviewId/report';
const versionUrl = `${base}/versions/:versionNumber`;
const write = { lock: true };
const unreadable =
  'A version the person may not read is answered 404, as if it did not exist: the review team side reads every version, the case group, agencies and family a version circulated to them, and everyone in the review (board members included) a signed-off one.';

/** The routes of a review's report: the written sections, generating versions, downloads, the identifier scan and comparison. */
export const reportRoutes: AnyRoute[] = [
  defineRoute({
    method: 'GET',
    url: base,
    operationId: 'getReport',
    summary: 'The review’s report: written sections, versions and sign-off chain',
    description:
      'Anyone who can see the review may ask. The written (narrative) sections, each with its hint, come only to the review team side; anyone else gets `narrative: []`. Until the lead reviewers write their own, the methodology section shows the standard text. `versions` lists only the versions the person may read, newest first. The sign-off chain is the one the terms of reference name, or the usual three steps.',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('viewReview'),
    response: { status: 200, schema: reportDto, description: 'The report and what the person may do' },
    errors: [401, 404],
    handler: async (ctx) => getReport(reviewCtx(ctx)),
  }),
  defineRoute({
    method: 'PUT',
    url: `${base}/narrative`,
    operationId: 'updateReportNarrative',
    summary: 'Save the written sections of the report',
    description:
      'For the lead reviewers, trainee reviewers and the business manager. Send every section with the draft version it is based on (0 before anything is written); a section left out or empty is cleared. If someone else saved since, the answer is 409 with the report as it is now in `details.current`, and nothing changes. Saving the same text changes nothing. Each section is at most 30,000 characters (400 naming the section).',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('editReport', write),
    body: updateReportNarrativeInput,
    response: { status: 200, schema: reportDto, description: 'The report after the change' },
    errors: [400, 401, 403, 404, 409],
    handler: async (ctx, { body }) => updateReportNarrative(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${base}/versions`,
    operationId: 'generateReport',
    summary: 'Generate a new version of the report',
    description:
      'For the lead reviewers, trainee reviewers and the business manager. Builds the report in the Learning Together structure from the review’s records and the written sections, replaces every name and identifier in the pseudonym register (practitioners appear by role), renders it as DOCX, PDF and HTML, and scans it for identifiers that survive (register entries, postcodes, phone numbers, email addresses, NHS numbers, dates of birth, words that look like names). The version is numbered after the others, records who generated it and when, and never changes afterwards. The note is at most 500 characters (400 naming `note`).',
    tags,
    auth: 'session',
    params: reviewParams,
    access: reviewAccess('editReport', write),
    body: generateReportInput,
    response: { status: 201, schema: reportVersionDto, description: 'The new version with its scan' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => generateReport(reviewCtx(ctx), body),
  }),
  defineRoute({
    method: 'GET',
    url: versionUrl,
    operationId: 'getReportVersion',
    summary: 'A version of the report, with its scan, circulations and sign-offs',
    description: `The document of the version, the hits of its latest identifier scan with their acknowledgements (listed for the review team side only; anyone else sees the counts), the names the register could not map to one person (only for those who hold the register: they say which pseudonyms a real name could be), the sections still unwritten, its circulations and the sign-off chain’s outcomes. ${unreadable}`,
    tags,
    auth: 'session',
    params: reportVersionParams,
    access: reportVersionAccess(null),
    response: { status: 200, schema: reportVersionDto, description: 'The version' },
    errors: [401, 404],
    handler: async (ctx) => getReportVersion(versionCtx(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: `${versionUrl}/files/:format`,
    operationId: 'downloadReportVersion',
    summary: 'Download a version of the report as DOCX, PDF or HTML',
    description: `The file as generated, as an attachment named after the review and the version (like child-a-report-v2.pdf). Each download is recorded in the audit log. A format other than docx, pdf or html is 404. ${unreadable}`,
    tags,
    auth: 'session',
    params: reportFileParams,
    access: reportVersionAccess(null),
    response: { status: 200, schema: null, description: 'The DOCX, PDF or HTML file, as an attachment' },
    errors: [401, 404],
    handler: async (ctx, { params }) => {
      const { content, fileName } = await downloadReportVersion(versionCtx(ctx), params.format);
      return new Respond(content, 200, (reply) => {
        reply.type(reportMediaTypes[params.format]);
        reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
        reply.header('X-Content-Type-Options', 'nosniff');
        if (params.format === 'html')
          reply.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      });
    },
  }),
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/scan`,
    operationId: 'scanReportIdentifiers',
    summary: 'Scan a version again for identifiers that survive',
    description: `For the lead reviewers and the business manager. Scans the version’s document with the pseudonym register as it is now (it may have changed since the version was generated) and keeps the hits, each with its context and section. Acknowledgements of hits found again are kept. If any hit is not acknowledged, the version stops being publishable. ${unreadable}`,
    tags,
    auth: 'session',
    params: reportVersionParams,
    access: reportVersionAccess('checkReportIdentifiers', write),
    response: { status: 200, schema: reportVersionDto, description: 'The version with its new scan' },
    errors: [401, 403, 404],
    handler: async (ctx) => scanReportIdentifiers(versionCtx(ctx)),
  }),
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/acknowledgements`,
    operationId: 'acknowledgeReportIdentifier',
    summary: 'Acknowledge a hit of the identifier scan, with the reason it may stay',
    description: `For the lead reviewers and the business manager. \`key\` must be a hit of the version’s latest scan (otherwise 400 naming \`key\`); the reason is required, at most 1,000 characters (400 naming \`reason\`). Acknowledging a hit again replaces the reason. ${unreadable}`,
    tags,
    auth: 'session',
    params: reportVersionParams,
    access: reportVersionAccess('checkReportIdentifiers', write),
    body: acknowledgeHitInput,
    response: { status: 200, schema: reportVersionDto, description: 'The version with the acknowledgement' },
    errors: [400, 401, 403, 404],
    handler: async (ctx, { body }) => acknowledgeReportIdentifier(versionCtx(ctx), body),
  }),
  defineRoute({
    method: 'POST',
    url: `${versionUrl}/publishable`,
    operationId: 'markReportPublishable',
    summary: 'Mark a version publishable',
    description: `For the lead reviewers and the business manager. Only when the latest scan found nothing, or every hit is acknowledged with a reason: otherwise nothing changes and the answer is 409 (\`details.reason\` is \`not_publishable\`), its message says how many hits are left and \`details.unacknowledged\` lists them. Marking a publishable version again changes nothing. ${unreadable}`,
    tags,
    auth: 'session',
    params: reportVersionParams,
    access: reportVersionAccess('checkReportIdentifiers', write),
    response: { status: 200, schema: reportVersionDto, description: 'The version, now publishable' },
    errors: [401, 403, 404, 409],
    handler: async (ctx) => markReportPublishable(versionCtx(ctx)),
  }),
  defineRoute({
    method: 'GET',
    url: `${base}/compare`,
    operationId: 'compareReportVersions',
    summary: 'Compare two versions of the report',
    description:
      'Each section of the two versions (by its id) as added, removed, changed or unchanged, with the word-level changes of a changed section’s text. `from` and `to` are version numbers (400 naming the one that is not a whole number of 1 or more); both versions must exist and be readable by the person, otherwise the answer is 404.',
    tags,
    auth: 'session',
    params: reviewParams,
    query: compareReportQuery,
    access: reviewAccess('viewReview'),
    response: {
      status: 200,
      schema: reportComparisonDto,
      description: 'The differences, section by section',
    },
    errors: [400, 401, 404],
    handler: async (ctx, { query }) => compareReportVersions(reviewCtx(ctx), query),
  }),
];
