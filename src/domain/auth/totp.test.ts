import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, newTotpSecret, totpCode, totpStep } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 secret is the ASCII string "12345678901234567890".
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'));
const at = (seconds: number) => new Date(seconds * 1000);

describe('time-based one-time codes', () => {
  it('encodes the RFC secret as authenticator apps expect', () => {
    expect(rfcSecret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')?.toString()).toBe('12345678901234567890');
    expect(base32Decode('not base32!')).toBeNull();
  });

  it('gives the RFC 6238 test values (last six digits)', () => {
    expect(totpCode(rfcSecret, at(59))).toBe('287082');
    expect(totpCode(rfcSecret, at(1111111109))).toBe('081804');
    expect(totpCode(rfcSecret, at(1111111111))).toBe('050471');
    expect(totpCode(rfcSecret, at(1234567890))).toBe('005924');
    expect(totpCode(rfcSecret, at(2000000000))).toBe('279037');
    expect(totpCode(rfcSecret, at(20000000000))).toBe('353130');
  });

  it('accepts the code of the step before or after now, and no further', () => {
    const now = at(1_800_000_015);
    const step = totpStep(now);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, now), now)).toBe(step);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(1_800_000_015 - 30)), now)).toBe(step - 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(1_800_000_015 + 30)), now)).toBe(step + 1);
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(1_800_000_015 - 60)), now)).toBeNull();
    expect(matchTotp(rfcSecret, totpCode(rfcSecret, at(1_800_000_015 + 60)), now)).toBeNull();
  });

  it('refuses a code already used, and anything that is not six digits', () => {
    const now = at(1_800_000_015);
    const code = totpCode(rfcSecret, now);
    expect(matchTotp(rfcSecret, code, now, totpStep(now))).toBeNull();
    expect(matchTotp(rfcSecret, code, now, totpStep(now) - 1)).toBe(totpStep(now));
    expect(matchTotp(rfcSecret, '12345', now)).toBeNull();
    expect(matchTotp(rfcSecret, '12345a', now)).toBeNull();
  });

  it('makes a fresh 160-bit secret each time', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(a);
  });
});
