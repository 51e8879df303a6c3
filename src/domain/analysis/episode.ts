import { z } from 'zod';
import { languageFlag } from '../reference/language.ts';
import { id, optionalText, requiredText, timestamp, version } from '../shared/fields.ts';

const isoDate = (label: string) => z.iso.date({ error: `Enter ${label} as a real date, like 2026-03-27` });
const longText = (label: string) => optionalText(label, 20_000);

/** Where an episode stands with the review team and the case group. */
export const episodeStatuses = {
  draft: 'Draft',
  review_team_agreed: 'Review team agreed',
  case_group_checked: 'Case group checked',
} as const;
export type EpisodeStatus = keyof typeof episodeStatuses;
export const episodeStatus = z.enum(Object.keys(episodeStatuses) as [EpisodeStatus, ...EpisodeStatus[]], {
  error: 'Choose draft, review team agreed or case group checked',
});

/** The kinds of standard practice is appraised against. */
export const standardKinds = {
  legislation: 'Legislation',
  guidance: 'Statutory or national guidance',
  procedure: 'Local procedure',
  research: 'Research evidence',
  professional_standard: 'Professional standard',
} as const;
export type StandardKind = keyof typeof standardKinds;
export const standardKind = z.enum(Object.keys(standardKinds) as [StandardKind, ...StandardKind[]], {
  error: 'Choose the kind of standard',
});

/** Whether the case group sees the shared episodes that involve their agency or role, or all of them. */
export const caseGroupScopes = {
  involved: 'Only the episodes that involve their agency or role',
  all: 'Every shared episode',
} as const;
export type CaseGroupScope = keyof typeof caseGroupScopes;
export const caseGroupScope = z.enum(Object.keys(caseGroupScopes) as [CaseGroupScope, ...CaseGroupScope[]], {
  error: 'Choose which episodes case group members see',
});

/** The written fields of an episode the language check reads ("what hindsight shows" is where hindsight belongs). */
export const checkedEpisodeFields = {
  whatHappened: 'What happened',
  localRationality: 'How it looked at the time',
  appraisalRationale: 'Why this appraisal',
  wentWell: 'What went well',
  overviewQueries: 'Queries from the overview',
} as const;
export type CheckedEpisodeField = keyof typeof checkedEpisodeFields;

/** A piece of evidence an episode or factor points to: an event, a document or a passage of a conversation. */
export const evidenceKinds = {
  event: 'Narrative event',
  document: 'Document',
  conversation: 'Conversation',
} as const;
export type EvidenceKind = keyof typeof evidenceKinds;
export const evidenceLinkInput = z
  .object({
    kind: z.enum(Object.keys(evidenceKinds) as [EvidenceKind, ...EvidenceKind[]], {
      error: 'Choose an event, a document or a conversation',
    }),
    targetId: id,
    passage: optionalText('the passage', 2_000)
      .nullable()
      .describe('The words relied on, quoted from the source'),
    note: optionalText('the note', 1_000).nullable(),
  })
  .describe('A link to evidence in this review');
export type EvidenceLinkInput = z.infer<typeof evidenceLinkInput>;

export const episodeParams = z.object({ partnershipId: id, reviewId: id, episodeId: id });
export const factorParams = episodeParams.extend({ factorId: id });
export const commentParams = episodeParams.extend({ commentId: id });

export const createEpisodeInput = z
  .object({
    title: requiredText('a title for the episode', 200),
    eventIds: z
      .array(id)
      .max(500, { error: 'Choose 500 events or fewer' })
      .default([])
      .describe('Narrative events the episode is made from; its period and agencies follow from them'),
    periodFrom: isoDate('the start of the period').optional(),
    periodTo: isoDate('the end of the period').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.eventIds.length === 0 && !(v.periodFrom && v.periodTo)) {
      ctx.addIssue({
        code: 'custom',
        path: ['eventIds'],
        message: 'Choose at least one event, or give the start and end of the period',
      });
    }
    if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo)
      ctx.addIssue({
        code: 'custom',
        path: ['periodTo'],
        message: 'The end of the period must be on or after its start',
      });
  });
