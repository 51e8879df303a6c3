import { describe, expect, it } from 'vitest';
import {
  disableMfaInput,
  formatRecoveryCode,
  groupInFours,
  normaliseRecoveryCode,
  otpauthUrl,
  recoveryCodeAlphabet,
  recoveryCodeFrom,
  secondStepAfterPassword,
  verifyMfaInput,
} from './mfa.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('two-step verification rules', () => {
  it('asks for the code when the person has it, for setting it up when required, else nothing', () => {
    expect(secondStepAfterPassword({ hasMfa: true, mfaRequired: false })).toBe('mfa_pending');
    expect(secondStepAfterPassword({ hasMfa: true, mfaRequired: true })).toBe('mfa_pending');
    expect(secondStepAfterPassword({ hasMfa: false, mfaRequired: true })).toBe('mfa_enrolment_required');
    expect(secondStepAfterPassword({ hasMfa: false, mfaRequired: false })).toBeNull();
  });

  it('takes a code with spaces, or a recovery code in any case, but not both or neither', () => {
    expect(verifyMfaInput.parse({ code: '123 456' })).toEqual({ code: '123456' });
    expect(verifyMfaInput.parse({ recoveryCode: ' ABCDE-fghjk ' })).toEqual({ recoveryCode: 'abcdefghjk' });
    expect(paths(verifyMfaInput.safeParse({}))).toEqual(['code']);
    expect(paths(verifyMfaInput.safeParse({ code: '12345' }))).toEqual(['code']);
    expect(paths(verifyMfaInput.safeParse({ code: '123456', recoveryCode: 'abcdefghjk' }))).toEqual([
      'recoveryCode',
    ]);
    // Letters easily mistaken for digits are not in any recovery code.
    expect(paths(verifyMfaInput.safeParse({ recoveryCode: 'abcde-fghi1' }))).toEqual(['recoveryCode']);
  });

  it('names every missing field when turning it off', () => {
    expect(paths(disableMfaInput.safeParse({}))).toEqual(['currentPassword', 'code']);
  });

  it('makes recovery codes from the unambiguous alphabet, shown in two groups of five', () => {
    let i = 0;
    const bytes = [255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 250];
    const code = recoveryCodeFrom(() => bytes[i++] ?? 0);
    // 255 and 250 fall outside the largest multiple of the alphabet's length and are skipped.
    expect(code).toBe(recoveryCodeAlphabet.slice(0, 10));
    expect(formatRecoveryCode(code)).toBe('abcde-fghjk');
    expect(normaliseRecoveryCode('ABCDE FGHJK')).toBe(code);
  });

  it('groups a secret in fours and builds the otpauth link apps read', () => {
    expect(groupInFours('JBSWY3DPEHPK3PXPJBSW')).toBe('JBSW Y3DP EHPK 3PXP JBSW');
    expect(otpauthUrl('sam@example.org', 'JBSWY3DPEHPK3PXP')).toBe(
      'otpauth://totp/Sightlines:sam%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Sightlines&algorithm=SHA1&digits=6&period=30',
    );
  });
});
