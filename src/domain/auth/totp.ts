import { generateSecret, generateSync, ScureBase32Plugin, verifySync } from 'otplib';
import { totpSettings } from './mfa.ts';

// Time-based one-time codes (RFC 6238 over RFC 4226) with otplib: HMAC-SHA1, 30-second steps,
// 6 digits, the settings every authenticator app uses by default. Kept apart from mfa.ts so the web
// bundle never loads the code generator.

const base32 = new ScureBase32Plugin();
const options = {
  period: totpSettings.periodSeconds,
  digits: totpSettings.digits,
  algorithm: 'sha1',
} as const;
const seconds = (at: Date) => Math.floor(at.getTime() / 1000);

/** Encodes bytes as base32 (RFC 4648), the form authenticator apps accept. */
export function base32Encode(bytes: Uint8Array): string {
  return base32.encode(bytes, { padding: false });
}

/** Decodes base32, ignoring case, spaces and padding; null when it holds any other character. */
export function base32Decode(text: string): Buffer | null {
  try {
    return Buffer.from(base32.decode(text.replace(/[\s=]/g, '').toUpperCase()));
  } catch {
    return null;
  }
}

/** A new shared secret: 20 random bytes (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The 30-second step a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(seconds(at) / totpSettings.periodSeconds);
}

/** The code an authenticator app shows at a moment for a base32 secret. */
export function totpCode(secret: string, at: Date): string {
  return generateSync({ ...options, secret, epoch: seconds(at) });
}

/**
 * Checks a code against the steps either side of now (one step of clock drift each way) and
 * returns the step it matched, or null. Steps at or before `afterStep` are refused, so a code
 * that has been used once cannot be used again.
 */
export function matchTotp(
  secret: string,
  code: string,
  at: Date,
  afterStep: number | null = null,
): number | null {
  if (!base32Decode(secret) || !/^\d{6}$/.test(code)) return null;
  try {
    const result = verifySync({
      ...options,
      secret,
      token: code,
      epoch: seconds(at),
      epochTolerance: totpSettings.window * totpSettings.periodSeconds,
      ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
    });
    return result.valid ? totpStep(at) + result.delta : null;
  } catch {
    return null;
  }
}
