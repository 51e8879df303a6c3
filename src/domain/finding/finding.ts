import { z } from 'zod';
import { fieldFlagsDto } from '../analysis/episode.ts';
import { libraryTheme } from '../library/library.ts';
import { id, optionalText, requiredText, timestamp, version } from '../shared/fields.ts';

/** Where a finding stands: it is tested with the case group and agreed by the review team before it is final. */
export const findingStatuses = {
  emerging: 'Emerging',
  tested_with_case_group: 'Tested with the case group',
  agreed_by_review_team: 'Agreed by the review team',
  final: 'Final',
} as const;
export type FindingStatus = keyof typeof findingStatuses;
export const findingStatus = z.enum(Object.keys(findingStatuses) as [FindingStatus, ...FindingStatus[]], {
  error: 'Choose emerging, tested with the case group, agreed by the review team or final',
});

/** A pattern that makes poor practice more likely, or good practice a strength to protect. */
export const polarities = {
  risk: 'A risk to the reliability of the system',
  strength: 'A strength to protect',
} as const;
export type Polarity = keyof typeof polarities;
export const polarity = z.enum(Object.keys(polarities) as [Polarity, ...Polarity[]], {
  error: 'Choose whether the finding is a risk or a strength',
});

/** Where the evidence that a pattern is not a quirk of this case comes from. */
export const prevalenceSources = {
  review_team: 'Review team members’ knowledge of their agencies',
  data: 'Data',
  audit: 'Audit',
  case_group: 'The case group',
  research: 'Research',
} as const;
export type PrevalenceSource = keyof typeof prevalenceSources;
export const prevalenceSource = z.enum(
  Object.keys(prevalenceSources) as [PrevalenceSource, ...PrevalenceSource[]],
  {
    error: 'Choose where the evidence comes from',
  },
);

export const priorities = { high: 'High', medium: 'Medium', low: 'Low' } as const;
export type Priority = keyof typeof priorities;
export const priority = z.enum(Object.keys(priorities) as [Priority, ...Priority[]], {
  error: 'Choose high, medium or low',
});

export const currencies = {
  current: 'Still happening',
  partly: 'Partly addressed',
  addressed: 'Since addressed',
  unknown: 'Not known',
} as const;
export type Currency = keyof typeof currencies;
export const currency = z.enum(Object.keys(currencies) as [Currency, ...Currency[]], {
  error: 'Choose whether the pattern is still current',
});

/** The written fields of a finding the language check reads. */
export const checkedFindingFields = {
  statement: 'The finding',
  howItShowed: 'How it showed in this case',
  prevalenceEvidence: 'How we know it is not a quirk of this case',
  whyItMatters: 'Why it matters',
  boardQuestions: 'Issues for the board',
  recommendations: 'Recommendations',
} as const;
export type CheckedFindingField = keyof typeof checkedFindingFields;

const longText = (label: string) => optionalText(label, 20_000);

export const findingParams = z.object({ partnershipId: id, reviewId: id, findingId: id });

const recommendation = z.object({
  text: requiredText('the recommendation', 2_000),
  addressee: optionalText('who it is for', 200).nullable(),
});

const findingFields = {
  statement: requiredText('the finding in one sentence', 600),
  typologyCode: z.string().max(40).nullable().optional().describe('A category code of the review’s typology'),
  polarity: polarity.optional(),
  episodeIds: z.array(id).max(200).optional().describe('The key practice episodes that show it'),
  howItShowed: longText('how it showed in this case'),
  prevalenceSources: z.array(prevalenceSource).max(5).optional(),
  prevalenceEvidence: longText('how we know it is not a quirk of this case'),
  currency: currency.nullable().optional(),
  currencyNote: optionalText('the note on whether it is current', 2_000).nullable(),
  whyItMatters: longText('why it matters'),
  boardQuestions: z
    .array(requiredText('the question for the board', 1_000))
    .max(20, { error: 'Give 20 questions for the board or fewer' })
    .optional(),
  recommendations: z.array(recommendation).max(20).optional(),
  priority: priority.nullable().optional(),
  researchQuestionIds: z.array(id).max(50).optional().describe('The research questions it answers'),
  themes: z
    .array(libraryTheme)
    .max(14, { error: 'Choose 14 themes or fewer' })
    .optional()
    .describe(
      'Theme tags that help find it in the learning library; changing them never reopens the finding',
    ),
};

export const createFindingInput = z.object(findingFields);
export type CreateFindingInput = z.infer<typeof createFindingInput>;
export const updateFindingInput = z.object({
  ...findingFields,
  statement: findingFields.statement.optional(),
  version,
});
export type UpdateFindingInput = z.infer<typeof updateFindingInput>;
export const agreeFindingInput = z.object({ version });
export const changeFindingStatusInput = z.object({ version, status: findingStatus });
export const reorderFindingsInput = z.object({
  findingIds: z.array(id).min(1).max(200).describe('Every finding of the review, in the new order'),
});

export const findingDto = z.object({
  id,
  number: z.int(),
  statement: z.string(),
  typology: z.object({ code: z.string(), name: z.string() }).nullable(),
  polarity,
  episodes: z.array(z.object({ id, number: z.int(), title: z.string() })),
  howItShowed: z.string(),
  prevalenceSources: z.array(prevalenceSource),
  prevalenceEvidence: z.string(),
  currency: currency.nullable(),
  currencyNote: z.string().nullable(),
  whyItMatters: z.string(),
  boardQuestions: z.array(z.string()),
  recommendations: z.array(z.object({ text: z.string(), addressee: z.string().nullable() })),
  priority: priority.nullable(),
  researchQuestions: z.array(z.object({ id, position: z.int(), text: z.string() })),
  themes: z.array(z.object({ key: libraryTheme, label: z.string() })),
  status: findingStatus,
  statusLabel: z.string(),
  unmetForAgreement: z.array(z.string()).describe('What is still needed before the review team can agree it'),
  languageFlags: z.array(fieldFlagsDto),
  version: z.int(),
  updatedAt: timestamp,
  abilities: z.object({ edit: z.boolean(), agree: z.boolean() }),
});
export type FindingDto = z.infer<typeof findingDto>;

export const findingSummaryDto = findingDto
  .pick({
    id: true,
    number: true,
    statement: true,
    typology: true,
    polarity: true,
    priority: true,
    status: true,
    statusLabel: true,
    version: true,
  })
  .extend({ episodeCount: z.int(), boardQuestionCount: z.int(), unresolvedFlags: z.int() });
export const findingList = z.object({
  findings: z.array(findingSummaryDto),
  abilities: z.object({ create: z.boolean(), agree: z.boolean() }),
});
export type FindingList = z.infer<typeof findingList>;
