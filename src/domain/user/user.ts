import { z } from 'zod';
import { emailAddress, id, optionalText, requiredText, version } from '../shared/fields.ts';
import { MAX_PASSWORD_LENGTH } from './limits.ts';
import { partnershipRole } from './roles.ts';

const password = z
  .string({ error: 'Enter a password' })
  .min(1, { error: 'Enter a password' })
  .max(MAX_PASSWORD_LENGTH, { error: `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer` });

export const createUserInput = z.object({
  name: requiredText('their full name', 120),
  email: emailAddress,
  jobTitle: optionalText('the job title', 120),
  agencyId: id.nullable().optional(),
  role: partnershipRole,
  initialPassword: password.describe(
    'A temporary password the person must change when they first sign in. Ignored when they already have an account.',
  ),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  name: requiredText('their full name', 120).optional(),
  jobTitle: optionalText('the job title', 120).nullable(),
  agencyId: id.nullable().optional(),
  role: partnershipRole.optional(),
  active: z.boolean().optional(),
  version,
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userDto = z.object({
  id,
  name: z.string(),
  email: z.string(),
  jobTitle: z.string().nullable(),
  agencyId: id.nullable(),
  agencyName: z.string().nullable(),
  role: partnershipRole,
  roleLabel: z.string(),
  active: z.boolean(),
  lastSignedInAt: z.string().nullable(),
  version: z.int(),
  abilities: z.object({ update: z.boolean() }),
});
export type UserDto = z.infer<typeof userDto>;

export const userList = z.object({
  users: z.array(userDto),
  abilities: z.object({ create: z.boolean() }),
});
export type UserList = z.infer<typeof userList>;

export const createUserResult = z.object({
  user: userDto,
  existingAccount: z
    .boolean()
    .describe('True when the person already had a Sightlines account and was added'),
});

export const userParams = z.object({ partnershipId: id, userId: id });

export { password as passwordField };
