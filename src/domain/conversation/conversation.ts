import { z } from 'zod';
import { id, version } from '../shared/fields.ts';
import { factorGroupKeys, factorGroups, factorTaxonomyVersion } from './factors.ts';
import { conversationStatuses } from './lifecycle.ts';

const LONG = 20_000;
const text = (label: string, max = LONG) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .default('');
const required = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label.toLowerCase()}` })
    .trim()
    .min(1, { error: `Enter ${label.toLowerCase()}` })
    .max(max, { error: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` });

/** How it looked at the time: the person's local rationality, for one turning point or overall. */
export const localRationality = z.object({
  whatWasHappening: text('What they thought was happening'),
  whatCaughtAttention: text('What caught their attention'),
  competingConcerns: text('Competing concerns'),
  hopedToAchieve: text('What they hoped to achieve'),
  optionsSeen: text('The options they saw'),
});
export type LocalRationality = z.infer<typeof localRationality>;

/** A moment the person sees as crucial: a candidate key practice episode. */
export const turningPoint = z.object({
  title: required('A title for the turning point', 200),
  when: text('When', 200),
  description: text('What happened'),
  localRationality: localRationality.optional(),
});

export const contributoryFactor = z
  .object({
    group: z.enum(factorGroupKeys, { error: 'Select a contributory factor group from the list' }),
    factorType: z.string().trim().max(200).optional(),
    description: required('How this factor influenced things', LONG),
    rank: z
      .int({ error: 'Rank must be a whole number' })
      .min(1, { error: 'Rank must be 1 or more (1 is the most significant)' })
      .max(1000, { error: 'Rank must be 1000 or less' }),
  })
  .superRefine((f, ctx) => {
    const types: readonly string[] = factorGroups[f.group].types;
    if (f.factorType && types.length > 0 && !types.includes(f.factorType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['factorType'],
        message: `Select a factor type listed for ${factorGroups[f.group].label}`,
      });
    }
  });
export type ContributoryFactor = z.infer<typeof contributoryFactor>;

export const overviewQuery = z.object({
  query: required('The query', LONG),
  response: text('Their response'),
});

/** The structured record of a conversation, following the conversation structure of the method. */
export const conversationContent = z
  .object({
    factorTaxonomyVersion: z
      .literal(factorTaxonomyVersion, { error: `Factor taxonomy must be ${factorTaxonomyVersion}` })
      .default(factorTaxonomyVersion),
    roleAndInvolvement: text('Role and involvement'),
    turningPoints: z.array(turningPoint).max(50).default([]),
    localRationality: localRationality.optional().describe('How it looked at the time, overall'),
    contributoryFactors: z.array(contributoryFactor).max(100).default([]),
    wentWell: text('What went well'),
    overviewQueries: z.array(overviewQuery).max(100).default([]),
    suggestedChanges: text('Suggested changes'),
  })
  .superRefine((c, ctx) => {
    for (const issue of duplicateRanks(c.contributoryFactors)) ctx.addIssue({ code: 'custom', ...issue });
  });
export type ConversationContent = z.infer<typeof conversationContent>;

/** Field problems for contributory factors sharing a rank: each rank may be used once. */
export function duplicateRanks(factors: readonly { rank: number }[]) {
  const seen = new Map<number, number>();
  const issues: { path: (string | number)[]; message: string }[] = [];
  factors.forEach((f, i) => {
    const first = seen.get(f.rank);
    if (first === undefined) seen.set(f.rank, i);
    else
      issues.push({
        path: ['contributoryFactors', i, 'rank'],
        message: `Rank ${f.rank} is already given to factor ${first + 1}; give each factor a different rank`,
      });
  });
  return issues;
}

/** Contributory factors in order of significance (rank 1 first). */
export function byRank<T extends { rank: number }>(factors: readonly T[]): T[] {
  return [...factors].sort((a, b) => a.rank - b.rank);
}

export const followUpQuestion = z
  .object({
    question: required('The question', 2000),
    answered: z.boolean().default(false),
    answer: text('The answer'),
  })
  .superRefine((q, ctx) => {
    if (q.answered && !q.answer)
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: 'Enter the answer, or mark it not answered',
      });
  });

const heldOn = z.iso.date({ error: 'Enter the date it was held as YYYY-MM-DD' }).nullable();
const conductedBy = z
  .array(id)
  .max(10)
  .describe('Participant ids of the lead or trainee reviewers who held the conversation');

const consentRule = (
  v: { consentGiven?: boolean | undefined; audioRecorded?: boolean | undefined },
  ctx: z.RefinementCtx,
) => {
  if (v.audioRecorded === true && v.consentGiven === false)
    ctx.addIssue({
      code: 'custom',
      path: ['audioRecorded'],
      message: 'A conversation can only be recorded with the person’s consent',
    });
};

export const recordConversationInput = z
  .object({
    participantId: id,
    heldOn: heldOn.optional(),
    conductedBy: conductedBy.default([]),
    consentGiven: z.boolean({ error: 'Say whether the person gave consent' }),
    audioRecorded: z.boolean().default(false),
    content: conversationContent.default(conversationContent.parse({})),
    followUpQuestions: z.array(followUpQuestion).max(100).default([]),
  })
  .superRefine(consentRule);
export type RecordConversationInput = z.infer<typeof recordConversationInput>;

export const updateConversationInput = z
  .object({
    heldOn: heldOn.optional(),
    conductedBy: conductedBy.optional(),
    consentGiven: z.boolean().optional(),
    audioRecorded: z.boolean().optional(),
    content: conversationContent.optional(),
    followUpQuestions: z.array(followUpQuestion).max(100).optional(),
    version,
  })
  .superRefine(consentRule);
export type UpdateConversationInput = z.infer<typeof updateConversationInput>;

export const conversationStatus = z.enum(conversationStatuses, { error: 'Select a status from the list' });

export const changeConversationStatusInput = z.object({
  to: conversationStatus,
  comment: z.string().trim().max(5000, { error: 'Comment must be 5,000 characters or fewer' }).optional(),
  version,
});
export type ChangeConversationStatusInput = z.infer<typeof changeConversationStatusInput>;

export const conversationParams = z.object({ partnershipId: id, reviewId: id, conversationId: id });
