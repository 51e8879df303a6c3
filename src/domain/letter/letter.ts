import { z } from 'zod';
import { id, version } from '../shared/fields.ts';
import { templateProblems } from './placeholders.ts';

/** The letters Sightlines writes from templates. */
export const letterKinds = {
  introductory: {
    label: 'Introductory letter to a participant',
    hint: 'Invites a member of the case group or review team to take part: the purpose of the review, what a conversation involves, confidentiality and support.',
  },
  family: {
    label: 'Letter to the family',
    hint: 'Tells the family the purpose, process and limits of the review, and how they can take part.',
  },
} as const;
export type LetterKind = keyof typeof letterKinds;
export const letterKind = z.enum(Object.keys(letterKinds) as [LetterKind, ...LetterKind[]], {
  error: 'Select which letter',
});

export const letterTemplateBody = z
  .string({ error: 'Enter the wording of the letter' })
  .trim()
  .min(1, { error: 'Enter the wording of the letter' })
  .max(20_000, { error: 'The wording must be 20,000 characters or fewer' })
  .superRefine((body, check) => {
    // PostgreSQL cannot store the NUL character; it only arrives by accident (a pasted binary file).
    if (body.includes('\u0000'))
      check.addIssue({ code: 'custom', message: 'Remove the unreadable characters' });
    for (const message of templateProblems(body)) check.addIssue({ code: 'custom', message });
  });

export const updateLetterTemplateInput = z.object({
  body: letterTemplateBody,
  version: version
    .nullable()
    .describe('The version you read; null when you started from the standard wording'),
});
export type UpdateLetterTemplateInput = z.infer<typeof updateLetterTemplateInput>;

export const letterTemplateDto = z.object({
  kind: letterKind,
  kindLabel: z.string(),
  hint: z.string(),
  body: z.string(),
  isStandard: z.boolean().describe('True while the partnership uses the standard wording'),
  standardBody: z.string(),
  version: z.int().nullable().describe('Null while the partnership uses the standard wording'),
  updatedAt: z.string().nullable(),
  abilities: z.object({ update: z.boolean() }),
});
export type LetterTemplateDto = z.infer<typeof letterTemplateDto>;

export const letterTemplateList = z.object({
  templates: z.array(letterTemplateDto),
  placeholders: z.array(z.object({ name: z.string(), description: z.string() })),
  abilities: z.object({ update: z.boolean() }),
});
export type LetterTemplateList = z.infer<typeof letterTemplateList>;

export const letterTemplateParams = z.object({ partnershipId: id, kind: letterKind });
export const letterParams = z.object({ partnershipId: id, reviewId: id, kind: letterKind });

export const generateLetterQuery = z.object({
  participantId: id
    .optional()
    .describe('Who the letter is to: required for the introductory letter, optional for the family letter'),
});

/** What the letters page of a review offers: the kinds of letter and who each can be sent to. */
export const letterOptions = z.object({
  review: z.object({ id, title: z.string() }),
  kinds: z.array(
    z.object({
      kind: letterKind,
      label: z.string(),
      hint: z.string(),
      participantRequired: z.boolean(),
      recipientIds: z.array(id).describe('The participants this letter can be addressed to'),
    }),
  ),
  recipients: z.array(z.object({ participantId: id, name: z.string(), roleLabel: z.string() })),
  abilities: z.object({ generate: z.boolean(), editTemplates: z.boolean() }),
});
export type LetterOptions = z.infer<typeof letterOptions>;
