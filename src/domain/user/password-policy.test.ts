import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('marble-otter-lantern-57')).toBeNull();
  });

  it('refuses passwords under 12 characters', () => {
    expect(passwordProblem('Short1!abc')).toMatch(/12 characters or more/);
  });

  it('refuses common passwords regardless of case and trailing digits', () => {
    expect(passwordProblem('1q2w3e4r5t6y')).toMatch(/too common/);
    expect(passwordProblem('QWERTY123456')).toMatch(/too common/);
    expect(passwordProblem('qazwsxedcrfv!!')).toMatch(/too common/);
  });

  it('refuses repeated characters and the email address', () => {
    expect(passwordProblem('aaaaaaaaaaaaaa')).toMatch(/repeat/);
    expect(passwordProblem('jane.smith-rules-ok', { email: 'jane.smith@example.org' })).toMatch(/email/);
  });

  it('never throws and always answers a string or null', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.emailAddress(), (pw, email) => {
        const r = passwordProblem(pw, { email });
        expect(r === null || typeof r === 'string').toBe(true);
      }),
    );
  });
});
