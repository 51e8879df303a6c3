import { z } from 'zod';

/** Reusable field schemas with messages written for the person filling in the form. */
export const id = z.uuid({ error: 'Must be a valid identifier' });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` });

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` })
    .optional();

export const emailAddress = z
  .string({ error: 'Enter an email address' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Enter an email address' })
  .max(254, { error: 'Email address must be 254 characters or fewer' })
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }));

export const version = z.int({ error: 'Version must be a whole number' }).min(1);

export const timestamp = z.iso.datetime({ offset: true });

function capitalise(s: string): string {
  const t = s.replace(/^(a|an|the) /, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
