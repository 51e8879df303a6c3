import type { ReportDocument } from '#domain/report/document.ts';
import { narrativeKeys, narrativeSections } from '#domain/report/report.ts';
import { reviewBody, reviewId } from '../review/fixtures.ts';
import { demoPartnershipId } from '../testing/render.tsx';
import type {
  Circulation,
  ReportComment,
  ReportComparisonDto,
  ReportDto,
  ReportHit,
  ReportVersionDto,
  ReportVersionSummary,
} from './api.ts';

export const reviewApi = `/api/partnerships/${demoPartnershipId}/reviews/${reviewId}`;
export const reportApi = `${reviewApi}/report`;
export const reportAddress = `/partnerships/${demoPartnershipId}/reviews/${reviewId}/report`;
export const versionApi = (n: number) => `${reportApi}/versions/${n}`;
export const circulationId = '9c1d2e3f-7777-4000-8000-000000000001';
export const commentId = '9c1d2e3f-8888-4000-8000-000000000001';

/** A lead reviewer: writes the report, checks identifiers, circulates it and records sign-off. */
export const leadReviewer = reviewBody({
  abilities: {
    ...reviewBody().abilities,
    viewAnalysis: true,
    viewFindings: true,
    viewReportDrafts: true,
    editReport: true,
    checkReportIdentifiers: true,
    circulateReport: true,
    signOffReport: true,
  },
});

/** A practitioner in the case group: reads a draft circulated to them and comments on it. */
export const caseGroupMember = reviewBody({
  myRoles: ['case_group_member'],
  abilities: { viewReview: true, viewParticipants: true, viewOwnMeetings: true, viewOwnConversation: true },
});

/** A board member: reads the outline and, once signed off, the report. */
export const boardMember = reviewBody({
  myRoles: ['board_member'],
  abilities: { viewReview: true, viewTermsOfReference: true, viewSignedOffOutputs: true },
});

/** The written sections as a lead reviewer sees them. */
export function reportBody(overrides: Partial<ReportDto> = {}): ReportDto {
  return {
    narrative: narrativeKeys.map((key) => ({
      key,
      title: narrativeSections[key].title,
      hint: narrativeSections[key].hint,
      text: key === 'whyThisCase' ? 'The partners wanted to learn how agencies share information.' : '',
    })),
    version: 4,
    updatedAt: '2027-02-01T17:00:00.000Z',
    updatedByName: 'Lee Lead',
    versions: [
      versionSummaryBody({ number: 2 }),
      versionSummaryBody({ number: 1, hitCount: 0, unacknowledgedCount: 0 }),
    ],
    signOffChain: ['Lead reviewers', 'Review team', 'Safeguarding partners'],
    abilities: { edit: true, generate: true },
    ...overrides,
  };
}

/** A version as the list sends it. */
export function versionSummaryBody(overrides: Partial<ReportVersionSummary> = {}): ReportVersionSummary {
  return {
    number: 2,
    note: 'After the review team meeting',
    createdAt: '2027-02-01T17:05:00.000Z',
    createdByName: 'Lee Lead',
    hitCount: 3,
    unacknowledgedCount: 3,
    publishable: false,
    signOffStatus: 'not_started',
    signOffStatusLabel: 'Not started',
    circulatedTo: [],
    ...overrides,
  };
}

/** A short document with a paragraph, a minor heading, a list and a table. */
export const documentBody: ReportDocument = {
  schemaVersion: 1,
  title: 'Child A',
  subtitle: 'Local child safeguarding practice review',
  partnershipName: 'Demo Safeguarding Partnership',
  versionNumber: 2,
  generatedOn: '2027-02-01',
  sections: [
    {
      id: 'introduction',
      title: 'Introduction',
      origin: 'mixed',
      blocks: [],
      sections: [
        {
          id: 'introduction.why-this-case',
          title: 'Why this case was chosen',
          origin: 'narrative',
          blocks: [{ kind: 'paragraph', text: 'Ellie Smith lived at LS1 4AB with her mother.' }],
          sections: [],
        },
      ],
    },
    {
      id: 'findings-summary',
      title: 'Summary of findings',
      origin: 'generated',
      blocks: [
        {
          kind: 'table',
          caption: 'The findings',
          columns: ['Number', 'Finding', 'Risk or strength'],
          rows: [['1', 'Call-outs do not reach health visitors.', 'Risk']],
        },
      ],
      sections: [],
    },
    {
      id: 'findings',
      title: 'Findings',
      origin: 'generated',
      blocks: [],
      sections: [
        {
          id: 'findings.finding-1',
          title: 'Finding 1: Call-outs do not reach health visitors',
          origin: 'generated',
          blocks: [
            { kind: 'heading', text: 'Issues for the board' },
            { kind: 'list', ordered: true, items: ['Is the board satisfied that call-outs are shared?'] },
          ],
          sections: [],
        },
      ],
    },
  ],
};

