import { z } from 'zod';
import { id, optionalText, requiredText, timestamp } from '../shared/fields.ts';

/**
 * What an entry in the pseudonym register stands for. People are replaced by a pseudonym (children
 * and family) or their role (practitioners); places, schools and addresses by a description; dates of
 * birth by an age or a period.
 */
export const pseudonymCategories = {
  child: 'Child',
  family_member: 'Family member',
  practitioner: 'Practitioner',
  place: 'Place',
  school: 'School or setting',
  address: 'Address',
  date_of_birth: 'Date of birth',
  other: 'Other identifier',
} as const;
export type PseudonymCategory = keyof typeof pseudonymCategories;
export const pseudonymCategory = z.enum(
  Object.keys(pseudonymCategories) as [PseudonymCategory, ...PseudonymCategory[]],
  { error: 'Choose what the entry is' },
);

/** Categories whose entries are people's names: their parts, initials and possessives are also replaced. */
export const personCategories: readonly PseudonymCategory[] = ['child', 'family_member', 'practitioner'];

export const pseudonymEntryInput = z.object({
  category: pseudonymCategory,
  realValue: requiredText('the real name or identifier', 300),
  variants: z
    .array(requiredText('the other spelling or nickname', 300))
    .max(30, { error: 'Give 30 other spellings or fewer' })
    .default([])
    .describe('Other ways the same person or thing is written: nicknames, maiden names, misspellings'),
  replacement: requiredText('what replaces it in the report', 300),
  note: optionalText('the note', 1_000).nullable(),
});
export type PseudonymEntryInput = z.infer<typeof pseudonymEntryInput>;

export const updatePseudonymRegisterInput = z.object({
  version: z.int().min(0).describe('The register version the change was based on (0 for an empty register)'),
  entries: z.array(pseudonymEntryInput).max(500, { error: 'The register holds 500 entries or fewer' }),
});

export const pseudonymEntryDto = pseudonymEntryInput.extend({ id, variants: z.array(z.string()) });
export type PseudonymEntryDto = z.infer<typeof pseudonymEntryDto>;
export const pseudonymRegisterDto = z.object({
  version: z.int(),
  entries: z.array(pseudonymEntryDto),
  updatedAt: timestamp.nullable(),
  updatedByName: z.string().nullable(),
});
export type PseudonymRegisterDto = z.infer<typeof pseudonymRegisterDto>;

/** An entry as the pseudonymiser and the identifier scan use it. */
export type RegisterEntry = {
  category: PseudonymCategory;
  realValue: string;
  variants: readonly string[];
  replacement: string;
};
