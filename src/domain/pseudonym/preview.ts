import { z } from 'zod';

/** Text to try the register on: nothing of it is stored. */
export const previewPseudonymisationInput = z.object({
  text: z
    .string({ error: 'Enter some text to try' })
    .max(200_000, { error: 'Try 200,000 characters or fewer at a time' })
    .refine((text) => text.trim().length > 0, { error: 'Enter some text to try' }),
});

/** What each kind of identifier the scan finds is, in plain words. */
export const identifierKindLabels = {
  register: 'a name or identifier from the register',
  postcode: 'a postcode',
  phone: 'a phone number',
  email: 'an email address',
  nhs_number: 'an NHS number',
  date_of_birth: 'a date of birth',
  name_like: 'looks like a name',
} as const;
export type IdentifierKind = keyof typeof identifierKindLabels;

/** Something in the pseudonymised text that may still identify someone, with the words around it. */
export const identifierHitDto = z.object({
  kind: z.enum(Object.keys(identifierKindLabels) as [IdentifierKind, ...IdentifierKind[]]),
  /** Why it may identify someone, in plain words. */
  reason: z.string(),
  /** What was found, as written. */
  text: z.string(),
  /** Where it starts and ends in the pseudonymised text (UTF-16 offsets, end exclusive). */
  start: z.int(),
  end: z.int(),
  /** Up to 60 characters before and after it, whitespace collapsed. */
  before: z.string(),
  after: z.string(),
  /** The register rows it belongs to, counted from 1, for a name from the register. */
  rows: z.array(z.int()),
});
export type IdentifierHitDto = z.infer<typeof identifierHitDto>;

export const previewPseudonymisationResult = z.object({
  text: z.string().describe('The text with every real name and identifier in the register replaced'),
  replacements: z.int().describe('How many replacements were made'),
  hits: z.array(identifierHitDto).describe('What the identifier scan still finds in the replaced text'),
});
export type PreviewPseudonymisationResult = z.infer<typeof previewPseudonymisationResult>;

/** The words either side of a stretch of text, whitespace collapsed, for showing a hit in context. */
export function contextOf(text: string, start: number, end: number, width = 60) {
  const from = Math.max(0, start - width);
  const to = Math.min(text.length, end + width);
  const squash = (s: string) => s.replace(/\s+/gu, ' ');
  return {
    before: `${from > 0 ? '…' : ''}${squash(text.slice(from, start))}`,
    after: `${squash(text.slice(end, to))}${to < text.length ? '…' : ''}`,
  };
}
