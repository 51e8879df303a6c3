import { z } from 'zod';
import { passwordField } from '../user/user.ts';
import { sessionDto } from './session.ts';

/** The authenticator settings (RFC 6238): 30-second steps, 6 digits, one step of clock drift either way. */
export const totpSettings = { algorithm: 'SHA1', digits: 6, periodSeconds: 30, window: 1 } as const;

export const MFA_ISSUER = 'Sightlines';
export const RECOVERY_CODE_COUNT = 10;

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
export const recoveryCodeAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
const recoveryCodeLength = 10;

const enterCode = 'Enter the 6-digit code from your authenticator app';
const codeFormat = 'The code must be 6 digits, like 123456';
const recoveryFormat = 'Enter a recovery code exactly as it was shown, like abcde-fghjk';

/** A code as typed: spaces are ignored (apps show "123 456"). */
export const mfaCode = z
  .string({ error: enterCode })
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, { error: enterCode })
      .regex(/^\d{6}$/, { error: codeFormat }),
  );

/** A recovery code as typed: case, spaces and hyphens are ignored. */
export const recoveryCode = z
  .string({ error: recoveryFormat })
  .max(40, { error: recoveryFormat })
  .transform(normaliseRecoveryCode)
  .pipe(
    z
      .string()
      .min(1, { error: 'Enter a recovery code' })
      .regex(new RegExp(`^[${recoveryCodeAlphabet}]{${recoveryCodeLength}}$`), { error: recoveryFormat }),
  );

/** A second factor: the code from the app, or one recovery code in its place. */
const secondFactor = {
  code: mfaCode.optional(),
  recoveryCode: recoveryCode.optional(),
};

function oneFactor(
  value: { code?: string | undefined; recoveryCode?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (!value || typeof value !== 'object') return;
  if (value.code === undefined && value.recoveryCode === undefined) {
    ctx.addIssue({ code: 'custom', path: ['code'], message: enterCode });
  } else if (value.code !== undefined && value.recoveryCode !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['recoveryCode'],
      message: 'Enter either the code from your app or a recovery code, not both',
    });
  }
}

// Checked even when another field is wrong, so every problem is named at once.
const always = { when: () => true };

export const verifyMfaInput = z.object(secondFactor).superRefine(oneFactor, always);
export type VerifyMfaInput = z.infer<typeof verifyMfaInput>;

export const disableMfaInput = z
  .object({ currentPassword: passwordField, ...secondFactor })
  .superRefine(oneFactor, always);
export type DisableMfaInput = z.infer<typeof disableMfaInput>;

export const mfaEnrolmentDto = z.object({
  secret: z.string().describe('The shared secret in base32; shown only until the enrolment is confirmed'),
  otpauthUrl: z.string().describe('An otpauth:// link holding the same secret, for apps that open links'),
  issuer: z.string(),
  accountName: z.string(),
  digits: z.int(),
  periodSeconds: z.int(),
});
export type MfaEnrolmentDto = z.infer<typeof mfaEnrolmentDto>;

export const mfaVerificationDto = z.object({
  session: sessionDto,
  recoveryCodes: z
    .array(z.string())
    .nullable()
    .describe('Ten one-time recovery codes, shown only once, when two-step verification is turned on'),
});
export type MfaVerificationDto = z.infer<typeof mfaVerificationDto>;

/** How far a session has got with two-step verification; a session with neither is complete. */
export type MfaSessionState = 'mfa_pending' | 'mfa_enrolment_required';

/**
 * What a session needs after a correct password: the code when the person has two-step
 * verification, setting it up when their partnership requires it and they have none, else nothing.
 */
export function secondStepAfterPassword(person: {
  hasMfa: boolean;
  mfaRequired: boolean;
}): MfaSessionState | null {
  if (person.hasMfa) return 'mfa_pending';
  if (person.mfaRequired) return 'mfa_enrolment_required';
  return null;
}

/** Lower case without spaces or hyphens, so "ABCDE-FGHJK" and "abcdefghjk" are the same code. */
export function normaliseRecoveryCode(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, '');
}

/** A recovery code as shown: two groups of five. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Makes a recovery code from random bytes (one character per byte, without bias). */
export function recoveryCodeFrom(randomByte: () => number): string {
  const n = recoveryCodeAlphabet.length;
  const limit = 256 - (256 % n);
  let code = '';
  while (code.length < recoveryCodeLength) {
    const b = randomByte();
    if (b < limit) code += recoveryCodeAlphabet[b % n];
  }
  return code;
}

/** A secret grouped in fours, easier to type into an app by hand. */
export function groupInFours(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join(' ');
}

/** The otpauth:// link (Key URI format) that authenticator apps read. */
export function otpauthUrl(accountName: string, secret: string, issuer = MFA_ISSUER): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(accountName)}`;
  const query = new URLSearchParams({
    secret,
    issuer,
    algorithm: totpSettings.algorithm,
    digits: String(totpSettings.digits),
    period: String(totpSettings.periodSeconds),
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}