export type CreateEpisodeInput = z.infer<typeof createEpisodeInput>;

export const updateEpisodeInput = z
  .object({
    version,
    title: requiredText('a title for the episode', 200).optional(),
    periodFrom: isoDate('the start of the period').optional(),
    periodTo: isoDate('the end of the period').optional(),
    agencyIds: z.array(id).max(50).optional(),
    roles: z
      .array(requiredText('the role', 120))
      .max(30)
      .optional()
      .describe('Practitioner roles involved, never names'),
    whatHappened: longText('what happened'),
    localRationality: longText('how it looked at the time'),
    appraisal: z
      .string()
      .max(40)
      .nullable()
      .optional()
      .describe('A grade key of the review’s appraisal scale'),
    appraisalRationale: longText('why this appraisal'),
    standardKind: standardKind.nullable().optional(),
    standardReference: optionalText('the standard', 1_000).nullable(),
    hindsight: longText('what hindsight shows'),
    wentWell: longText('what went well'),
    overviewQueries: longText('queries from the overview'),
    goodPractice: z.boolean().optional(),
    eventIds: z.array(id).max(500, { error: 'Link 500 events or fewer' }).optional(),
    evidence: z.array(evidenceLinkInput).max(100).optional().describe('Documents and conversation passages'),
  })
  .refine((v) => !(v.periodFrom && v.periodTo && v.periodFrom > v.periodTo), {
    path: ['periodTo'],
    error: 'The end of the period must be on or after its start',
  });
export type UpdateEpisodeInput = z.infer<typeof updateEpisodeInput>;

export const changeEpisodeStatusInput = z.object({ version, status: episodeStatus });
export const reorderEpisodesInput = z.object({
  episodeIds: z.array(id).min(1).max(500).describe('Every episode of the review, in the new order'),
});
export const shareEpisodesInput = z.object({
  episodeIds: z.array(id).max(500).describe('The episodes to share (or stop sharing)'),
  shared: z.boolean().default(true),
  scope: caseGroupScope.optional().describe('Which shared episodes case group members see'),
});

export const factorInput = z.object({
  group: z.string({ error: 'Choose a factor group' }).min(1, { error: 'Choose a factor group' }).max(40),
  factorType: optionalText('the factor type', 200).nullable(),
  description: requiredText('how the factor influenced what happened', 5_000),
  rank: z
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Significance rank within the episode, 1 the most significant'),
  evidence: z.array(evidenceLinkInput).max(50).default([]),
});
export const updateFactorInput = factorInput.partial().extend({ version });
export type FactorInput = z.infer<typeof factorInput>;

export const commentInput = z.object({ body: requiredText('your comment', 5_000) });
export const resolveCommentInput = z.object({
  resolution: requiredText('how the comment was dealt with', 2_000),
});

export const checkLanguageInput = z.object({
  text: z.string().max(50_000, { error: 'Check 50,000 characters or fewer at a time' }),
});
export const checkLanguageResult = z.object({ flags: z.array(languageFlag), rulesVersion: z.int() });

export const dismissFlagInput = z.object({
  entityType: z.enum(['episode', 'factor', 'finding'], { error: 'Choose an episode, a factor or a finding' }),
  entityId: id,
  field: z.string().min(1).max(40),
  ruleId: z.string().min(1).max(60),
  phrase: requiredText('the phrase', 80),
  reason: requiredText('why the wording stays', 1_000),
});

// --- Responses ---

const agencyRef = z.object({ id, name: z.string() });
export const evidenceLinkDto = z.object({
  kind: z.string(),
  targetId: id,
  label: z.string().describe('The event, document or conversation, as a reader would recognise it'),
  passage: z.string().nullable(),
  note: z.string().nullable(),
});
export const factorDto = z.object({
  id,
  group: z.string(),
  groupLabel: z.string(),
  factorType: z.string().nullable(),
  description: z.string(),
  rank: z.int(),
  evidence: z.array(evidenceLinkDto),
  version: z.int(),
});
export const commentDto = z.object({
  id,
  authorName: z.string(),
  authorRole: z.string().describe('Their role in the review, such as “Case group member (Health visitor)”'),
  body: z.string(),
  createdAt: timestamp,
  resolvedAt: timestamp.nullable(),
  resolvedByName: z.string().nullable(),
  resolution: z.string().nullable(),
  mine: z.boolean(),
});
export const flagDto = languageFlag.extend({
  dismissed: z.boolean(),
  dismissalReason: z.string().nullable(),
});
export const fieldFlagsDto = z.object({
  entityType: z.enum(['episode', 'factor', 'finding']),
  entityId: id,
  field: z.string(),
  fieldLabel: z.string(),
  flags: z.array(flagDto),
});

