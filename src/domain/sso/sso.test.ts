import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  domainAllowed,
  emailDomain,
  isSsoErrorCode,
  issuerProblem,
  providerDidMfa,
  SSO_STARTS_PER_ADDRESS,
  safeReturnPath,
  secondStepAfterSso,
  ssoStateExpired,
  tooManySsoStarts,
  updateSsoConfigInput,
} from './sso.ts';

describe('email domains', () => {
  it('takes the domain after the last @, in lower case', () => {
    expect(emailDomain('Jo.Bloggs@Eastmoor.GOV.uk')).toBe('eastmoor.gov.uk');
    expect(emailDomain('no-at-sign')).toBeNull();
    expect(emailDomain('@eastmoor.gov.uk')).toBeNull();
    expect(emailDomain('jo@')).toBeNull();
  });

  it('allows any domain when none are listed, otherwise only those listed', () => {
    expect(domainAllowed([], 'jo@anywhere.example')).toBe(true);
    expect(domainAllowed(['eastmoor.gov.uk'], 'jo@EASTMOOR.gov.uk')).toBe(true);
    expect(domainAllowed(['eastmoor.gov.uk'], 'jo@evil-eastmoor.gov.uk')).toBe(false);
    expect(domainAllowed(['eastmoor.gov.uk'], 'jo@mail.eastmoor.gov.uk')).toBe(false);
  });
});

describe('the return path after signing in', () => {
  it('keeps a path inside Sightlines', () => {
    expect(safeReturnPath('/partnerships/1/reviews?stage=analysis#top')).toBe(
      '/partnerships/1/reviews?stage=analysis#top',
    );
  });

  it('never leads to another site or back to signing in', () => {
    for (const value of [
      undefined,
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/\tevil',
      'javascript:alert(1)',
      '/sign-in?sso_error=expired',
      '/api/auth/sso/start',
    ]) {
      expect(safeReturnPath(value), String(value)).toBe('/');
    }
  });

  it('always answers a path that starts with one slash', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const path = safeReturnPath(value);
        return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\');
      }),
    );
  });
});

describe('the second step after single sign-on', () => {
  it('is done when the provider checked a second factor', () => {
    expect(secondStepAfterSso({ providerMfa: true, hasMfa: true, mfaRequired: true })).toBeNull();
  });

  it('is otherwise the same as after a password', () => {
    expect(secondStepAfterSso({ providerMfa: false, hasMfa: true, mfaRequired: false })).toBe('mfa_pending');
    expect(secondStepAfterSso({ providerMfa: false, hasMfa: false, mfaRequired: true })).toBe(
      'mfa_enrolment_required',
    );
    expect(secondStepAfterSso({ providerMfa: false, hasMfa: false, mfaRequired: false })).toBeNull();
  });

  it('reads "mfa" in the amr claim only', () => {
    expect(providerDidMfa(['pwd', 'mfa'])).toBe(true);
    expect(providerDidMfa(['pwd'])).toBe(false);
    expect(providerDidMfa('mfa')).toBe(false);
    expect(providerDidMfa(undefined)).toBe(false);
  });
});

describe('sign-in states', () => {
  it('expire after ten minutes', () => {
    const start = new Date('2026-12-01T10:00:00Z');
    expect(ssoStateExpired(start, new Date('2026-12-01T10:10:00Z'))).toBe(false);
    expect(ssoStateExpired(start, new Date('2026-12-01T10:10:01Z'))).toBe(true);
  });

  it('have error codes the sign-in page knows', () => {
    expect(isSsoErrorCode('no_account')).toBe(true);
    expect(isSsoErrorCode('toString')).toBe(false);
    expect(isSsoErrorCode(null)).toBe(false);
  });
});

describe('the settings', () => {
  it('want HTTPS issuers, or plain HTTP on this machine only', () => {
    expect(issuerProblem('https://login.microsoftonline.com/tenant/v2.0')).toBeNull();
    expect(issuerProblem('http://127.0.0.1:4000')).toBeNull();
    expect(issuerProblem('http://localhost:4000/realms/x')).toBeNull();
    expect(issuerProblem('http://login.example.org')).toMatch(/https/);
    expect(issuerProblem('https://login.example.org/?tenant=1')).toMatch(/query/);
    expect(issuerProblem('not a url')).toMatch(/in full/);
  });

  it('tidy email domains as typed and drop repeats', () => {
    const parsed = updateSsoConfigInput.parse({
      enabled: false,
      issuer: 'https://login.example.org',
      clientId: 'abc',
      allowedDomains: [' @Eastmoor.gov.uk', 'eastmoor.gov.uk', 'NHS.net'],
      version: 1,
    });
    expect(parsed.allowedDomains).toEqual(['eastmoor.gov.uk', 'nhs.net']);
    const bad = updateSsoConfigInput.safeParse({
      enabled: true,
      issuer: 'https://login.example.org',
      clientId: 'abc',
      allowedDomains: ['jo@eastmoor.gov.uk', 'localhost'],
      version: 1,
    });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['allowedDomains.0', 'allowedDomains.1']);
  });

  it('never throw on odd input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        updateSsoConfigInput.safeParse(value);
        return true;
      }),
    );
  });
});

describe('tooManySsoStarts', () => {
  it('allows an address up to the limit of pending sign-ins, and no more', () => {
    expect(tooManySsoStarts(0)).toBe(false);
    expect(tooManySsoStarts(SSO_STARTS_PER_ADDRESS - 1)).toBe(false);
    expect(tooManySsoStarts(SSO_STARTS_PER_ADDRESS)).toBe(true);
  });
});
