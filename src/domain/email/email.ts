import { z } from 'zod';
import { emailAddress } from '../shared/fields.ts';
import { passwordField } from '../user/user.ts';

/** What a single-use password link is for: setting the first password of a new account, or a forgotten one. */
export const passwordTokenPurposes = {
  invitation: 'Set the password of a new account',
  password_reset: 'Reset a forgotten password',
} as const;
export type PasswordTokenPurpose = keyof typeof passwordTokenPurposes;

/** How long each kind of link works. */
export const passwordTokenLifetimeMs: Record<PasswordTokenPurpose, number> = {
  invitation: 7 * 86_400_000,
  password_reset: 3_600_000,
};

/** A link token is 32 random bytes in base64url: exactly 43 characters of [A-Za-z0-9_-]. */
export const passwordTokenText = z
  .string({ error: 'The link is not complete' })
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'The link is not complete. Copy the whole link from the email.' });

export const requestPasswordResetInput = z.object({ email: emailAddress });
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

export const requestPasswordResetResult = z.object({ message: z.string() });

/** The reply to every reset request, whether or not an account has the address. */
export const passwordResetReply =
  'If there is an account with this email address, we have sent a link to reset its password. The link works for 1 hour.';

export const passwordTokenLookupInput = z.object({ token: passwordTokenText });

export const passwordTokenDto = z.object({
  purpose: z.enum(['invitation', 'password_reset']),
  purposeLabel: z.string(),
  /** The account's email address with most of it hidden, so a forwarded link does not reveal it. */
  emailHint: z.string(),
  expiresAt: z.string(),
});
export type PasswordTokenDto = z.infer<typeof passwordTokenDto>;

export const resetPasswordInput = z.object({ token: passwordTokenText, newPassword: passwordField });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

/**
 * An email address with most of it hidden: the first letter of the name and of the domain, and
 * the domain's ending (`j•••@e•••.org`).
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const ending = dot > 0 ? domain.slice(dot) : '';
  return `${local[0]}•••@${host[0] ?? ''}•••${ending}`;
}

/** How many reset requests are allowed in the window before further ones send nothing (per account) or are refused (per address). */
export const resetThrottleLimits = { windowMinutes: 60, perAccount: 3, perAddress: 10 };

/** Which throttle, if any, a new reset request falls under, given the requests already made in the window. */
export function resetThrottled(
  recent: { forAccount: number; fromAddress: number },
  limits = resetThrottleLimits,
): 'address' | 'account' | null {
  if (recent.fromAddress >= limits.perAddress) return 'address';
  if (recent.forAccount >= limits.perAccount) return 'account';
  return null;
}

/** Sending gives up after this many tries; the email is then marked failed. */
export const MAX_SEND_ATTEMPTS = 5;

const retryMinutes = [1, 5, 30, 120];

/**
 * When to try again after a failed send, given how many tries have now failed; null once the last
 * try has failed. The waits grow: 1 minute, 5 minutes, 30 minutes, 2 hours.
 */
export function nextAttemptAfter(failedAttempts: number, now: Date): Date | null {
  if (failedAttempts >= MAX_SEND_ATTEMPTS) return null;
  const minutes = retryMinutes[Math.min(failedAttempts, retryMinutes.length) - 1] ?? 1;
  return new Date(now.getTime() + minutes * 60_000);
}