export const episodeDto = z.object({
  id,
  number: z.int(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  agencies: z.array(agencyRef),
  roles: z.array(z.string()),
  whatHappened: z.string(),
  localRationality: z.string(),
  appraisal: z.object({ key: z.string(), label: z.string() }).nullable(),
  appraisalRationale: z.string(),
  standardKind: z.string().nullable(),
  standardReference: z.string().nullable(),
  hindsight: z.string(),
  wentWell: z.string(),
  overviewQueries: z.string(),
  goodPractice: z.boolean(),
  status: episodeStatus,
  statusLabel: z.string(),
  sharedWithCaseGroupAt: timestamp.nullable(),
  events: z
    .array(z.object({ id, occurredOn: z.string(), agencyName: z.string(), summary: z.string() }))
    .describe('Linked narrative events (reviewers only)'),
  evidence: z.array(evidenceLinkDto).describe('Linked documents and conversation passages (reviewers only)'),
  factors: z.array(factorDto),
  comments: z.array(commentDto).describe('Reviewers see every comment; a case group member sees their own'),
  languageFlags: z
    .array(fieldFlagsDto)
    .describe('Flagged wording in the episode and its factors (reviewers only)'),
  unmetForNextStatus: z.array(z.string()).describe('What is still needed before the next status'),
  version: z.int(),
  updatedAt: timestamp,
  abilities: z.object({ edit: z.boolean(), manage: z.boolean(), comment: z.boolean() }),
});
export type EpisodeDto = z.infer<typeof episodeDto>;

export const episodeSummaryDto = z.object({
  id,
  number: z.int(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  agencies: z.array(agencyRef),
  appraisal: z.object({ key: z.string(), label: z.string() }).nullable(),
  goodPractice: z.boolean(),
  status: episodeStatus,
  statusLabel: z.string(),
  sharedWithCaseGroup: z.boolean(),
  factorCount: z.int(),
  openComments: z.int(),
  unresolvedFlags: z.int(),
});
export const episodeList = z.object({
  episodes: z.array(episodeSummaryDto),
  unresolvedLanguageFlags: z.int().describe('Flagged wording not yet reworded or kept with a reason'),
  caseGroupScope,
  abilities: z.object({ create: z.boolean(), manage: z.boolean(), comment: z.boolean() }),
});
export type EpisodeList = z.infer<typeof episodeList>;

export const languageFlagList = z.object({
  unresolved: z.int(),
  fields: z.array(fieldFlagsDto.extend({ episodeId: id, episodeNumber: z.int(), episodeTitle: z.string() })),
});

export const causalMapQuery = z.object({
  agencyId: id.optional().describe('Only episodes involving this agency'),
  group: z.string().max(40).optional().describe('Only factors of this group'),
});
export const causalMapDto = z.object({
  nodes: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['episode', 'factor', 'finding']),
      label: z.string(),
      detail: z.string().describe('A longer description for the node’s tooltip and text alternative'),
      group: z.string().nullable().describe('The factor group, for factor nodes'),
      appraisal: z.string().nullable().describe('The appraisal grade key, for episode nodes'),
      href: z.string().nullable().describe('The web page of the node, where it has one'),
    }),
  ),
  edges: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      kind: z.enum(['influenced', 'supports']),
      detail: z.string().nullable().describe('For a factor, how it influenced this episode'),
    }),
  ),
  agencies: z.array(agencyRef),
  groups: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type CausalMapDto = z.infer<typeof causalMapDto>;
