import { dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './limits.ts';

const commonPasswords: ReadonlySet<string> = new Set(
  (dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()),
);

/**
 * Why a proposed password is not acceptable, in words for the person choosing it, or null when it
 * is fine. Length beats complexity rules (NCSC guidance): at least 12 characters, not a commonly
 * used password, not built from the person's own email address or from the product's name.
 */
export function passwordProblem(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  }
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower) || commonPasswords.has(lower.replace(/[0-9!?.]+$/, ''))) {
    return 'Password is too common. Choose a password that is harder to guess, like three random words';
  }
  if (new Set(lower).size <= 2) {
    return 'Password must not repeat the same characters. Choose three random words';
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    return 'Password must not contain your email address';
  }
  if (lower.includes('sightlines')) {
    return 'Password must not contain the name of this service';
  }
  return null;
}
