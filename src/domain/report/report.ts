import { z } from 'zod';
import type { PseudonymCategory } from '../pseudonym/register.ts';
import { id, optionalText, requiredText, timestamp } from '../shared/fields.ts';
import { reportDocumentSchema } from './document.ts';

/*
 * The report of a review: the narrative sections the lead reviewers write (one draft per review,
 * edited with its version), and the immutable versions generated from the draft and the review's
 * records, each pseudonymised, scanned for identifiers that survive, circulated for comment and
 * signed off.
 */

// ---------------------------------------------------------------------------------------------
// The narrative sections

/** The parts of the report the lead reviewers write; everything else is made from the review's records. */
export const narrativeSections = {
  whyThisCase: {
    title: 'Why this case was chosen',
    hint: 'Why the safeguarding partners decided to review this case, and what they hoped to learn.',
  },
  caseSummary: {
    title: 'A short summary of the case',
    hint: 'A few paragraphs: who the child was, what happened, and the period the review looked at. Use the pseudonyms.',
  },
  familyComposition: {
    title: 'Family composition: anything to add',
    hint: 'The family members are listed by their pseudonyms from the register. Add anything the reader needs, without details that could identify them.',
  },
  methodology: {
    title: 'Methodology and how hindsight was limited',
    hint: 'How the review was carried out and the techniques used to limit hindsight bias.',
  },
  independence: {
    title: 'The reviewers and their independence',
    hint: 'The lead reviewers’ background and their independence from the agencies involved.',
  },
  acknowledgements: {
    title: 'Acknowledgements',
    hint: 'Thanks to the family, the case group and others who took part.',
  },
  limitations: {
    title: 'Who took part, who did not, and why',
    hint: 'The methodological comment and limitations: participation of practitioners, agencies and the family, and what that means for the findings.',
  },
  appraisalOverview: {
    title: 'Appraisal of practice: overview',
    hint: 'The overall picture of practice before the synopsis of each key practice episode.',
  },
  windowOnSystem: {
    title: 'The case as a window on the system',
    hint: 'How this case shows the way the local system usually works, leading into the findings.',
  },
} as const;
export type NarrativeKey = keyof typeof narrativeSections;
export const narrativeKeys = Object.keys(narrativeSections) as NarrativeKey[];

/** What the methodology section says until the lead reviewers write their own. */
export const defaultMethodology =
  'This review used the Learning Together systems model developed by the Social Care Institute for Excellence. ' +
  'The review team and the lead reviewers held structured conversations with the practitioners involved (the case group), ' +
  'built a multi-agency narrative of events, identified key practice episodes, and appraised each one as it looked at the time, ' +
  'without hindsight. The contributory factors behind each episode led to findings about how the local system works.\n\n' +
  'To limit hindsight bias, the reviewers asked practitioners what they knew and what made sense to them at the time, ' +
  'appraised practice against what was known when decisions were made, and tested the emerging findings with the case group.';

// ---------------------------------------------------------------------------------------------
// What the report is built from (the server gathers it; the domain builds the document)

/** Everything the document builder needs from the review's records, already in words (labels, not codes). */
export type ReportFacts = {
  partnershipName: string;
  review: {
    title: string;
    typeLabel: string;
    initiatedDate: string;
    scopeFrom: string | null;
    scopeTo: string | null;
    purposeStatement: string | null;
    proportionalityRationale: string | null;
  };
  versionNumber: number;
  generatedOn: string;
  /** The pseudonyms of the child and family (replacements only, never real values), in register order. */
  family: { category: Extract<PseudonymCategory, 'child' | 'family_member'>; pseudonym: string }[];
  /** Lead reviewers are named in a published report; everyone else appears by role. */
  leadReviewers: { name: string; jobTitle: string | null; agencyName: string | null }[];
  reviewTeam: { roleLabel: string; jobTitle: string | null; agencyName: string | null }[];
  caseGroup: { jobTitle: string | null; agencyName: string | null; hadConversation: boolean }[];
  familyTookPart: boolean;
  conversationsHeld: number;
  researchQuestions: { id: string; position: number; text: string }[];
  episodes: {
    number: number;
    title: string;
    periodFrom: string;
    periodTo: string;
    agencyNames: string[];
    whatHappened: string;
    localRationality: string;
    appraisalLabel: string | null;
    goodPractice: boolean;
  }[];
  findings: {
    number: number;
    statement: string;
    typology: { code: string; name: string } | null;
    polarityLabel: string;
    episodeNumbers: number[];
    howItShowed: string;
    prevalenceSourceLabels: string[];
    prevalenceEvidence: string;
    currencyLabel: string | null;
    currencyNote: string | null;
    whyItMatters: string;
    boardQuestions: string[];
    recommendations: { text: string; addressee: string | null }[];
    priorityLabel: string | null;
    researchQuestionIds: string[];
  }[];
};