/** Something the scan found, not yet acknowledged. */
export function hitBody(overrides: Partial<ReportHit> = {}): ReportHit {
  return {
    key: 'register:introduction.why-this-case:Ellie Smith:0',
    kind: 'register',
    kindLabel: 'Name in the register',
    match: 'Ellie Smith',
    context: 'Ellie Smith lived at LS1 4AB with her mother.',
    sectionId: 'introduction.why-this-case',
    sectionTitle: 'Why this case was chosen',
    acknowledgement: null,
    ...overrides,
  };
}

export const postcodeHit = hitBody({
  key: 'postcode:introduction.why-this-case:LS1 4AB:0',
  kind: 'postcode',
  kindLabel: 'Postcode',
  match: 'LS1 4AB',
});

export const acknowledgedHit = hitBody({
  key: 'phone:findings.finding-1:0113 496 0000:0',
  kind: 'phone',
  kindLabel: 'Phone number',
  match: '0113 496 0000',
  context: 'The duty line, 0113 496 0000, is public.',
  sectionId: 'findings.finding-1',
  sectionTitle: 'Finding 1: Call-outs do not reach health visitors',
  acknowledgement: {
    reason: 'The public duty line.',
    byName: 'Morgan Manager',
    at: '2027-02-01T17:10:00.000Z',
  },
});

/** A comment from the case group, not dealt with yet. */
export function commentBody(overrides: Partial<ReportComment> = {}): ReportComment {
  return {
    id: commentId,
    sectionId: 'introduction.why-this-case',
    sectionTitle: 'Why this case was chosen',
    body: 'The health visitor did hear about the second call-out.',
    authorName: 'Pat Practitioner',
    createdAt: '2027-02-03T10:00:00.000Z',
    resolution: null,
    resolutionLabel: null,
    response: null,
    resolvedByName: null,
    resolvedAt: null,
    abilities: { resolve: true },
    ...overrides,
  };
}

/** An open round for the case group. */
export function circulationBody(overrides: Partial<Circulation> = {}): Circulation {
  return {
    id: circulationId,
    audience: 'case_group',
    audienceLabel: 'The case group',
    note: 'Please check the episodes you were part of.',
    closesOn: '2099-03-01',
    openedAt: '2027-02-02T09:00:00.000Z',
    openedByName: 'Lee Lead',
    closedAt: null,
    comments: [],
    abilities: { comment: false, close: true },
    ...overrides,
  };
}

/** A version as a lead reviewer sees it, with two hits to check and one acknowledged. */
export function versionBody(overrides: Partial<ReportVersionDto> = {}): ReportVersionDto {
  return {
    ...versionSummaryBody(),
    document: documentBody,
    scan: { scannedAt: '2027-02-01T17:05:00.000Z', hits: [hitBody(), postcodeHit, acknowledgedHit] },
    ambiguousNames: [
      { text: 'Smith', candidates: ['Ellie', 'Mum'], sectionTitle: 'Why this case was chosen' },
    ],
    unwrittenSections: ['Acknowledgements'],
    publishableAt: null,
    publishableByName: null,
    signOffs: [],
    nextSignOffStep: { step: 0, label: 'Lead reviewers' },
    circulations: [],
    abilities: {
      download: true,
      scan: true,
      acknowledge: true,
      markPublishable: true,
      circulate: true,
      signOff: true,
    },
    hitCount: 3,
    unacknowledgedCount: 2,
    ...overrides,
  };
}

/** Version 2 as a case group member sees it once circulated to the case group. */
export function caseGroupVersionBody(overrides: Partial<ReportVersionDto> = {}): ReportVersionDto {
  return versionBody({
    circulatedTo: ['case_group'],
    scan: { scannedAt: '2027-02-01T17:05:00.000Z', hits: [] },
    ambiguousNames: [],
    unwrittenSections: [],
    circulations: [circulationBody({ abilities: { comment: true, close: false } })],
    abilities: {
      download: true,
      scan: false,
      acknowledge: false,
      markPublishable: false,
      circulate: false,
      signOff: false,
    },
    ...overrides,
  });
}

/** What changed between versions 1 and 2. */
export const comparisonBody: ReportComparisonDto = {
  from: 1,
  to: 2,
  sections: [
    {
      id: 'introduction.why-this-case',
      title: 'Why this case was chosen',
      status: 'changed',
      changes: [
        { value: 'The partners wanted to ', added: false, removed: false },
        { value: 'know', added: false, removed: true },
        { value: 'learn', added: true, removed: false },
        { value: ' how agencies share information.', added: false, removed: false },
      ],
    },
    {
      id: 'window',
      title: 'The case as a window on the system',
      status: 'added',
      changes: [{ value: 'New text.', added: true, removed: false }],
    },
    { id: 'findings-summary', title: 'Summary of findings', status: 'unchanged', changes: [] },
  ],
};
