import { z } from 'zod';
import { factorGroups } from '../conversation/factors.ts';
import { id, requiredText, timestamp } from '../shared/fields.ts';
import { builtInLanguageRules, languageRule } from './language.ts';

/**
 * The reference data a review is analysed with. Each kind is versioned per partnership: version 1 is
 * what Sightlines ships; a partnership admin can publish later versions; a review keeps the version
 * it started its analysis with, so its codes never shift under it.
 */
export const referenceKinds = {
  typology: 'Typology of underlying patterns',
  factors: 'Contributory factor framework',
  appraisal: 'Appraisal scale',
  language: 'Hindsight and blame language rules',
} as const;
export type ReferenceKind = keyof typeof referenceKinds;
export const referenceKindKeys = Object.keys(referenceKinds) as [ReferenceKind, ...ReferenceKind[]];
export const referenceKind = z.enum(referenceKindKeys, { error: 'Choose a kind of reference data' });

const key = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, { error: `The ${label} must be lower-case letters, digits and underscores` });

const uniqueBy =
  <T>(pick: (item: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = pick(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} “${k}” is used twice` });
      seen.add(k);
    });
  };

export const typologyContent = z.object({
  categories: z
    .array(
      z.object({
        code: key('code'),
        name: requiredText('the name', 200),
        laterName: z.string().trim().max(200).optional().describe('The label used in later reports'),
        definition: z.string().trim().max(2000).default(''),
      }),
    )
    .min(1, { error: 'Give at least one category' })
    .superRefine(uniqueBy((c) => c.code, 'The code')),
});

export const factorsContent = z.object({
  groups: z
    .array(
      z.object({
        key: key('key'),
        label: requiredText('the label', 120),
        hint: z.string().trim().max(400).default(''),
        types: z.array(z.string().trim().min(1).max(200)).max(60).default([]),
      }),
    )
    .min(1, { error: 'Give at least one factor group' })
    .superRefine(uniqueBy((g) => g.key, 'The key')),
});

export const appraisalContent = z.object({
  grades: z
    .array(
      z.object({
        key: key('key'),
        label: requiredText('the label', 80),
        description: z.string().trim().max(600).default(''),
      }),
    )
    .min(2, { error: 'Give at least two grades' })
    .superRefine(uniqueBy((g) => g.key, 'The key')),
});

export const languageContent = z.object({
  rules: z
    .array(languageRule)
    .min(1, { error: 'Give at least one rule' })
    .superRefine(uniqueBy((r) => r.id, 'The rule id')),
});

export const referenceContentSchemas = {
  typology: typologyContent,
  factors: factorsContent,
  appraisal: appraisalContent,
  language: languageContent,
} as const;

export type TypologyContent = z.infer<typeof typologyContent>;
export type FactorsContent = z.infer<typeof factorsContent>;
export type AppraisalContent = z.infer<typeof appraisalContent>;
export type LanguageContent = z.infer<typeof languageContent>;
export type ReferenceContent = {
  typology: TypologyContent;
  factors: FactorsContent;
  appraisal: AppraisalContent;
  language: LanguageContent;
};

/** What Sightlines ships as version 1 of each kind (SCIE Guide 24, 2008, and the usual later labels). */
export const builtInReference: { [K in ReferenceKind]: { name: string; content: ReferenceContent[K] } } = {
  typology: {
    name: 'SCIE Guide 24 (2008), with later report labels',
    content: {
      categories: [
        {
          code: 'tools',
          name: 'Human–tool operation',
          laterName: 'Tools',
          definition:
            'How forms, frameworks, IT systems and other tools shape what practitioners notice, record and do.',
        },
        {
          code: 'management_systems',
          name: 'Human–management system operation',
          laterName: 'Management systems',
          definition: 'How resources, priorities, targets, supervision and procedures shape practice.',
        },
        {
          code: 'incidents_crises',
          name: 'Multi-agency working in response to incidents and crises',
          laterName: 'Responses to incidents',
          definition:
            'Communication and collaboration between agencies when something happens that needs a response.',
        },
        {
          code: 'longer_term',
          name: 'Multi-agency working in assessment and longer-term work',
          laterName: 'Multi-agency working in longer-term work',
          definition:
            'Communication and collaboration between agencies in assessment, planning and continuing work.',
        },
        {
          code: 'family_professional',
          name: 'Family–professional interaction',
          laterName: 'Family–professional interaction',
          definition: 'How the relationship between families and professionals shapes what is seen and done.',
        },
        {
          code: 'human_reasoning',
          name: 'Human judgement and reasoning',
          laterName: 'Human reasoning: cognitive and emotional biases',
          definition:
            'Innate biases in how people think and feel that the system can make more or less likely.',
        },
      ],
    },
  },
  factors: {
    name: 'SCIE Guide 24 (2008), Appendices 3 and 5',
    content: {
      groups: Object.entries(factorGroups).map(([k, g]) => ({
        key: k,
        label: g.label,
        hint: g.hint,
        types: [...g.types],
      })),
    },
  },
  appraisal: {
    name: 'Learning Together appraisal scale',
    content: {
      grades: [
        {
          key: 'good',
          label: 'Good',
          description: 'Practice that met or went beyond the expected standard.',
        },
        { key: 'adequate', label: 'Adequate', description: 'Practice that met the expected standard.' },
        {
          key: 'problematic',
          label: 'Problematic',
          description: 'Practice that fell short of the expected standard, judged on what was knowable then.',
        },
        { key: 'mixed', label: 'Mixed', description: 'Some aspects good or adequate, others problematic.' },
        {
          key: 'unable_to_judge',
          label: 'Unable to judge',
          description: 'There is not enough evidence to judge the practice fairly.',
        },
      ],
    },
  },
  language: { name: 'Sightlines language rules', content: { rules: builtInLanguageRules } },
};

/** The query and body of publishing a new version of one kind. */
export const referenceKindParams = z.object({ partnershipId: id, referenceKind });
export const referenceVersionParams = referenceKindParams.extend({
  referenceVersion: z.coerce.number().int().min(1),
});
export const publishReferenceInput = z.object({
  name: requiredText('a name for this version', 200),
  content: z
    .custom<unknown>((v) => v !== undefined && v !== null, { error: 'Give the content of the new version' })
    .describe('The whole content of the new version, in the shape of its kind'),
  basedOnVersion: z
    .int({ error: 'Give the version this one was edited from, as a whole number' })
    .min(1, { error: 'Give the version this one was edited from, as a whole number' })
    .describe('The version this one was edited from; a newer one is a 409'),
});

export const referenceVersionDto = z.object({
  id,
  kind: referenceKind,
  version: z.int(),
  name: z.string(),
  content: z.unknown(),
  publishedAt: timestamp,
  publishedBy: z.string().nullable().describe('Who published it; empty for the version Sightlines ships'),
  reviewsUsing: z.int().describe('How many reviews are analysed with this version'),
});
export const referenceKindDto = z.object({
  kind: referenceKind,
  label: z.string(),
  current: referenceVersionDto,
  versions: z.array(referenceVersionDto.omit({ content: true })),
});
export const referenceDataDto = z.object({
  kinds: z.array(referenceKindDto),
  abilities: z.object({ publish: z.boolean() }),
});
export type ReferenceVersionDto = z.infer<typeof referenceVersionDto>;
export type ReferenceDataDto = z.infer<typeof referenceDataDto>;

/** The versions one review is analysed with, and their content. */
export const reviewReferenceDto = z.object({
  typology: z.object({ version: z.int(), content: typologyContent }),
  factors: z.object({ version: z.int(), content: factorsContent }),
  appraisal: z.object({ version: z.int(), content: appraisalContent }),
  language: z.object({ version: z.int(), content: languageContent }),
});
export type ReviewReferenceDto = z.infer<typeof reviewReferenceDto>;