// ---------------------------------------------------------------------------------------------
// The identifier scan of a version

export const reportHitDto = z.object({
  key: z
    .string()
    .describe('Stable for this version: the kind, the section, the text found and which occurrence it is'),
  kind: z.enum(['register', 'postcode', 'phone', 'email', 'nhs_number', 'date_of_birth', 'name_like']),
  kindLabel: z.string(),
  match: z.string(),
  context: z.string(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  acknowledgement: z
    .object({ reason: z.string(), byName: z.string().nullable(), at: timestamp })
    .nullable()
    .describe('Why it may stay, if someone acknowledged it'),
});
export type ReportHitDto = z.infer<typeof reportHitDto>;

// ---------------------------------------------------------------------------------------------
// Circulation and comments

/** Who a draft goes to for comment. */
export const circulationAudiences = {
  review_team: 'The review team',
  case_group: 'The case group',
  agencies: 'Agencies, for factual accuracy',
  family: 'The family',
} as const;
export type CirculationAudience = keyof typeof circulationAudiences;
export const circulationAudience = z.enum(
  Object.keys(circulationAudiences) as [CirculationAudience, ...CirculationAudience[]],
  { error: 'Choose who the draft goes to' },
);

/** How a comment on a draft was dealt with. */
export const commentResolutions = {
  changed: 'Changed in the report',
  not_changed: 'Not changed, with a reason',
  noted: 'Noted',
} as const;
export type CommentResolution = keyof typeof commentResolutions;
export const commentResolution = z.enum(
  Object.keys(commentResolutions) as [CommentResolution, ...CommentResolution[]],
  { error: 'Choose how the comment was dealt with' },
);

// ---------------------------------------------------------------------------------------------
// Sign-off

/** The sign-off chain when the terms of reference name none. */
export const defaultSignOffChain = ['Lead reviewers', 'Review team', 'Safeguarding partners'] as const;

export const signOffOutcomes = {
  approved: 'Approved',
  changes_requested: 'Changes requested',
} as const;
export type SignOffOutcome = keyof typeof signOffOutcomes;
export const signOffOutcome = z.enum(Object.keys(signOffOutcomes) as [SignOffOutcome, ...SignOffOutcome[]], {
  error: 'Choose approved or changes requested',
});

/** Where a version is in the sign-off chain. */
export const signOffStatuses = {
  not_started: 'Not started',
  in_progress: 'In progress',
  signed_off: 'Signed off',
  changes_requested: 'Changes requested',
} as const;
export type SignOffStatus = keyof typeof signOffStatuses;

// ---------------------------------------------------------------------------------------------
// Parameters and inputs

export const reportVersionParams = z.object({
  partnershipId: id,
  reviewId: id,
  versionNumber: z.coerce.number({ error: 'Version number must be a whole number' }).int().min(1).max(10_000),
});
export const reportFileParams = reportVersionParams.extend({
  format: z.enum(['docx', 'pdf', 'html'], { error: 'Choose docx, pdf or html' }),
});
export const circulationParams = reportVersionParams.extend({ circulationId: id });
export const reportCommentParams = reportVersionParams.extend({ reportCommentId: id });

export const updateReportNarrativeInput = z.object({
  version: z
    .int()
    .min(0)
    .describe('The draft version the change was based on (0 before anything is written)'),
  sections: z
    .object(
      Object.fromEntries(
        narrativeKeys.map((k) => [k, optionalText(narrativeSections[k].title.toLowerCase(), 30_000)]),
      ) as Record<NarrativeKey, ReturnType<typeof optionalText>>,
    )
    .describe('Every narrative section; one left out or empty is cleared'),
});
export type UpdateReportNarrativeInput = z.infer<typeof updateReportNarrativeInput>;

export const generateReportInput = z.object({
  note: optionalText('the note about this version', 500).describe(
    'What changed, like “After the case group’s comments”',
  ),
});
export const acknowledgeHitInput = z.object({
  key: requiredText('which hit', 1_000),
  reason: requiredText('why it may stay in the report', 1_000),
});
export const circulateReportInput = z.object({
  audience: circulationAudience,
  closesOn: z.iso.date({ error: 'Enter the date comments close as a real date, like 2027-03-02' }),
  note: optionalText('the note to readers', 2_000),
});
export const commentOnReportInput = z.object({
  sectionId: requiredText('the section', 200).describe('The id of a section of this version'),
  body: requiredText('your comment', 5_000),
});
export const resolveReportCommentInput = z.object({
  resolution: commentResolution,
  response: optionalText('the response', 5_000).describe('Required when the report is not changed'),
});
export const signOffReportInput = z.object({
  step: z.int().min(0).describe('The index of the step being recorded: the next step of the chain'),
  outcome: signOffOutcome,
  note: optionalText('the note', 2_000).describe('Required when changes are requested'),
});
export const compareReportQuery = z.object({
  from: z.coerce.number({ error: 'Choose a version to compare from' }).int().min(1),
  to: z.coerce.number({ error: 'Choose a version to compare to' }).int().min(1),
});

// ---------------------------------------------------------------------------------------------
// What the API answers

export const narrativeSectionDto = z.object({
  key: z.enum(narrativeKeys as [NarrativeKey, ...NarrativeKey[]]),
  title: z.string(),
  hint: z.string(),
  text: z.string(),
});

export const reportVersionSummaryDto = z.object({
  number: z.int(),
  note: z.string().nullable(),
  createdAt: timestamp,
  createdByName: z.string().nullable(),
  hitCount: z.int(),
  unacknowledgedCount: z.int(),
  publishable: z.boolean(),
  signOffStatus: z.enum(Object.keys(signOffStatuses) as [SignOffStatus, ...SignOffStatus[]]),
  signOffStatusLabel: z.string(),
  circulatedTo: z.array(circulationAudience).describe('The audiences it has been circulated to'),
});
export type ReportVersionSummaryDto = z.infer<typeof reportVersionSummaryDto>;

export const reportDto = z.object({
  narrative: z
    .array(narrativeSectionDto)
    .describe('Empty for people who see only circulated or signed-off versions'),
  version: z.int().describe('The draft version (0 before anything is written)'),
  updatedAt: timestamp.nullable(),
  updatedByName: z.string().nullable(),
  versions: z.array(reportVersionSummaryDto).describe('The versions this person may read, newest first'),
  signOffChain: z.array(z.string()),
  abilities: z.object({ edit: z.boolean(), generate: z.boolean() }),
});
export type ReportDto = z.infer<typeof reportDto>;

export const reportCommentDto = z.object({
  id,
  sectionId: z.string(),
  sectionTitle: z.string(),
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: timestamp,
  resolution: commentResolution.nullable(),
  resolutionLabel: z.string().nullable(),
  response: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: timestamp.nullable(),
  abilities: z.object({ resolve: z.boolean() }),
});
export type ReportCommentDto = z.infer<typeof reportCommentDto>;

export const circulationDto = z.object({
  id,
  audience: circulationAudience,
  audienceLabel: z.string(),
  note: z.string().nullable(),
  closesOn: z.iso.date(),
  openedAt: timestamp,
  openedByName: z.string().nullable(),
  closedAt: timestamp.nullable(),
  comments: z
    .array(reportCommentDto)
    .describe('The review team side sees every comment; anyone else sees their own'),
  abilities: z.object({ comment: z.boolean(), close: z.boolean() }),
});
export type CirculationDto = z.infer<typeof circulationDto>;

export const signOffDto = z.object({
  step: z.int(),
  stepLabel: z.string(),
  outcome: signOffOutcome,
  outcomeLabel: z.string(),
  note: z.string().nullable(),
  byName: z.string().nullable(),
  at: timestamp,
});

export const reportVersionDto = reportVersionSummaryDto.extend({
  document: reportDocumentSchema,
  scan: z.object({
    scannedAt: timestamp,
    hits: z.array(reportHitDto),
  }),
  ambiguousNames: z
    .array(z.object({ text: z.string(), candidates: z.array(z.string()), sectionTitle: z.string() }))
    .describe('Names the register could not map to one person, replaced with a neutral form'),
  unwrittenSections: z.array(z.string()).describe('Narrative sections still empty in this version'),
  publishableAt: timestamp.nullable(),
  publishableByName: z.string().nullable(),
  signOffs: z.array(signOffDto),
  nextSignOffStep: z.object({ step: z.int(), label: z.string() }).nullable(),
  circulations: z.array(circulationDto),
  abilities: z.object({
    download: z.boolean(),
    scan: z.boolean(),
    acknowledge: z.boolean(),
    markPublishable: z.boolean(),
    circulate: z.boolean(),
    signOff: z.boolean(),
  }),
});
export type ReportVersionDto = z.infer<typeof reportVersionDto>;

export const reportComparisonDto = z.object({
  from: z.int(),
  to: z.int(),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.enum(['added', 'removed', 'changed', 'unchanged']),
      changes: z
        .array(z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() }))
        .describe('Word-level changes of the section’s text; empty when unchanged'),
    }),
  ),
});
export type ReportComparisonDto = z.infer<typeof reportComparisonDto>;
